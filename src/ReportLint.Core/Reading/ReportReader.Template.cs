using System.Text;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Reading;

// Which template a report is checked against: the one given on the command line, else the one it declares, else the
// one for its year. A declared template that does not cover the year (RL0109) and a table laid out for another
// template (RL0114) are each said once, plainly, instead of as a finding for every cell.
public sealed partial class ReportReader
{
    /// <summary>What pass 1 needs: the template and year fields, and which cells each table gives (offsets from the JSON start).</summary>
    /// <param name="BadYear">A whole-number year outside <see cref="Report.FirstYear"/>–<see cref="Report.LastYear"/> (20244 for 2024): not used.</param>
    /// <param name="TemplateNotText">template is there but neither text nor a number (true, [], null): not used.</param>
    private sealed record Header(string? Template, int TemplateOffset, int? Year, int YearOffset, IReadOnlyList<TableLayout> Tables)
    {
        public int? BadYear { get; init; }

        public bool TemplateNotText { get; init; }
    }

    /// <summary>A table as the file lays it out: its key's offset and every <c>row.column</c> it gives.</summary>
    private sealed record TableLayout(string Id, int Offset, IReadOnlyList<(string Row, string Column)> Cells);

    private enum SelectedBy
    {
        Option,
        Declared,
        Year,
    }

    private readonly record struct Selection(TemplateDefinition Template, SelectedBy By);

    private Selection? SelectTemplate(string path, ReadOnlyMemory<byte> bytes, int start, string? templateOverride, Header header, List<Finding> findings)
    {
        // Only a finding needs line numbers; building the index reads the whole file.
        var index = new Lazy<LineIndex>(() => new LineIndex(bytes));
        var name = templateOverride ?? header.Template;
        var year = header.Year;
        if (name is not null)
        {
            var template = templates.Find(name);
            if (template is null)
            {
                var (line, column) = templateOverride is null ? index.Value.Locate(header.TemplateOffset + start) : (1, 1);
                findings.Add(InputError(path, InputRule.UnknownTemplate,
                    $"未知的模板“{Quoted.Brief(name)}”。可用的模板：{string.Join("、", templates.All.Select(t => t.Name))}。",
                    $"Unknown template '{Quoted.Brief(name)}'. Known templates: {string.Join(", ", templates.All.Select(t => t.Name))}.", line, column));
                return null;
            }
            if (year is { } y && !template.Covers(y))
            {
                var (line, column) = templateOverride is null ? index.Value.Locate(header.TemplateOffset + start) : (1, 1);
                var fitting = templates.ForYear(y);
                var (given, givenEn) = templateOverride is null
                    ? ("报告声明的是", "the report declares")
                    : ("命令行 --template 指定的是", "--template gives");
                findings.Add(new Finding(path, InputRule.TemplateYear.Id, InputRule.TemplateYear.Severity,
                    fitting is null
                        ? $"报告年度 {y} 不在任何模板的适用范围内（{templates.Coverage(Language.Chinese)}），{given}“{template.Name}”。请核对报告年度。"
                        : $"报告年度 {y} 应使用模板“{fitting.Name}”，但{given}“{template.Name}”（适用于 {TemplateRegistry.Years(template)} 年度）。",
                    fitting is null
                        ? $"No template covers report year {y} ({templates.Coverage(Language.English)}); {givenEn} '{template.Name}'. Check the year."
                        : $"Report year {y} calls for template '{fitting.Name}', but {givenEn} '{template.Name}' (for report years {TemplateRegistry.Years(template)}).", line, column));
            }
            return new Selection(template, templateOverride is null ? SelectedBy.Declared : SelectedBy.Option);
        }
        if (year is { } reportYear)
        {
            var template = templates.ForYear(reportYear);
            if (template is null)
            {
                var (line, column) = index.Value.Locate(header.YearOffset + start);
                findings.Add(InputError(path, InputRule.UnknownTemplate,
                    $"没有适用于 {reportYear} 年度的模板（{templates.Coverage(Language.Chinese)}）。请核对报告年度。",
                    $"No template covers report year {reportYear} ({templates.Coverage(Language.English)}).", line, column));
                return null;
            }
            return new Selection(template, SelectedBy.Year);
        }
        if (header.BadYear is { } badYear)
        {
            var (line, column) = index.Value.Locate(header.YearOffset + start);
            findings.Add(InputError(path, InputRule.UnknownTemplate,
                $"{BadYearText(badYear)}报告也没有写 template，所以无法确定按哪个格式检查。",
                $"{BadYearTextEn(badYear)} With no 'template' either, the format cannot be determined.", line, column));
            return null;
        }
        if (header.YearOffset > 0)
        {
            // The year is there but not a whole number ("2024" in quotes, 2024.5): say that, where it is.
            var (line, column) = index.Value.Locate(header.YearOffset + start);
            findings.Add(InputError(path, InputRule.UnknownTemplate,
                "year（报告年度）应为不带引号的整数年份，如 \"year\": 2024；报告也没有写 template，所以无法确定按哪个格式检查。",
                "'year' must be a whole year without quotes, such as \"year\": 2024; with no 'template' either, the format cannot be determined.", line, column));
            return null;
        }
        findings.Add(InputError(path, InputRule.UnknownTemplate,
            "报告既没有写 template（模板），也没有写 year（报告年度），无法确定按哪个格式检查。",
            "The report has neither 'template' nor 'year', so its format cannot be determined.", 1, 1));
        return null;
    }

    /// <summary>
    /// Tables whose cells are not all in the selected template but are all in another template's table of the same id
    /// (a 2019 表二 in a report checked as 2021). Each gets one RL0114; the caller skips them.
    /// </summary>
    private IEnumerable<int> TablesForOtherTemplates(string path, ReadOnlyMemory<byte> bytes, int start, Selection selection, Header header, List<Finding> findings)
    {
        var chosen = selection.Template;
        LineIndex? lines = null;
        foreach (var layout in header.Tables)
        {
            var table = chosen.TableIndex(layout.Id);
            if (table < 0)
            {
                continue;
            }
            var strangers = layout.Cells.Where(c => !HasCell(chosen, table, c)).ToList();
            if (strangers.Count == 0)
            {
                continue;
            }
            var other = templates.All.Where(t => t != chosen).FirstOrDefault(t => t.TableIndex(layout.Id) is var i and >= 0 && layout.Cells.All(c => HasCell(t, i, c)));
            if (other is null)
            {
                continue;
            }
            var (line, column) = (lines ??= new LineIndex(bytes)).Locate(layout.Offset + start);
            var info = chosen.Tables[table];
            var (strange, strangeEn) = Strangers(chosen, table, strangers);
            var (why, whyEn) = selection.By switch
            {
                SelectedBy.Option => ($"命令行指定了 --template {chosen.Name}", $"--template {chosen.Name} was given"),
                SelectedBy.Declared => ($"报告声明的模板是“{chosen.Name}”", $"the report declares '{chosen.Name}'"),
                _ => ($"报告年度 {header.Year} 适用模板“{chosen.Name}”", $"report year {header.Year} calls for '{chosen.Name}'"),
            };
            var y = header.Year ?? 0;
            var (advice, adviceEn) = (header.Year is not null && other.Covers(y), selection.By) switch
            {
                (true, SelectedBy.Option) => ($"报告年度 {y} 适用模板“{other.Name}”：请去掉 --template {chosen.Name}，或改用 --template {other.Name}。",
                                              $"Report year {y} is covered by '{other.Name}': drop --template {chosen.Name}, or use --template {other.Name}."),
                (true, _) => ($"报告年度 {y} 也适用模板“{other.Name}”：请把 template 改为“{other.Name}”。",
                              $"Report year {y} is also covered by '{other.Name}': set template to \"{other.Name}\"."),
                _ => ($"请按模板“{chosen.Name}”的格式重新填写{info.Short}，或改正 template / year。",
                      $"Fill the table in as template '{chosen.Name}' lays it out, or correct template/year."),
            };
            findings.Add(new Finding(path, InputRule.OtherTemplateTable.Id, InputRule.OtherTemplateTable.Severity,
                $"{info.Short}（{info.Id}）是按模板“{other.Name}”（{other.Title}）的格式填写的：{strange}，模板“{chosen.Name}”中没有。" +
                $"本报告按模板“{chosen.Name}”检查（{why}）。{advice}{info.Short}未检查。",
                $"Table {info.Id} is laid out for template '{other.Name}' ({other.TitleEn}): template '{chosen.Name}' has no {strangeEn}. " +
                $"This report is checked against '{chosen.Name}' ({whyEn}). {adviceEn} The table was not checked.",
                line, column)
            {
                Template = chosen.Name,
                Year = header.Year,
            });
            yield return table;
        }
    }

    /// <summary>The rows and columns the selected template lacks, e.g. “other_services、procurement 行和 made、published 列”.</summary>
    private static (string, string) Strangers(TemplateDefinition template, int table, List<(string Row, string Column)> cells)
    {
        var rows = cells.Select(c => c.Row).Where(r => template.RowIndex(table, r) < 0).Distinct().ToList();
        var columns = cells.Select(c => c.Column).Where(c => template.ColumnIndex(table, c) < 0).Distinct().ToList();
        if (rows.Count == 0 && columns.Count == 0)
        {
            var some = cells.Take(3).Select(c => c.Row + "." + c.Column).ToList();
            return ("其中单元格 " + string.Join("、", some), "cells " + string.Join(", ", some));
        }
        var zh = new List<string>();
        var en = new List<string>();
        if (rows.Count > 0)
        {
            zh.Add(string.Join("、", rows) + " 行");
            en.Add("rows " + string.Join(", ", rows));
        }
        if (columns.Count > 0)
        {
            zh.Add(string.Join("、", columns) + " 列");
            en.Add("columns " + string.Join(", ", columns));
        }
        return ("其中 " + string.Join("和 ", zh), string.Join(" and no ", en));
    }

    private static bool HasCell(TemplateDefinition template, int table, (string Row, string Column) cell)
    {
        var row = template.RowIndex(table, cell.Row);
        var column = template.ColumnIndex(table, cell.Column);
        return row >= 0 && column >= 0 && template.CellIndex(table, row, column) >= 0;
    }

    /// <summary>
    /// Half a surrogate pair in a \u escape ("\uD800") met by a pass that decodes a key or value: valid JSON syntax, but
    /// no text (<see cref="Utf8JsonReader"/> throws <see cref="InvalidOperationException"/>). Carries where it is.
    /// </summary>
    private sealed class BadEscapeException(long offset) : Exception
    {
        public long Offset { get; } = offset;
    }

    private static Header ScanHeader(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            return ScanHeader(ref reader);
        }
        catch (InvalidOperationException)
        {
            throw new BadEscapeException(reader.TokenStartIndex);
        }
    }

    private static Header ScanHeader(ref Utf8JsonReader reader)
    {
        string? template = null;
        int? year = null, badYear = null;
        var templateNotText = false;
        int templateOffset = 0, yearOffset = 0;
        var tables = new List<TableLayout>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(NotAnObject, null, 0, reader.TokenStartIndex);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("template"u8))
            {
                reader.Read();
                templateOffset = (int)reader.TokenStartIndex;
                template = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
                templateNotText = template is null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("year"u8))
            {
                reader.Read();
                yearOffset = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var y))
                {
                    if (Report.IsPlausibleYear(y))
                    {
                        year = y;
                    }
                    else
                    {
                        badYear = y;
                    }
                }
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
            if (template is not null && year is not null)
            {
                // Everything pass 1 is for is known; pass 2 reads (and checks the syntax of) the rest.
                break;
            }
        }
        return new Header(template, templateOffset, year, yearOffset, tables) { BadYear = badYear, TemplateNotText = templateNotText };
    }

    /// <summary>The row and column names the given tables have in the file (only for tables pass 2 found strange).</summary>
    private static List<TableLayout> ScanLayouts(ReadOnlySpan<byte> json, HashSet<string> wanted)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            return ScanLayouts(ref reader, wanted);
        }
        catch (InvalidOperationException)
        {
            throw new BadEscapeException(reader.TokenStartIndex);
        }
    }

    private static List<TableLayout> ScanLayouts(ref Utf8JsonReader reader, HashSet<string> wanted)
    {
        var tables = new List<TableLayout>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTables = reader.ValueTextEquals("tables"u8);
            reader.Read();
            if (isTables)
            {
                ScanTables(ref reader, tables);
            }
            else
            {
                reader.Skip();
            }
        }
        return tables.Where(t => wanted.Contains(t.Id)).ToList();
    }

    /// <summary>The row and column names each table gives; anything that is not an object is left to pass 2 to report.</summary>
    private static void ScanTables(ref Utf8JsonReader reader, List<TableLayout> tables)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var offset = (int)reader.TokenStartIndex;
            var id = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            var cells = new List<(string, string)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var row = reader.GetString()!;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    cells.Add((row, reader.GetString()!));
                    reader.Read();
                    reader.Skip();
                }
            }
            tables.Add(new TableLayout(id, offset, cells));
        }
    }

    private static string BadYearText(int year) =>
        $"year（报告年度）{year} 不是有效的年份：应在 {Report.FirstYear}（《条例》施行）到 {Report.LastYear} 之间，如 2024。";

    private static string BadYearTextEn(int year) =>
        $"'year' {year} is not a plausible report year: it must be between {Report.FirstYear} and {Report.LastYear}, such as 2024.";
}
