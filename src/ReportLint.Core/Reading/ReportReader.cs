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
        if (IsUtf32(span))
        {
            // Checked first: UTF-32 has the zero bytes UTF-16 is recognised by, and was called UTF-16.
            return Fatal(path, InputRule.Unreadable,
                "文件是 UTF-32 编码，不是 UTF-8。请用文本编辑器另存为 UTF-8 后再提交。",
                "The file is UTF-32, not UTF-8. Save it as UTF-8 and submit again.", 1, 1);
        }
        if (IsUtf16(span))
        {
            // Windows Notepad's "Unicode". Said before the UTF-8 check: that one would suggest GBK, or (for ASCII text with
            // no byte order mark, which is valid UTF-8 with a zero byte after every letter) let it through as malformed JSON.
            return Fatal(path, InputRule.Unreadable,
                "文件是 UTF-16 编码（Windows 记事本中称为“Unicode”），不是 UTF-8。请用文本编辑器另存为 UTF-8 后再提交。",
                "The file is UTF-16 (Notepad's \"Unicode\"), not UTF-8. Save it as UTF-8 and submit again.", 1, 1);
        }
        if (!Utf8.IsValid(span))
        {
            if (IsBinary(span) || span.StartsWith("%PDF"u8))
            {
                return Binary(path, bytes.Span);
            }
            var bad = FirstInvalidUtf8(span);
            var (line, column) = new LineIndex(bytes[..bad]).Locate(bad);
            return Fatal(path, InputRule.Unreadable,
                "文件不是 UTF-8 编码（可能是 GBK/GB2312）。请用文本编辑器另存为 UTF-8 后再提交。",
                "The file is not UTF-8 (perhaps GBK/GB2312). Save it as UTF-8 and submit again.", line, column);
        }
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (IsBlank(span[start..]))
        {
            return Fatal(path, InputRule.Unreadable, "文件中只有空格或空行，没有任何内容。", "The file holds nothing but white space.", 1, 1);
        }

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
        catch (BadEscapeException e)
        {
            return BadEscape(path, bytes, start + (int)e.Offset);
        }

        var selection = SelectTemplate(path, bytes, start, templateOverride, header, findings);
        if (selection is null)
        {
            return new ReadResult(null, findings);
        }
        var template = selection.Value.Template;

        // Pass 2: everything, into the template's cell layout.
        var report = new Report(path, template, bytes) { Year = header.Year };
        var context = new ReadContext(report, findings, start) { BadYear = header.BadYear, TemplateNotText = header.TemplateNotText };
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
            List<TableLayout> layouts;
            try
            {
                layouts = ScanLayouts(span[start..], context.StrangeTables.Select(t => template.Tables[t].Id).ToHashSet(StringComparer.Ordinal));
            }
            catch (BadEscapeException e)
            {
                return BadEscape(path, bytes, start + (int)e.Offset);
            }
            foreach (var table in TablesForOtherTemplates(path, bytes, start, selection.Value, header with { Tables = layouts }, findings))
            {
                Unread(context, table);
            }
        }
        CompleteCells(context);
        CheckUnits(context);
        NameTheAgency(report, findings);
        return new ReadResult(report, findings);
    }

    /// <summary>
    /// Findings made before the agency was read (an unknown field above it, a unit) carry it too: a baseline keys
    /// findings by agency and year, and one without the agency would match every agency's report of that year.
    /// </summary>
    private static void NameTheAgency(Report report, List<Finding> findings)
    {
        string? agency = null;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Agency is null && report.AgencyName is not null)
            {
                findings[i] = findings[i] with { Agency = agency ??= Quoted.Brief(report.AgencyName) };
            }
        }
    }

    // A loop rather than IndexOfAnyExcept: that generic is JIT-compiled at every start (ReadyToRun does not cover it),
    // and every file's first byte ends this one.
    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
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

    /// <summary>
    /// The finding for input over <see cref="MaxBytes"/>, given without reading it: a file of that <paramref name="length"/>,
    /// or input with no length (standard input, a pipe; null) read no further than the limit.
    /// </summary>
    public static Finding TooLarge(string path, long? length) => length is { } size
        ? InputError(path, InputRule.Unreadable, $"文件大小 {Megabytes(size)} MB，超过上限 16 MB；年度报告文件不应如此之大。",
            $"The file is {Megabytes(size)} MB, over the 16 MB limit.", 1, 1)
        : InputError(path, InputRule.Unreadable, "输入超过上限 16 MB，未再读取；年度报告文件不应如此之大。",
            "The input is over the 16 MB limit and was not read further.", 1, 1);

    // One decimal, rounded up: a file just over the limit was "16 MB, over the limit of 16 MB".
    private static string Megabytes(long bytes) =>
        (Math.Ceiling(bytes / 1024.0 / 1024.0 * 10) / 10).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class ReadContext(Report report, List<Finding> findings, int start)
    {
        private LineIndex? lines;

        public Report Report { get; } = report;

        public List<Finding> Findings { get; } = findings;

        public int Start { get; } = start;

        /// <summary>From pass 1: a year out of range, a template that is not text (each reported where it is, in pass 2).</summary>
        public int? BadYear { get; init; }

        public bool TemplateNotText { get; init; }

        /// <summary>Cells that have an entry in <c>units</c>, usable or not.</summary>
        public HashSet<int> UnitsGiven { get; } = [];

        /// <summary>Tables laid out for another template (RL0114): not read, their cells not reported.</summary>
        public HashSet<int> SkippedTables { get; } = [];

        /// <summary>Tables in which pass 2 met a row or column the template does not have.</summary>
        public HashSet<int> StrangeTables { get; } = [];

        /// <summary>Offset of each row's (and group's) key by <see cref="TemplateDefinition.RowSlot"/>; -1 when not given.</summary>
        public int[] RowOffsets { get; } = NewRowOffsets(report.Template);

        public int RowOffset(int table, int row) => RowOffsets[Report.Template.RowSlot(table, row)];

        /// <summary>Offset of each table's key under <c>tables</c>; -1 when not given.</summary>
        public int[] TableOffsets { get; } = NewTableOffsets(report.Template);

        private static int[] NewTableOffsets(TemplateDefinition template)
        {
            var offsets = new int[template.Tables.Count];
            Array.Fill(offsets, -1);
            return offsets;
        }

        private static int[] NewRowOffsets(TemplateDefinition template)
        {
            var offsets = new int[template.RowSlotCount];
            Array.Fill(offsets, -1);
            return offsets;
        }

        public (int Line, int Column) Locate(long offset) => (lines ??= new LineIndex(Report.Source)).Locate((int)offset + Start);

        public void Add(InputRule rule, string message, string messageEn, long offset, string? cellKey = null, string? field = null)
        {
            var (line, column) = Locate(offset);
            Findings.Add(new Finding(Report.Path, rule.Id, rule.Severity, message, messageEn, line, column)
            {
                CellKey = cellKey,
                Field = field,
                Template = Report.Template.Name,
                Year = Report.Year,
            });
        }
    }

    private static void ReadRoot(ref Utf8JsonReader reader, ReadContext context)
    {
        reader.Read();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var field = KeyIndex(ref reader, FieldKeysUtf8);
            var key = field >= 0 ? Report.FieldKeys[field] : Name(ref reader);
            if (field >= 0)
            {
                Once(context, ref seen, field, key, keyOffset);
            }
            reader.Read();
            if (field >= 0)
            {
                context.Report.SetFieldOffset(field, (int)reader.TokenStartIndex + context.Start);
            }
            switch (key)
            {
                case "template":
                    if (context.TemplateNotText)
                    {
                        context.Add(InputRule.BadField, $"template（模板）应写成文字，如 \"template\": \"2021\"；这里的值没有使用，模板按报告年度选择（{context.Report.Template.Name}）。",
                            $"'template' must be text such as \"2021\"; this value was not used, the template was chosen by the report year ({context.Report.Template.Name}).", reader.TokenStartIndex, field: "template");
                    }
                    reader.Skip();
                    break;
                case "year":
                    if (context.Report.Year is null)
                    {
                        context.Add(InputRule.BadField,
                            context.BadYear is { } bad ? BadYearText(bad) : "year（报告年度）应为整数年份，如 2024。",
                            context.BadYear is { } badEn ? BadYearTextEn(badEn) : "'year' must be a whole year such as 2024.", reader.TokenStartIndex, field: "year");
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
        // Missing, not given in another form (agency.name: null is "must be text" where it is, not also "missing" at 1:1).
        if (context.Report.AgencyName is null && !context.Findings.Any(f => f.Field == "agency.name"))
        {
            context.Add(InputRule.BadField, "缺少 agency.name（报告机关名称）。", "Missing 'agency.name'.", 0, field: "agency.name");
        }
        // Both required by the format (docs/report-json.md, the schema); without them the deadline, period and
        // year-over-year rules, or every narrative rule, quietly did not apply and the file passed.
        if ((seen & (1 << YearField)) == 0)
        {
            context.Add(InputRule.BadField, "缺少 year（报告年度，如 \"year\": 2024）；按年度的检查（报送期限、统计期限、跨年度核对）无法进行。",
                "Missing 'year' (the report year, e.g. \"year\": 2024); the checks that depend on it (deadline, period, year over year) cannot run.", 0, field: "year");
        }
        if ((seen & (1 << SectionsField)) == 0)
        {
            context.Add(InputRule.BadField, "缺少 sections（报告正文的各部分）；正文与表格的核对无法进行。没有内容的部分写 \"\"。",
                "Missing 'sections' (the report's text); the checks of the text against the tables cannot run. Write \"\" for an empty part.", 0, field: "sections");
        }
    }

    /// <summary>
    /// Records that field number <paramref name="bit"/> of an object was given, and reports it given a second time.
    /// JSON readers disagree on which one counts (at the top level the year of one decided the template, the other the
    /// deadline; in <c>sections</c> the one the rules read was not the one a person sees first): the file must say it once.
    /// </summary>
    private static void Once(ReadContext context, ref int seen, int bit, string field, long keyOffset)
    {
        if ((seen & (1 << bit)) != 0)
        {
            GivenTwice(context, field, keyOffset);
        }
        seen |= 1 << bit;
    }

    private static void GivenTwice(ReadContext context, string field, long keyOffset, string? cellKey = null) =>
        context.Add(InputRule.BadField, $"字段“{field}”写了两次，无法确定以哪一个为准；请删去多余的一个。",
            $"The field '{field}' is given twice; which one counts cannot be told. Remove one.", keyOffset, cellKey, field);

    /// <summary>
    /// A key or short value that is matched against known names and otherwise quoted in a finding: cut to
    /// <see cref="Quoted.MaxLength"/> characters, which no known name comes near, so matching is unchanged.
    /// </summary>
    private static string Name(ref Utf8JsonReader reader) => Quoted.Brief(reader.GetString()!);

    private static readonly byte[][] FieldKeysUtf8 = AsUtf8(Report.FieldKeys);
    private static readonly int YearField = Array.IndexOf(Report.FieldKeys, "year");
    private static readonly int SectionsField = Array.IndexOf(Report.FieldKeys, "sections");
    private static readonly byte[][] SectionKeysUtf8 = AsUtf8(Report.SectionKeys);

    private static byte[][] AsUtf8(string[] keys) => [.. keys.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Which of <paramref name="keys"/> the current property name is, matched on its bytes; -1 for any other.</summary>
    private static int KeyIndex(ref Utf8JsonReader reader, byte[][] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (reader.ValueTextEquals(keys[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
