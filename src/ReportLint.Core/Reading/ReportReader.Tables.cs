using System.Text;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Reading;

// Pass 2's tables: every row and column matched to the template's cells, each value into its cell, then groups settled
// and missing cells reported.
public sealed partial class ReportReader
{
    private static void ReadTables(ref Utf8JsonReader reader, ReadContext context)
    {
        if (!ExpectObject(ref reader, context, "tables"))
        {
            return;
        }
        var template = context.Report.Template;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var tableOffset = reader.TokenStartIndex;
            var tableName = Name(ref reader);
            var table = template.TableIndex(tableName);
            reader.Read();
            if (table < 0)
            {
                context.Add(InputRule.UnknownCell, $"模板 {template.Name} 中没有表“{tableName}”。可用：{string.Join("、", template.Tables.Select(t => t.Id))}。",
                    $"Template {template.Name} has no table '{tableName}'; expected one of: {string.Join(", ", template.Tables.Select(t => t.Id))}.", tableOffset);
                reader.Skip();
                continue;
            }
            if (context.SkippedTables.Contains(table))
            {
                reader.Skip();
                continue;
            }
            if (!ExpectObject(ref reader, context, "tables." + template.Tables[table].Id))
            {
                continue;
            }
            // A table or row given twice is said once, where it is given again: JSON readers that keep the last one (or
            // schema tools) see only the cells of the second. Its cells are then not each said to be given twice.
            var tableTwice = context.TableOffsets[table] >= 0;
            if (tableTwice)
            {
                GivenTwice(context, "tables." + template.Tables[table].Id, tableOffset);
            }
            context.TableOffsets[table] = (int)tableOffset;
            var tableInfo = template.Tables[table];
            var expectedRow = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var rowOffset = reader.TokenStartIndex;
                var row = RowIndex(ref reader, template, table, expectedRow);
                if (row < 0)
                {
                    var rowName = Name(ref reader);
                    reader.Read();
                    context.StrangeTables.Add(table);
                    context.Add(InputRule.UnknownCell, $"{tableInfo.Short} 中没有“{rowName}”这一行。请对照 docs/report-json.md 中的行 id。",
                        $"{tableInfo.Id} has no row '{rowName}'; see docs/report-json.md for row ids.", rowOffset, $"{tableInfo.Id}.{rowName}");
                    reader.Skip();
                    continue;
                }
                reader.Read();
                expectedRow = row + 1;
                var rowId = template.RowId(table, row);
                var slot = template.RowSlot(table, row);
                var rowTwice = tableTwice || context.RowOffsets[slot] >= 0;
                if (rowTwice && !tableTwice)
                {
                    GivenTwice(context, $"tables.{tableInfo.Id}.{rowId}", rowOffset, $"{tableInfo.Id}.{rowId}");
                }
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    // Given, in a form that holds no cells ([1, 2, 3], a number): said once, here, and its cells are
                    // unusable, not also "missing, the whole row" (RL0106) at its key.
                    var at = reader.TokenStartIndex;
                    var written = reader.TokenType == JsonTokenType.StartArray ? "[…]" : Quoted.Brief(Encoding.UTF8.GetString(reader.ValueSpan));
                    var firstColumn = tableInfo.Columns.Where((_, c) => template.CellIndex(table, row, c) >= 0).First().Id;
                    context.Add(InputRule.BadField, $"tables.{tableInfo.Id}.{rowId} 应为 {{ … }} 对象，每列一项，如 {{ \"{firstColumn}\": 0, … }}。",
                        $"'tables.{tableInfo.Id}.{rowId}' must be an object {{ … }} with one entry per column.", at, $"{tableInfo.Id}.{rowId}", field: $"tables.{tableInfo.Id}.{rowId}");
                    context.RowOffsets[slot] = (int)rowOffset;
                    for (var c = 0; c < tableInfo.Columns.Length; c++)
                    {
                        if (template.CellIndex(table, row, c) is var cell and >= 0)
                        {
                            context.Report.Cells[cell] = CellValue.Invalid;
                            context.Report.Texts[cell] = written;
                            context.Report.CellOffsets[cell] = (int)at + context.Start;
                        }
                    }
                    reader.Skip();
                    continue;
                }
                context.RowOffsets[slot] = (int)rowOffset;
                ReadRow(ref reader, context, table, row, rowId, rowTwice);
            }
        }
    }

    // Row and column names are looked up without decoding them (reports are read from one buffer: the name is in
    // ValueSpan), trying the one the template lists next first; an escaped name is decoded.
    private static int RowIndex(ref Utf8JsonReader reader, TemplateDefinition template, int table, int expected) =>
        reader.ValueIsEscaped ? template.RowIndex(table, reader.GetString()) : template.RowIndex(table, reader.ValueSpan, expected);

    private static int ColumnIndex(ref Utf8JsonReader reader, TemplateDefinition template, int table, int expected) =>
        reader.ValueIsEscaped ? template.ColumnIndex(table, reader.GetString()) : template.ColumnIndex(table, reader.ValueSpan, expected);

    /// <summary>
    /// A number token as a cell. Whole numbers of up to 18 digits — nearly every cell — are added up digit by digit and
    /// kept as integers too; anything else (fractions, exponents, signs) goes through <see cref="Utf8JsonReader.TryGetDecimal"/>.
    /// </summary>
    private static bool TryGetNumber(ref Utf8JsonReader reader, out CellValue value)
    {
        var digits = reader.ValueSpan;
        if (digits.Length <= 18)
        {
            long whole = 0;
            var i = 0;
            for (; i < digits.Length; i++)
            {
                var digit = (uint)(digits[i] - '0');
                if (digit > 9)
                {
                    break;
                }
                whole = whole * 10 + digit;
            }
            if (i == digits.Length)
            {
                value = CellValue.Of(whole);
                return true;
            }
        }
        // Out of range: beyond any real count or amount (and beyond what sums of such cells hold exactly), or a value
        // so small that it reads as 0 although written with a non-zero digit (1e-400).
        var parsed = reader.TryGetDecimal(out var number) && Math.Abs(number) < MaxCell && (number != 0 || IsZeroAsWritten(digits))
            && SignificantDigits(digits) <= 28; // more than decimal holds exactly: 23.000…0001 was read as 23
        value = CellValue.Of(number);
        return parsed;
    }

    /// <summary>
    /// A number as JSON writes it, so that taking the quotes off makes it one: "12", "-3", "2.5" (not "+1", "012", "1.").
    /// </summary>
    private static bool IsPlainNumber(string text)
    {
        var i = text[0] == '-' ? 1 : 0;
        var start = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }
        if (i == start || (text[start] == '0' && i - start > 1))
        {
            return false;
        }
        if (i < text.Length && text[i] == '.')
        {
            var fraction = ++i;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }
            if (i == fraction)
            {
                return false;
            }
        }
        return i == text.Length;
    }

    /// <summary>The largest magnitude a cell may hold: 10^18, a million times any public budget in 元.</summary>
    internal const decimal MaxCell = 1_000_000_000_000_000_000m;

    /// <summary>The digits of the number as written, from its first non-zero digit to its last non-zero one, exponent aside.</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        int first = -1, last = -1, position = 0;
        foreach (var c in number)
        {
            if (c is (byte)'e' or (byte)'E')
            {
                break;
            }
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                if (c != '0')
                {
                    first = first < 0 ? position : first;
                    last = position;
                }
                position++;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    private static bool IsZeroAsWritten(ReadOnlySpan<byte> number)
    {
        foreach (var c in number)
        {
            if (c is (byte)'e' or (byte)'E')
            {
                return true;
            }
            if (c is >= (byte)'1' and <= (byte)'9')
            {
                return false;
            }
        }
        return true;
    }


    /// <param name="again">The row (or its table) was given before and said so: its cells are not each said to be given twice.</param>
    private static void ReadRow(ref Utf8JsonReader reader, ReadContext context, int table, int row, string rowName, bool again)
    {
        var template = context.Report.Template;
        var tableInfo = template.Tables[table];
        var cells = context.Report.Cells;
        var offsets = context.Report.CellOffsets;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var column = ColumnIndex(ref reader, template, table, expected);
            expected = column + 1;
            var cell = column < 0 ? -1 : template.CellIndex(table, row, column);
            if (cell < 0)
            {
                var columnName = Name(ref reader);
                reader.Read();
                context.StrangeTables.Add(table);
                context.Add(InputRule.UnknownCell,
                    $"{tableInfo.Short}“{rowName}”行没有“{columnName}”列。这一行的列：{string.Join("、", RowColumns(tableInfo, rowName))}。",
                    $"Row '{rowName}' of {tableInfo.Id} has no column '{columnName}'; its columns: {string.Join(", ", RowColumns(tableInfo, rowName))}.",
                    keyOffset, $"{tableInfo.Id}.{rowName}.{columnName}");
                reader.Skip();
                continue;
            }
            reader.Read();
            var offset = reader.TokenStartIndex;
            if (offsets[cell] >= 0 && !again)
            {
                var info = template.Cells[cell];
                context.Add(InputRule.BadCellValue, $"{info.Label(Language.Chinese)} 填写了两次。", $"{info.Label(Language.English)} is given twice.", keyOffset, info.Key);
            }
            offsets[cell] = (int)offset + context.Start;
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (TryGetNumber(ref reader, out var number))
                    {
                        cells[cell] = number;
                    }
                    else
                    {
                        // Reported here once, like a value of the wrong type below: as text it was "not a number" too.
                        var info = template.Cells[cell];
                        cells[cell] = CellValue.Invalid;
                        var written = Quoted.Brief(Encoding.UTF8.GetString(reader.ValueSpan));
                        context.Report.Texts[cell] = written;
                        context.Add(InputRule.BadCellValue, $"{info.Label(Language.Chinese)} 的数值“{written}”超出范围（过大、过小或位数过多），无法核对。请填写实际的数字。",
                            $"{info.Label(Language.English)}: {written} is out of range.", offset, info.Key);
                    }
                    break;
                case JsonTokenType.Null:
                    cells[cell] = CellValue.Blank;
                    break;
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    context.Report.Texts[cell] = text;
                    if (text.Length > 0 && !IsPlainNumber(text))
                    {
                        cells[cell] = CellValue.Text;
                        break;
                    }
                    // "12" is a number in quotes (spreadsheets export them so), "" nothing at all: "not a number, write
                    // digits only" (RL1006) told someone who had written digits nothing they could act on.
                    var quoted = template.Cells[cell];
                    cells[cell] = CellValue.Invalid;
                    context.Add(InputRule.BadCellValue,
                        text.Length == 0
                            ? $"{quoted.Label(Language.Chinese)} 是空的文字 \"\"。没有发生的事项请填 0，空白请填 null。"
                            : $"{quoted.Label(Language.Chinese)} 的数字加了引号：\"{text}\"。数字不要加引号，请改为 {text}。",
                        text.Length == 0
                            ? $"{quoted.Label(Language.English)} is an empty string \"\". Write 0 for nothing, null for a blank cell."
                            : $"{quoted.Label(Language.English)}: the number is in quotes, \"{text}\". Write it without quotes: {text}.",
                        offset, quoted.Key);
                    break;
                default:
                    // Reported here once; Invalid keeps the template rules from reporting the same cell again.
                    var wrong = template.Cells[cell];
                    cells[cell] = CellValue.Invalid;
                    context.Report.Texts[cell] = reader.TokenType switch
                    {
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        JsonTokenType.StartArray => "[…]",
                        _ => "{…}",
                    };
                    context.Add(InputRule.BadCellValue,
                        $"{wrong.Label(Language.Chinese)} 应为数字、null（空白）或原文文字，不能是 {context.Report.Texts[cell]}。",
                        $"{wrong.Label(Language.English)} must be a number, null (blank) or the text as written, not {context.Report.Texts[cell]}.", offset, wrong.Key);
                    reader.Skip();
                    break;
            }
        }
    }

    private static IEnumerable<string> RowColumns(TableInfo table, string row) =>
        table.Rows.FirstOrDefault(r => r.Id == row)?.Columns ?? table.Columns.Select(c => c.Id);

    /// <summary>Settles groups (given as rows, or as one total) and reports every cell the file does not have.</summary>
    private static void CompleteCells(ReadContext context)
    {
        var report = context.Report;
        var template = report.Template;
        List<int>? wholeTables = null;
        for (var t = 0; t < template.Tables.Count; t++)
        {
            var table = template.Tables[t];
            if (context.SkippedTables.Contains(t))
            {
                for (var r = 0; r < table.Rows.Length + table.Groups.Length; r++)
                {
                    SetAll(report, t, r, CellValue.NotReported);
                }
                continue;
            }
            for (var g = 0; g < table.Groups.Length; g++)
            {
                var group = table.Groups[g];
                var groupRow = table.Rows.Length + g;
                var memberRows = template.GroupMembers(t, g);
                if (context.RowOffset(t, groupRow) >= 0)
                {
                    var overlap = memberRows.Where(r => context.RowOffset(t, r) >= 0).ToArray();
                    if (overlap.Length > 0)
                    {
                        context.Add(InputRule.GroupTwice,
                            $"{group.Label} 既按合计行“{group.Id}”填报，又填了子项（{string.Join("、", overlap.Select(r => table.Rows[r].Id))}）。只能二选一。",
                            $"{group.LabelEn} is given both as the total row '{group.Id}' and as its rows; give one or the other.",
                            context.RowOffset(t, groupRow));
                    }
                    else if (context.SkippedTables.Count == 0)
                    {
                        // Allowed (published reports do it), but not the format: said, so an evaluator sees it — unless a
                        // table is laid out for another template (RL0114), which already says the format is not this one.
                        context.Add(InputRule.GroupAsTotal,
                            $"{table.Short}的“{group.Label}”只填了合计一行，格式要求分列其 {memberRows.Length} 个子项；各子项的数字无从核对。",
                            $"{table.Id}: {group.LabelEn} is given only as its total; the format has {memberRows.Length} rows for it.",
                            context.RowOffset(t, groupRow), $"{table.Id}.{group.Id}");
                    }
                    foreach (var r in memberRows.Where(r => context.RowOffset(t, r) < 0))
                    {
                        SetAll(report, t, r, CellValue.NotReported);
                    }
                }
                else
                {
                    SetAll(report, t, groupRow, CellValue.NotReported);
                }
            }

            if (!AnyRowGiven(context, t))
            {
                (wholeTables ??= []).Add(t);
                continue;
            }
            for (var r = 0; r < table.Rows.Length; r++)
            {
                List<CellInfo>? missing = null;
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    var cell = template.CellIndex(t, r, c);
                    if (cell >= 0 && report.Cells[cell].State == CellState.Missing)
                    {
                        (missing ??= []).Add(template.Cells[cell]);
                    }
                }
                if (missing is null)
                {
                    continue;
                }
                var row = table.Rows[r];
                var rowOffset = context.RowOffset(t, r);
                var whole = rowOffset < 0;
                var at = whole ? report.TablesOffset - context.Start : rowOffset;
                var label = missing[0].TableLabel + " / " + missing[0].RowLabel;
                context.Add(InputRule.MissingCell,
                    whole ? $"缺少 {label}（tables.{table.Id}.{row.Id}）整行。没有数据也要逐格填 0；空白请填 null。"
                          : $"{label} 缺少 {string.Join("、", missing.Select(m => m.ColumnLabel))} 列（{string.Join(", ", missing.Select(m => m.Column))}）。",
                    whole ? $"Row tables.{table.Id}.{row.Id} is missing. Write 0 for nothing, null for a blank cell."
                          : $"Row tables.{table.Id}.{row.Id} lacks column(s) {string.Join(", ", missing.Select(m => m.Column))}.",
                    Math.Max(0, at), $"{table.Id}.{row.Id}");
            }
        }
        if (wholeTables is not null)
        {
            ReportWholeTables(context, wholeTables);
        }
    }

    private static bool AnyRowGiven(ReadContext context, int table)
    {
        var info = context.Report.Template.Tables[table];
        for (var r = 0; r < info.Rows.Length + info.Groups.Length; r++)
        {
            if (context.RowOffset(table, r) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A table without a single row is one finding, not one per row: a report that left out 表三 is told so once, and a
    /// report without <c>tables</c> once for all of them.
    /// </summary>
    private static void ReportWholeTables(ReadContext context, List<int> tables)
    {
        var report = context.Report;
        var template = report.Template;
        var at = Math.Max(0, report.TablesOffset - context.Start);
        if (report.FieldOffset("tables") is null && tables.Count == template.Tables.Count)
        {
            context.Add(InputRule.MissingCell,
                $"缺少 tables（统计表）：{string.Join("、", template.Tables.Select(t => t.Short))}都没有填报。请按 docs/report-json.md 填写各表的全部单元格。",
                "The report has no 'tables'; every table is missing. See docs/report-json.md.", 0);
            return;
        }
        foreach (var t in tables)
        {
            var table = template.Tables[t];
            var given = context.TableOffsets[t] >= 0;
            context.Add(InputRule.MissingCell,
                given ? $"{table.Short}（tables.{table.Id}）一行也没有填写。没有数据也要逐格填 0；空白请填 null。"
                      : $"缺少 {table.Short}（tables.{table.Id}）整张表。没有数据也要逐格填 0；空白请填 null。",
                given ? $"Table tables.{table.Id} has no rows. Write 0 for nothing, null for a blank cell."
                      : $"Table tables.{table.Id} is missing. Write 0 for nothing, null for a blank cell.",
                given ? context.TableOffsets[t] : at, table.Id);
        }
    }

    private static void SetAll(Report report, int table, int row, CellValue value)
    {
        var template = report.Template;
        for (var c = 0; c < template.Tables[table].Columns.Length; c++)
        {
            var cell = template.CellIndex(table, row, c);
            if (cell >= 0 && report.Cells[cell].State == CellState.Missing)
            {
                report.Cells[cell] = value;
            }
        }
    }
}
