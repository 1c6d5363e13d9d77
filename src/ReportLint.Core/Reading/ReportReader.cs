using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Reading;

/// <summary>What reading one file gave: the report (null when it could not be read at all) and the problems met on the way.</summary>
public sealed record ReadResult(Report? Report, IReadOnlyList<Finding> Findings);

/// <summary>
/// Reads the report JSON (docs/report-json.md) with <see cref="Utf8JsonReader"/>, keeping each cell's byte offset
/// so findings can point at the value. Never throws for anything a file contains.
/// </summary>
public sealed partial class ReportReader
{
    public const int MaxBytes = 16 * 1024 * 1024;
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    private readonly TemplateRegistry templates;

    public ReportReader(TemplateRegistry templates) => this.templates = templates;

    public ReadResult Read(string path, ReadOnlyMemory<byte> bytes, string? templateOverride = null)
    {
        var findings = new List<Finding>();
        if (bytes.Length == 0)
        {
            return Fatal(path, InputRule.Unreadable, "文件是空的，没有任何内容。", "The file is empty.", 1, 1);
        }
        if (bytes.Length > MaxBytes)
        {
            return new ReadResult(null, [TooLarge(path, bytes.Length)]);
        }
        var span = bytes.Span;
        if (!Utf8.IsValid(span))
        {
            var bad = FirstInvalidUtf8(span);
            var (line, column) = new LineIndex(bytes[..bad]).Locate(bad);
            return Fatal(path, InputRule.Unreadable,
                "文件不是 UTF-8 编码（可能是 GBK/GB2312）。请用文本编辑器另存为 UTF-8 后再提交。",
                "The file is not UTF-8 (perhaps GBK/GB2312). Save it as UTF-8 and submit again.", line, column);
        }
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;

        // Pass 1: the template decides which cells exist, and it may be declared after the tables.
        Header header;
        try
        {
            header = ScanHeader(span[start..]);
        }
        catch (JsonException e)
        {
            return Malformed(path, bytes, start, e);
        }

        var selection = SelectTemplate(path, bytes, start, templateOverride, header, findings);
        if (selection is null)
        {
            return new ReadResult(null, findings);
        }
        var template = selection.Value.Template;

        // Pass 2: everything, into the template's cell layout.
        var report = new Report(path, template, bytes) { Year = header.Year };
        var context = new ReadContext(report, findings, start);
        var reader = new Utf8JsonReader(span[start..], Options);
        try
        {
            ReadRoot(ref reader, context);
            // Anything after the report object is malformed JSON; reading on makes the reader say so.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return Malformed(path, bytes, start, e);
        }
        catch (InvalidOperationException)
        {
            // Valid JSON syntax that is no text: a \u escape of half a surrogate pair ("\uD800").
            return BadEscape(path, bytes, start + (int)reader.TokenStartIndex);
        }
        if (context.StrangeTables.Count > 0)
        {
            // Rare path: a table with rows or columns the template lacks may be laid out for another template; then it is
            // said once (RL0114) and not checked, instead of a finding for every cell that does not fit.
            var layouts = ScanLayouts(span[start..], context.StrangeTables.Select(t => template.Tables[t].Id).ToHashSet(StringComparer.Ordinal));
            foreach (var table in TablesForOtherTemplates(path, bytes, start, selection.Value, header with { Tables = layouts }, findings))
            {
                Unread(context, table);
            }
        }
        CompleteCells(context);
        CheckUnits(context);
        return new ReadResult(report, findings);
    }

    /// <summary>Forgets what pass 2 read of a table that is not checked: its cells, and the findings about its cells.</summary>
    private static void Unread(ReadContext context, int table)
    {
        context.SkippedTables.Add(table);
        var report = context.Report;
        var id = report.Template.Tables[table].Id;
        foreach (var cell in report.Template.Cells.Where(c => c.Table == id))
        {
            report.Cells[cell.Index] = CellValue.NotReported;
            report.CellOffsets[cell.Index] = -1;
        }
        // Unknown cells, wrong values and units of that table mean nothing once it is reported as laid out for another template.
        context.Findings.RemoveAll(f => f.RuleId is "RL0104" or "RL0105" or "RL0107" && f.CellKey is { } key && key.StartsWith(id + ".", StringComparison.Ordinal));
    }

    /// <summary>The finding for a file over <see cref="MaxBytes"/>; callers can give it without reading the file.</summary>
    public static Finding TooLarge(string path, long length) =>
        InputError(path, InputRule.Unreadable, $"文件大小 {length / 1024 / 1024} MB，超过上限 16 MB；年度报告文件不应如此之大。",
            $"The file is {length / 1024 / 1024} MB, over the 16 MB limit.", 1, 1);

    private sealed class ReadContext(Report report, List<Finding> findings, int start)
    {
        private LineIndex? lines;

        public Report Report { get; } = report;

        public List<Finding> Findings { get; } = findings;

        public int Start { get; } = start;

        /// <summary>Cells that have an entry in <c>units</c>, usable or not.</summary>
        public HashSet<int> UnitsGiven { get; } = [];

        /// <summary>Tables laid out for another template (RL0114): not read, their cells not reported.</summary>
        public HashSet<int> SkippedTables { get; } = [];

        /// <summary>Tables in which pass 2 met a row or column the template does not have.</summary>
        public HashSet<int> StrangeTables { get; } = [];

        /// <summary>Offset of each row's (and group's) key by <see cref="TemplateDefinition.RowSlot"/>; -1 when not given.</summary>
        public int[] RowOffsets { get; } = NewRowOffsets(report.Template);

        public int RowOffset(int table, int row) => RowOffsets[Report.Template.RowSlot(table, row)];

        private static int[] NewRowOffsets(TemplateDefinition template)
        {
            var offsets = new int[template.RowSlotCount];
            Array.Fill(offsets, -1);
            return offsets;
        }

        public (int Line, int Column) Locate(long offset) => (lines ??= new LineIndex(Report.Source)).Locate((int)offset + Start);

        public void Add(InputRule rule, string message, string messageEn, long offset, string? cellKey = null)
        {
            var (line, column) = Locate(offset);
            Findings.Add(new Finding(Report.Path, rule.Id, rule.Severity, message, messageEn, line, column)
            {
                CellKey = cellKey,
                Template = Report.Template.Name,
                Year = Report.Year,
            });
        }
    }

    private static void ReadRoot(ref Utf8JsonReader reader, ReadContext context)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var field = FieldIndex(ref reader);
            var key = field >= 0 ? Report.FieldKeys[field] : reader.GetString()!;
            reader.Read();
            if (field >= 0)
            {
                context.Report.SetFieldOffset(field, (int)reader.TokenStartIndex + context.Start);
            }
            switch (key)
            {
                case "template":
                case "year":
                    if (key == "year" && context.Report.Year is null)
                    {
                        context.Add(InputRule.BadField, "year（报告年度）应为整数年份，如 2024。", "'year' must be a whole year such as 2024.", reader.TokenStartIndex);
                    }
                    reader.Skip();
                    break;
                case "agency":
                    ReadAgency(ref reader, context);
                    break;
                case "period":
                    ReadPeriod(ref reader, context);
                    break;
                case "published":
                    context.Report.Published = ReadDate(ref reader, context, "published");
                    break;
                case "sections":
                    ReadSections(ref reader, context);
                    break;
                case "tables":
                    context.Report.TablesOffset = (int)reader.TokenStartIndex + context.Start;
                    ReadTables(ref reader, context);
                    break;
                case "units":
                    ReadUnits(ref reader, context);
                    break;
                case "source":
                case "$schema":
                    reader.Skip();
                    break;
                default:
                    context.Add(InputRule.UnknownField, $"未知字段“{key}”，已忽略。可用字段见 docs/report-json.md。",
                        $"Unknown field '{key}' was ignored; see docs/report-json.md.", keyOffset);
                    reader.Skip();
                    break;
            }
        }
        if (context.Report.AgencyName is null)
        {
            context.Add(InputRule.BadField, "缺少 agency.name（报告机关名称）。", "Missing 'agency.name'.", 0);
        }
    }

    private static readonly byte[][] FieldKeysUtf8 = [.. Report.FieldKeys.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Which of <see cref="Report.FieldKeys"/> the current key is, matched on its bytes; -1 for any other.</summary>
    private static int FieldIndex(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < FieldKeysUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(FieldKeysUtf8[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static void ReadTables(ref Utf8JsonReader reader, ReadContext context)
    {
        if (!ExpectObject(ref reader, context, "tables"))
        {
            return;
        }
        var template = context.Report.Template;
        var expectedTable = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var tableOffset = reader.TokenStartIndex;
            var tableName = reader.GetString()!;
            var table = template.TableIndex(tableName);
            reader.Read();
            expectedTable = table + 1;
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
            var tableInfo = template.Tables[table];
            var expectedRow = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var rowOffset = reader.TokenStartIndex;
                var row = reader.ValueIsEscaped ? template.RowIndex(table, reader.GetString()) : template.RowIndex(table, reader.ValueSpan, expectedRow);
                if (row < 0)
                {
                    var rowName = reader.GetString()!;
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
                if (!ExpectObject(ref reader, context, $"tables.{tableInfo.Id}.{rowId}"))
                {
                    continue;
                }
                context.RowOffsets[template.RowSlot(table, row)] = (int)rowOffset;
                ReadRow(ref reader, context, table, row, rowId);
            }
        }
    }

    /// <summary>Looks a column name up without decoding it (reports are read from one buffer: the name is in ValueSpan).</summary>
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
        var parsed = reader.TryGetDecimal(out var number);
        value = CellValue.Of(number);
        return parsed;
    }

    private static void ReadRow(ref Utf8JsonReader reader, ReadContext context, int table, int row, string rowName)
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
                var columnName = reader.GetString();
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
            if (offsets[cell] >= 0)
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
                        var info = template.Cells[cell];
                        context.Report.Cells[cell] = CellValue.Text;
                        context.Report.Texts[cell] = Encoding.UTF8.GetString(reader.ValueSpan);
                        context.Add(InputRule.BadCellValue, $"{info.Label(Language.Chinese)} 的数值超出范围。", $"{info.Label(Language.English)} is out of range.", offset, info.Key);
                    }
                    break;
                case JsonTokenType.Null:
                    cells[cell] = CellValue.Blank;
                    break;
                case JsonTokenType.String:
                    context.Report.Cells[cell] = CellValue.Text;
                    context.Report.Texts[cell] = reader.GetString();
                    break;
                default:
                    // Reported here once; NotReported keeps the template rules from reporting the same cell again.
                    var wrong = template.Cells[cell];
                    context.Report.Cells[cell] = CellValue.NotReported;
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
