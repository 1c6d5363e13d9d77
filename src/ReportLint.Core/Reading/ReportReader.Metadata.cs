using System.Globalization;
using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Reading;

// The report's own fields: agency, period, publication date, narrative sections.
public sealed partial class ReportReader
{
    private static void ReadAgency(ref Utf8JsonReader reader, ReadContext context)
    {
        var start = reader.TokenStartIndex;
        if (!ExpectObject(ref reader, context, "agency"))
        {
            return;
        }
        var kindGiven = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var key = Name(ref reader);
            if (key is "name" or "kind")
            {
                Once(context, ref seen, key == "name" ? 0 : 1, "agency." + key, keyOffset);
            }
            reader.Read();
            var offset = reader.TokenStartIndex;
            if (key == "name" && reader.TokenType == JsonTokenType.String)
            {
                context.Report.AgencyName = reader.GetString();
                if (string.IsNullOrWhiteSpace(context.Report.AgencyName))
                {
                    context.Add(InputRule.BadField, "agency.name（报告机关名称）是空的。", "'agency.name' is empty.", offset, field: "agency.name");
                }
            }
            else if (key == "kind" && reader.TokenType == JsonTokenType.String)
            {
                kindGiven = true;
                var kind = Name(ref reader);
                context.Report.AgencyKind = kind switch
                {
                    "government" => AgencyKind.Government,
                    "department" => AgencyKind.Department,
                    "other" => AgencyKind.Other,
                    _ => AgencyKind.Unknown,
                };
                if (context.Report.AgencyKind == AgencyKind.Unknown)
                {
                    context.Add(InputRule.BadField, $"agency.kind 只能是 government（人民政府）、department（政府部门）或 other，不能是“{kind}”。",
                        $"'agency.kind' must be government, department or other, not '{kind}'.", offset, field: "agency.kind");
                }
            }
            else if (key is "name" or "kind")
            {
                context.Add(InputRule.BadField, $"agency.{key} 应为文字。", $"'agency.{key}' must be text.", offset, field: "agency." + key);
            }
            else
            {
                // An unknown field, as at the top level: ignored and said (it was an error here, a warning there).
                context.Add(InputRule.UnknownField, $"agency 中的“{key}”不是报告格式中的字段，已忽略（agency 只有 name 和 kind）。",
                    $"Unknown field 'agency.{key}' was ignored (agency has name and kind).", keyOffset);
            }
            reader.Skip();
        }
        if (!kindGiven)
        {
            // The rules for a government's own report (RL1306, the 3月31日 deadline) would otherwise quietly not apply.
            context.Add(InputRule.BadField, "缺少 agency.kind：government（人民政府）、department（政府部门）或 other；按机关类型的检查（如期限、考核评议）无法进行。",
                "Missing 'agency.kind' (government, department or other); the checks that depend on it (deadline, RL1306) cannot run.", start, field: "agency.kind");
        }
    }

    private static void ReadPeriod(ref Utf8JsonReader reader, ReadContext context)
    {
        if (reader.TokenType == JsonTokenType.Null || !ExpectObject(ref reader, context, "period"))
        {
            return;
        }
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var key = Name(ref reader);
            if (key is "start" or "end")
            {
                Once(context, ref seen, key == "start" ? 0 : 1, "period." + key, keyOffset);
            }
            reader.Read();
            if (key is not ("start" or "end"))
            {
                // Was read as a date: "period.note 应为日期" for what is simply not a field of the format.
                context.Add(InputRule.UnknownField, $"period 中的“{key}”不是报告格式中的字段，已忽略（period 只有 start 和 end）。",
                    $"Unknown field 'period.{key}' was ignored (period has start and end).", keyOffset);
                reader.Skip();
                continue;
            }
            var date = ReadDate(ref reader, context, "period." + key);
            if (key == "start")
            {
                context.Report.PeriodStart = date;
            }
            else if (key == "end")
            {
                context.Report.PeriodEnd = date;
            }
        }
    }

    private static DateOnly? ReadDate(ref Utf8JsonReader reader, ReadContext context, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // "2023-02-29" is in the format and still no date: said so, not "must be YYYY-MM-DD".
        var written = reader.TokenType == JsonTokenType.String ? reader.GetString()! : null;
        var formatted = written is { Length: 10 } && System.Text.RegularExpressions.Regex.IsMatch(written, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
        context.Add(InputRule.BadField,
            formatted ? $"{field} 的日期“{written}”不存在（没有这一天），请核对。" : $"{field} 应为 \"YYYY-MM-DD\" 格式的日期，如 \"2025-01-20\"，不知道时写 null。",
            formatted ? $"'{field}' is \"{written}\", a day that does not exist." : $"'{field}' must be a date \"YYYY-MM-DD\", or null when unknown.",
            reader.TokenStartIndex, field: field);
        reader.Skip();
        return null;
    }

    private static void ReadSections(ref Utf8JsonReader reader, ReadContext context)
    {
        if (!ExpectObject(ref reader, context, "sections"))
        {
            return;
        }
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var index = KeyIndex(ref reader, SectionKeysUtf8);
            var key = index >= 0 ? Report.SectionKeys[index] : Name(ref reader);
            if (index >= 0)
            {
                Once(context, ref seen, index, "sections." + key, keyOffset);
            }
            reader.Read();
            if (index < 0)
            {
                context.Add(InputRule.UnknownField, $"sections 中没有“{key}”这一部分，已忽略。可用：{string.Join("、", Report.SectionKeys)}。",
                    $"Unknown section '{key}' was ignored.", keyOffset);
                reader.Skip();
                continue;
            }
            if (reader.TokenType == JsonTokenType.String)
            {
                // The text is decoded when a rule reads it; only a \u escape can fail to decode (a lone surrogate),
                // and that must be said now, located, so such a string is decoded here once.
                if (reader.ValueIsEscaped && reader.ValueSpan.IndexOf("\\u"u8) >= 0)
                {
                    reader.GetString();
                }
                context.Report.SetSection(index, (int)reader.TokenStartIndex + context.Start);
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                context.Add(InputRule.BadField, $"sections.{key} 应为文字。", $"'sections.{key}' must be text.", reader.TokenStartIndex, field: "sections." + key);
                reader.Skip();
            }
        }
    }

    private static bool ExpectObject(ref Utf8JsonReader reader, ReadContext context, string field)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }
        context.Add(InputRule.BadField, $"{field} 应为 {{ … }} 对象。", $"'{field}' must be an object {{ … }}.", reader.TokenStartIndex, field: field);
        reader.Skip();
        return false;
    }
}
