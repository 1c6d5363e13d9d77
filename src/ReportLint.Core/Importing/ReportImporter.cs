using System.Globalization;
using System.Text.RegularExpressions;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>What the user may state when the source does not: they win over what the text says.</summary>
public sealed record ImportOptions(string? Template = null, int? Year = null, string? Agency = null, string? AgencyKind = null);

/// <summary>The outcome of importing one file: the report (null when nothing could be read) and every diagnostic.</summary>
public sealed record ImportResult(ImportedReport? Report, IReadOnlyList<Finding> Findings);

/// <summary>
/// Turns a published report (web text, pdftotext output, HTML, PDF) into the JSON model: metadata from the title and
/// lead paragraph, the six sections split at their headings, and every cell of the three tables — read, blank, or
/// named in a diagnostic.
/// </summary>
public sealed partial class ReportImporter(TemplateRegistry templates)
{
    public ImportResult Import(string path, string displayPath, ImportOptions options)
    {
        var diagnostics = new ImportDiagnostics(displayPath);
        byte[] bytes;
        try
        {
            // Through FileBytes, as reports are: a named pipe does not make the run wait, and a file over the largest
            // limit (a PDF's) is not read; SourceLoader applies each kind's own limit.
            var (read, length) = FileBytes.ReadAll(path, SourceLoader.MaxPdfBytes);
            bytes = read ?? throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                length is { } size ? $"文件大小 {size / 1024 / 1024} MB，超过导入上限。" : "输入超过导入上限，未再读取。",
                length is { } sizeEn ? $"The file is {sizeEn / 1024 / 1024} MB, over the import limit." : "The input is over the import limit and was not read further.");
        }
        catch (ImportStoppedException)
        {
            return new(null, diagnostics.Findings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(ImportRules.Unreadable, 1, 1, $"无法读取文件：{e.Message}", $"The file cannot be read: {e.Message}");
            return new(null, diagnostics.Findings);
        }
        return Import(bytes, path, displayPath, options, diagnostics);
    }

    /// <summary>Fewer non-blank lines than this, holding more than <see cref="LongestShortText"/> characters, have lost their line breaks.</summary>
    private const int FewestLines = 8;

    private const int LongestShortText = 2000;

    public ImportResult Import(byte[] bytes, string path, string displayPath, ImportOptions options, ImportDiagnostics? diagnostics = null)
    {
        diagnostics ??= new ImportDiagnostics(displayPath);
        try
        {
            if (bytes.Length == 0)
            {
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, "文件是空的。", "The file is empty.");
            }
            var document = SourceLoader.Load(path, bytes, diagnostics);
            var lines = document.Lines.Count(l => l.Text.Trim().Length > 0);
            if (lines == 0)
            {
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, "文件中没有文字（只有空白）。", "The file holds no text, only blank space.");
            }
            // A report has dozens of lines (six headings, a line or more per table row). A few very long lines are a
            // report whose line breaks were lost in copying: without them neither headings nor rows can be told apart,
            // and reading on would only report every row of every table as missing.
            var length = document.Lines.Sum(l => l.Text.Length);
            if (lines < FewestLines && length > LongestShortText)
            {
                var characters = length.ToString("N0", CultureInfo.InvariantCulture);
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                    $"全文只有 {lines} 行，却有 {characters} 个字符：标题、各部分和表格各行之间的换行丢失了（常见于复制粘贴或转换时），无法分出各部分和表格行。请从原网页或 PDF 重新复制或导出，保留换行后再导入。",
                    $"The whole text is {lines} line(s) of {characters} characters: the line breaks between headings, sections and table rows were lost (often in copying or converting), so neither sections nor rows can be told apart. Copy or export the page or PDF again with its line breaks.");
            }
            var report = Read(document, displayPath, options, diagnostics);
            return new(report, diagnostics.Findings.OrderBy(f => f.Line).ThenBy(f => f.Column).ToList());
        }
        catch (ImportStoppedException)
        {
            return new(null, diagnostics.Findings);
        }
    }

    private ImportedReport Read(SourceDocument document, string displayPath, ImportOptions options, ImportDiagnostics diagnostics)
    {
        var outline = Outline.Find(document, diagnostics);
        var headings = outline.Headings;
        var lines = document.Lines;

        // Metadata: the title first, then the lead paragraph and the page's own publication line.
        var preamble = outline.Paragraphs(outline.BodyStart, Math.Max(headings[0], outline.BodyStart));
        var overview = Section(outline, 0);
        var lead = LabelText.Normalize(preamble + overview);

        var (start, end) = Period(lead);
        var year = options.Year ?? outline.TitleYear ?? start?.Year;
        var yearRefused = year is < Report.FirstYear or > Report.LastYear;
        if (year is { } found && yearRefused)
        {
            // A title or period naming 1900 (a typo, or not this kind of report): the checker would refuse it as the year.
            diagnostics.Add(ImportRules.MetadataMissing, 1, 1,
                $"找到的报告年度 {found} 不是有效的年份（应在 {Report.FirstYear}（《条例》施行）到 {Report.LastYear} 之间），没有写入；请核对原文，在 JSON 中填写 year，或导入时用 --year 指定。",
                $"The report year found, {found}, is not a valid year ({Report.FirstYear}–{Report.LastYear}) and was not written; check the source, fill in year in the JSON or pass --year.");
            year = null;
        }
        var agency = options.Agency ?? outline.TitleAgency ?? AgencyIn(lead);
        var published = Published(lines);

        var template = Template(options, year, document, diagnostics);
        var report = new ImportedReport(template, displayPath)
        {
            Year = year,
            AgencyName = agency,
            AgencyKind = options.AgencyKind ?? (agency is null ? null : KindOf(agency)),
            PeriodStart = start,
            PeriodEnd = end,
            Published = published,
            Title = outline.Title,
        };
        if (year is null && !yearRefused)
        {
            diagnostics.Add(ImportRules.MetadataMissing, 1, 1, "找不到报告年度（标题或统计期限中的年份）；请在 JSON 中填写 year，或导入时用 --year 指定。",
                "The report year was not found (in the title or the statistics period); fill in year in the JSON or pass --year.");
        }
        if (agency is null)
        {
            diagnostics.Add(ImportRules.MetadataMissing, 1, 1, "找不到机关名称（标题或导语中的“……人民政府”等）；请在 JSON 中填写 agency.name，或导入时用 --agency 指定。",
                "The agency's name was not found (in the title or the lead paragraph); fill in agency.name in the JSON or pass --agency.");
        }

        report.Sections.Add(new("preamble", preamble));
        report.Sections.Add(new(Outline.Sections[0].Id, overview));
        for (var k = 1; k < Outline.Sections.Length; k++)
        {
            var (id, _, _, _) = Outline.Sections[k];
            var isTable = template.Tables.Any(t => t.Id == id);
            report.Sections.Add(new(id, Section(outline, k, isTable ? i => IsTableLine(lines[i]) : null)));
        }

        // The line after the last value of the tables read so far: a table whose heading is missing is looked for in the
        // neighbouring sections, but not among the rows of the table before it (in a file cut short in 表三, 表四 "found"
        // 表三's rows and reported each as values under a label that is no row of 表四).
        var afterTables = 0;
        for (var t = 0; t < template.Tables.Count; t++)
        {
            var table = template.Tables[t];
            var k = Array.FindIndex(Outline.Sections, s => s.Id == table.Id);
            var (from, to) = TableRegion(outline, k);
            if (k < 0 || headings[k] < 0)
            {
                from = Math.Min(to, Math.Max(from, afterTables));
            }
            var fallbackLine = outline.LineNumber(k >= 0 && headings[k] >= 0 ? headings[k] : from);
            var before = diagnostics.Findings.Count;
            var reader = new TableReader(template, t, report, diagnostics);
            ReadTable(outline, reader, from, to);
            reader.Finish(fallbackLine);
            if (reader.LastValueLine > 0)
            {
                afterTables = document.IndexOf(reader.LastValueLine, from, to) + 1;
            }
            if (reader.SecondCopy is { } copies)
            {
                // Printed twice: what was read of both is set aside, and the copy of this year is read again on its own.
                Unread(report, table, diagnostics, before);
                var (readFrom, readTo) = OneCopy(outline, template, t, from, to, copies, year, displayPath, diagnostics);
                var again = new TableReader(template, t, report, diagnostics);
                ReadTable(outline, again, readFrom, readTo);
                again.Finish(fallbackLine);
            }
            CheckColumnHeadings(template, t, lines, from, to, diagnostics);
        }
        return report;
    }

    private static void ReadTable(Outline outline, TableReader reader, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!outline.IsChrome(i))
            {
                reader.Read(outline.Document.Lines[i]);
            }
        }
    }

    /// <summary>
    /// The lines of the one copy of a table to import. Some reports print a table twice — last year's beside this year's,
    /// for comparison — and reading both kept whichever came first, row by row, with a warning per row: last year's
    /// numbers, imported without an error. The copy whose caption names another year (or 上年, 同期, 对比) is left out;
    /// when the captions do not tell and the numbers differ, the first copy is imported with an error (RL0219).
    /// </summary>
    private static (int From, int To) OneCopy(Outline outline, TemplateDefinition template, int t, int from, int to,
        (int FirstStart, int FirstEnd, int SecondStart) copies, int? year, string displayPath, ImportDiagnostics diagnostics)
    {
        var lines = outline.Document.Lines;
        int IndexOf(int lineNumber) => outline.Document.IndexOf(lineNumber, from, to);
        var split = IndexOf(copies.FirstEnd) + 1;
        var secondStart = IndexOf(copies.SecondStart);
        var table = template.Tables[t];
        var (firstLine, secondLine) = (copies.FirstStart, copies.SecondStart);

        var firstOther = OtherYearCaption(lines, from, IndexOf(copies.FirstStart), year);
        var secondOther = OtherYearCaption(lines, split, secondStart, year);
        if (SameValues(outline, template, t, displayPath, (from, split), (split, to)))
        {
            diagnostics.Add(ImportRules.TableTwiceResolved, secondLine, 1,
                $"{table.Short}出现了两份（第 {firstLine} 行起、第 {secondLine} 行起），数值相同，只导入了第一份。",
                $"{table.ShortEn} is given twice (from line {firstLine} and from line {secondLine}) with the same values; the first was imported.");
            return (from, split);
        }
        if (firstOther is not null && secondOther is null)
        {
            diagnostics.Add(ImportRules.TableTwiceResolved, firstLine, 1,
                $"{table.Short}出现了两份：第 {firstLine} 行起的一份前面写有“{firstOther}”，不是本年度的，没有导入；导入的是第 {secondLine} 行起的一份。",
                $"{table.ShortEn} is given twice: the copy from line {firstLine} is captioned \"{firstOther}\", not this year's, and was not imported; the copy from line {secondLine} was.");
            return (split, to);
        }
        if (secondOther is not null && firstOther is null)
        {
            diagnostics.Add(ImportRules.TableTwiceResolved, secondLine, 1,
                $"{table.Short}出现了两份：第 {secondLine} 行起的一份前面写有“{secondOther}”，不是本年度的，没有导入；导入的是第 {firstLine} 行起的一份。",
                $"{table.ShortEn} is given twice: the copy from line {secondLine} is captioned \"{secondOther}\", not this year's, and was not imported; the copy from line {firstLine} was.");
            return (from, split);
        }
        diagnostics.Add(ImportRules.TableTwiceUnresolved, secondLine, 1,
            $"{table.Short}出现了两份（第 {firstLine} 行起、第 {secondLine} 行起），数值不同，无法判断哪一份是{(year is { } y ? $" {y} " : "本")}年度的；导入的是第一份。请核对原文，删去另一份后重新导入，或手工改正 JSON。",
            $"{table.ShortEn} is given twice (from line {firstLine} and from line {secondLine}) with different values, and which one is {(year is { } yEn ? $"the {yEn} report's" : "this year's")} cannot be told; the first was imported. Check the source: remove the other copy and import again, or correct the JSON by hand.");
        return (from, split);
    }

    /// <summary>Forgets what was read of one table: its cells, its group totals and units, and the diagnostics since <paramref name="before"/>.</summary>
    private static void Unread(ImportedReport report, TableInfo table, ImportDiagnostics diagnostics, int before)
    {
        foreach (var cell in report.Cells.Keys.Where(c => report.Template.Cells[c].Table == table.Id).ToList())
        {
            report.Cells.Remove(cell);
        }
        report.GroupTotals.RemoveWhere(g => g.Table == table.Id);
        foreach (var key in report.Units.Keys.Where(k => k.StartsWith(table.Id + ".", StringComparison.Ordinal)).ToList())
        {
            report.Units.Remove(key);
        }
        diagnostics.Findings.RemoveRange(before, diagnostics.Findings.Count - before);
    }

    /// <summary>The line before a copy of a table (between the previous copy or the section heading and its first value) that marks it as another year's, if any.</summary>
    private static string? OtherYearCaption(IReadOnlyList<SourceLine> lines, int from, int to, int? year)
    {
        for (var i = from; i < to; i++)
        {
            var text = lines[i].Text.Trim();
            var years = YearMention().Matches(text).Select(m => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)).ToList();
            if (years.Any(y => y != year) && !years.Contains(year ?? -1) || PastMarker().IsMatch(text))
            {
                return Quoted.Brief(text);
            }
        }
        return null;
    }

    private static bool SameValues(Outline outline, TemplateDefinition template, int t, string displayPath, (int From, int To) first, (int From, int To) second)
    {
        ImportedReport Read((int From, int To) range)
        {
            var copy = new ImportedReport(template, displayPath);
            var reader = new TableReader(template, t, copy, new ImportDiagnostics(displayPath));
            ReadTable(outline, reader, range.From, range.To);
            reader.Finish(0);
            return copy;
        }
        var a = Read(first).Cells;
        var b = Read(second).Cells;
        return a.Count == b.Count && a.All(c => b.TryGetValue(c.Key, out var other) && other with { Line = 0 } == c.Value with { Line = 0 });
    }

    [GeneratedRegex(@"(?<y>(19|20)[0-9]{2})\s*年")]
    private static partial Regex YearMention();

    [GeneratedRegex(@"上年|上一年|去年|同期|对比|比较")]
    private static partial Regex PastMarker();

    /// <summary>
    /// A table headed by another format's columns (2019's 本年新制作数量 in a 2021 report, which the row labels alone do
    /// not show): its values were read into this format's columns, which mean something else. Nothing else would say so.
    /// </summary>
    private void CheckColumnHeadings(TemplateDefinition template, int t, IReadOnlyList<SourceLine> lines, int from, int to, ImportDiagnostics diagnostics)
    {
        var table = template.Tables[t];
        var own = table.Columns.Select(c => LabelText.Normalize(c.Label)).ToList();
        var text = lines.Skip(from).Take(to - from).Select(l => LabelText.Normalize(l.Text)).ToList();
        foreach (var other in templates.All.Where(o => o != template))
        {
            var found = (other.Tables.FirstOrDefault(x => x.Id == table.Id)?.Columns ?? [])
                .Select(c => (c.Label, Normal: LabelText.Normalize(c.Label)))
                .Where(c => !own.Any(o => o.Contains(c.Normal, StringComparison.Ordinal)) && text.Any(l => l.Contains(c.Normal, StringComparison.Ordinal)))
                .ToList();
            if (found.Count == 0)
            {
                continue;
            }
            var at = from + text.FindIndex(l => found.Any(c => l.Contains(c.Normal, StringComparison.Ordinal)));
            var labels = string.Concat(found.Select(c => $"“{c.Label}”"));
            diagnostics.Add(ImportRules.OtherTemplateColumns, lines[at].Number, 1,
                $"{table.Short}的列标题{labels}是 {other.Name} 年格式的，这份报告却按 {template.Name} 年格式导入：数值放进了 {template.Name} 年格式的列，而两版的列含义不同，请核对原文。整份报告采用 {other.Name} 年格式时，导入时加 --template {other.Name}。",
                $"{table.ShortEn}: the column headings {string.Join(", ", found.Select(c => c.Label))} are the {other.Name} format's, but the report is imported with the {template.Name} format: the values went into the {template.Name} format's columns, which mean something else. Check the source; if the whole report follows the {other.Name} format, import it with --template {other.Name}.");
        }
    }

    private static string Section(Outline outline, int k, Func<int, bool>? stop = null) =>
        outline.Headings[k] < 0 ? "" : outline.Paragraphs(outline.Headings[k] + 1, outline.SectionEnd(k), stop);

    /// <summary>The lines to search for a table: its section, or, when its heading is missing, the neighbouring sections.</summary>
    private static (int From, int To) TableRegion(Outline outline, int k)
    {
        var headings = outline.Headings;
        var from = headings[k] >= 0 ? headings[k] + 1 : headings.Take(k).Where(h => h >= 0).DefaultIfEmpty(-1).Max() + 1;
        return (from, Math.Max(from, outline.SectionEnd(k)));
    }

    /// <summary>Where a table section's own text stops: the first line that belongs to its table.</summary>
    private static bool IsTableLine(SourceLine line)
    {
        if (line.IsCellRow)
        {
            return line.Cells!.Count > 0;
        }
        var norm = LabelText.Normalize(line.Text);
        return TableStart().IsMatch(norm) || line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(TableReader.IsValue);
    }

    private TemplateDefinition Template(ImportOptions options, int? year, SourceDocument document, ImportDiagnostics diagnostics)
    {
        if (options.Template is { } name)
        {
            return templates.Find(name) ?? throw diagnostics.Stop(ImportRules.TemplateGuessed, 1, 1,
                $"没有名为“{name}”的模板；可用的有：{string.Join("、", templates.All.Select(t => t.Name))}。",
                $"There is no template \"{name}\"; known: {string.Join(", ", templates.All.Select(t => t.Name))}.");
        }
        if (year is { } y && templates.ForYear(y) is { } byYear)
        {
            return byYear;
        }
        // No year: the template whose row labels the text carries most of.
        var text = LabelText.Normalize(string.Concat(document.Lines.Select(l => l.Text)));
        var best = templates.All
            .Select(t => (Template: t, Hits: t.Tables.SelectMany(table => table.Rows).Count(r => text.Contains(LabelText.Normalize(r.Label), StringComparison.Ordinal)
                && !templates.All.Where(o => o != t).All(o => o.Tables.SelectMany(x => x.Rows).Any(x => x.Label == r.Label)))))
            .OrderByDescending(x => x.Hits).ThenByDescending(x => x.Template.FirstYear).FirstOrDefault();
        if (best.Template is null || best.Hits == 0)
        {
            throw diagnostics.Stop(ImportRules.TemplateGuessed, 1, 1,
                "找不到报告年度，表格标签也无法判断采用哪一版格式；请用 --year 或 --template 指定。",
                "No report year was found and the table labels do not tell which template the report follows; pass --year or --template.");
        }
        return best.Template;
    }

    private static (DateOnly? Start, DateOnly? End) Period(string lead)
    {
        var match = PeriodPattern().Match(lead);
        if (!match.Success)
        {
            return (null, null);
        }
        var y1 = Int(match, "y1");
        var y2 = match.Groups["y2"].Success ? Int(match, "y2") : y1;
        return (Date(y1, Int(match, "m1"), Int(match, "d1")), Date(y2, Int(match, "m2"), Int(match, "d2")));
    }

    private static DateOnly? Published(IReadOnlyList<SourceLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Text.Length > 200)
            {
                continue;
            }
            var match = PublishedPattern().Match(line.Text);
            if (match.Success)
            {
                return Date(Int(match, "y"), Int(match, "m"), Int(match, "d"));
            }
        }
        return null;
    }

    /// <summary>
    /// A number the patterns matched with \d, which takes any script's digits (full-width ２０２５ on Chinese pages,
    /// Arabic-Indic ٢٠٢٤): int.Parse takes ASCII only and threw. Too long to be a date part: -1, no date.
    /// </summary>
    private static int Int(Match match, string group)
    {
        var value = 0;
        foreach (var c in match.Groups[group].Value)
        {
            if (value > 99_999)
            {
                return -1;
            }
            value = value * 10 + (int)char.GetNumericValue(c);
        }
        return value;
    }

    // Year 0 (统计期限自0000年…) is no date either: DateOnly starts at year 1.
    private static DateOnly? Date(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>
    /// The agency when there is no title: the longest name ending in 人民政府 / 管委会 that the lead text uses at least
    /// twice (“……请与精河县人民政府门户网站”, “精河县人民政府认真落实……”), so the words before it are not taken along.
    /// </summary>
    public static string? AgencyIn(string lead)
    {
        // Every occurrence of a candidate ends where a suffix does, and the same characters before it give the same
        // candidates there; so one pass counts them all (an occurrence that overlaps the one counted before it is not
        // counted, as a search from left to right would not). Searching the whole text for each candidate was
        // quadratic: 10 s for a lead of 500 KB.
        var counts = new Dictionary<string, (int Count, int End, int First)>(StringComparer.Ordinal);
        foreach (Match suffix in AgencySuffix().Matches(lead))
        {
            var endAt = suffix.Index + suffix.Length;
            for (var length = suffix.Length + 2; length <= suffix.Length + 14 && suffix.Index - (length - suffix.Length) >= 0; length++)
            {
                var startAt = endAt - length;
                if (!IsHan(lead[startAt]) || NotAStart.Contains(lead[startAt]))
                {
                    if (!IsHan(lead[startAt]))
                    {
                        break;
                    }
                    continue;
                }
                var candidate = lead.Substring(startAt, length);
                if (!counts.TryGetValue(candidate, out var seen))
                {
                    counts[candidate] = (1, endAt, counts.Count);
                }
                else if (startAt >= seen.End)
                {
                    counts[candidate] = (seen.Count + 1, endAt, seen.First);
                }
            }
        }
        // The longest used twice; of those, the one met first.
        return counts.Where(c => c.Value.Count >= 2).OrderByDescending(c => c.Key.Length).ThenBy(c => c.Value.First).Select(c => c.Key).FirstOrDefault();

        static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
    }

    private static readonly string NotAStart = "在与向由经对按和及是的为将据从我本请了至于以";

    /// <summary>government (人民政府, 管委会, a place name, 街道办事处), department (局, 委, 办…), or other.</summary>
    public static string KindOf(string agency)
    {
        var name = TrailingNote().Replace(agency, "");
        return GovernmentName().IsMatch(name) ? "government" : DepartmentName().IsMatch(name) ? "department" : "other";
    }

    [GeneratedRegex(@"（[^（）]*）$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"(人民政府|管委会|管理委员会)")]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"(人民政府|政府|管委会|管理委员会|街道办事处|(省|自治区|市|自治州|州|盟|地区|区|县|自治县|旗|自治旗|镇|乡|街道))$")]
    private static partial Regex GovernmentName();

    [GeneratedRegex(@"(局|委|委员会|办|办公室|厅|部|署|中心|院|所|站|队|处|会|馆)$")]
    private static partial Regex DepartmentName();

    [GeneratedRegex(@"统计(期限|期间|时限|时间|周期|区间|范围)[^0-9]{0,6}(?<y1>\d{4})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日[^0-9]{0,6}((?<y2>\d{4})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"(发布日期|发布时间|发文日期|公开日期|成文日期)\s*[:：]?\s*(?<y>\d{4})\s*[-年/.]\s*(?<m>\d{1,2})\s*[-月/.]\s*(?<d>\d{1,2})")]
    private static partial Regex PublishedPattern();

    [GeneratedRegex(@"^(第二十条|信息内容|申请人情况|（本列数据|行政复议行政诉讼|行政复议$)")]
    private static partial Regex TableStart();
}
