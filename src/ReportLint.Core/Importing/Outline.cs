using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportLint.Importing;

/// <summary>
/// Where the report is in its source: the title, the six section headings, and where the report body ends (page
/// chrome such as 来源 / 发布日期 / 文件下载, or a second copy of the report on the same page).
/// </summary>
public sealed partial class Outline
{
    /// <summary>The report's parts in order: the model's section ids, heading numerals and the words a heading must carry.</summary>
    public static readonly (string Id, char Numeral, string[] Keys, string Heading)[] Sections =
    [
        ("overview", '一', ["总体情况", "概述", "基本情况"], "一、总体情况"),
        ("proactive", '二', ["主动公开"], "二、主动公开政府信息情况"),
        ("requests", '三', ["收到和处理", "依申请"], "三、收到和处理政府信息公开申请情况"),
        ("appeals", '四', ["行政复议", "行政诉讼"], "四、政府信息公开行政复议、行政诉讼情况"),
        ("problems", '五', ["问题", "改进"], "五、存在的主要问题及改进情况"),
        ("other", '六', ["其他需要报告", "其他需报告", "其他事项"], "六、其他需要报告的事项"),
    ];

    /// <summary>Row labels of 表三 that begin like section headings (一、本年新收…, 四、结转下年度继续办理).</summary>
    private static readonly string[] TableRowWords = ["本年新收", "上年结转", "本年度办理结果", "结转下年度", "继续办理"];

    /// <summary>Each line's label text (<see cref="LabelText.Normalize"/>) and whether it is page chrome, worked out once.</summary>
    private readonly string[] normalized;
    private readonly bool[] chrome;

    private Outline(SourceDocument document)
    {
        Document = document;
        normalized = document.Lines.Select(l => LabelText.Normalize(l.Text)).ToArray();
        chrome = normalized.Select(IsChromeNormalized).ToArray();
    }

    public SourceDocument Document { get; }

    /// <summary>Index into the lines of each section heading, in <see cref="Sections"/> order; -1 when not found.</summary>
    public int[] Headings { get; } = [-1, -1, -1, -1, -1, -1];

    /// <summary>Index of the first line after the title (0 when there is none): where the preamble starts.</summary>
    public int BodyStart { get; private set; }

    /// <summary>Index of the first line after the report (exclusive end of the body).</summary>
    public int BodyEnd { get; private set; }

    public string? Title { get; private set; }

    /// <summary>The agency as the title names it (the text before the year), when there is a title.</summary>
    public string? TitleAgency { get; private set; }

    public int? TitleYear { get; private set; }

    public HashSet<int> TitleLines { get; } = [];

    public static Outline Find(SourceDocument document, ImportDiagnostics diagnostics)
    {
        var outline = new Outline(document);
        outline.Locate(diagnostics);
        return outline;
    }

    public bool IsChrome(int index) => chrome[index];

    private static bool IsChromeNormalized(string norm) =>
        norm.Length > 0 && (ChromeStart().IsMatch(norm) || norm.Contains("Command+S", StringComparison.OrdinalIgnoreCase)
            || norm.Contains("点击量：", StringComparison.Ordinal) || norm.Contains("浏览次数：", StringComparison.Ordinal)
            || AttachmentLink().IsMatch(norm));

    /// <summary>Where section <paramref name="k"/> ends: at the next heading found, or at the end of the report.</summary>
    public int SectionEnd(int k) => Headings.Skip(k + 1).Where(h => h >= 0).DefaultIfEmpty(BodyEnd).First();

    /// <summary>Page numbers pdftotext leaves between pages (“-2-”, “第 2 页”).</summary>
    public static bool IsPageFooter(string text) => PageFooter().IsMatch(text.Trim());

    private void Locate(ImportDiagnostics diagnostics)
    {
        var lines = Document.Lines;
        BodyEnd = lines.Count;
        var first = Next(0, 0, lines.Count);
        Headings[0] = first;
        // The body ends at the first page chrome after the report starts, or where a second copy of it starts.
        var from = first >= 0 ? first : Enumerable.Range(0, lines.Count).FirstOrDefault(i => lines[i].Text.Trim().Length > 0 && !IsChrome(i));
        for (var i = from + 1; i < lines.Count; i++)
        {
            if (IsChrome(i) || (first >= 0 && IsHeading(i, 0)))
            {
                BodyEnd = i;
                break;
            }
        }
        var position = from;
        for (var k = 1; k < Sections.Length; k++)
        {
            var found = Next(k, position, BodyEnd);
            Headings[k] = found;
            if (found >= 0)
            {
                position = found + 1;
            }
        }

        FindTitle(first < 0 ? Math.Min(lines.Count, 15) : first);
        // A web page's menus, breadcrumbs and side panels come before the title; the report starts at its title.
        BodyStart = TitleLines.Count > 0 ? TitleLines.Max() + 1 : 0;
        var before = Enumerable.Range(0, TitleLines.Count > 0 ? TitleLines.Min() : 0)
            .Where(i => !chrome[i] && lines[i].HasContent).ToList();
        if (before.Count > 0)
        {
            diagnostics.Add(ImportRules.TextIgnored, LineNumber(before[0]), 1,
                $"第 {LineNumber(before[0])}–{LineNumber(before[^1])} 行在报告标题之前（网页信息），没有导入。",
                $"Lines {LineNumber(before[0])}–{LineNumber(before[^1])} come before the report's title (page text) and were not imported.");
        }

        // Headings missing from some section to the end: the file is probably cut short (copied, downloaded or converted
        // only in part). Said once, where the text ends, rather than once per heading at the last heading found.
        var trailing = Enumerable.Reverse(Headings).TakeWhile(h => h < 0).Count();
        if (trailing >= 2 && trailing < Sections.Length)
        {
            var last = Enumerable.Range(0, BodyEnd).LastOrDefault(i => lines[i].HasContent);
            var missing = Sections[^trailing..];
            diagnostics.Add(ImportRules.SectionNotFound, LineNumber(last), 1,
                $"报告正文在第 {LineNumber(last)} 行结束，其后应有的{string.Concat(missing.Select(m => $"“{m.Heading}”"))}都没有：文件可能不完整（复制、下载或转换时被截断），这些部分没有导入。请核对原文。",
                $"The report's text ends at line {LineNumber(last)}, and the headings that should follow ({string.Join(", ", missing.Select(m => $"\"{m.Heading}\""))}) are all missing: the file may be cut short (copied, downloaded or converted only in part), and those parts were not imported. Check the source.");
        }
        for (var k = 0; k < Sections.Length - (trailing >= 2 ? trailing : 0); k++)
        {
            if (Headings[k] < 0)
            {
                var near = k == 0 ? 0 : Headings.Take(k).Where(h => h >= 0).DefaultIfEmpty(0).Max();
                diagnostics.Add(ImportRules.SectionNotFound, LineNumber(near), 1,
                    $"找不到标题“{Sections[k].Heading}”；这一部分的文字并入上一部分。",
                    $"Heading \"{Sections[k].Heading}\" not found; its text is kept with the part before it.");
            }
        }

        var ignored = Enumerable.Range(BodyEnd, lines.Count - BodyEnd).Where(i => lines[i].HasContent).ToList();
        if (ignored.Count > 0)
        {
            var copy = ignored.Any(i => IsHeading(i, 0));
            diagnostics.Add(ImportRules.TextIgnored, LineNumber(ignored[0]), 1,
                $"第 {LineNumber(ignored[0])}–{LineNumber(ignored[^1])} 行在报告正文之后（{(copy ? "网页信息和重复的第二份报告正文" : "网页信息")}），没有导入。",
                $"Lines {LineNumber(ignored[0])}–{LineNumber(ignored[^1])} follow the report ({(copy ? "page text and a second copy of the report" : "page text")}) and were not imported.");
        }
    }

    public int LineNumber(int index) => index < Document.Lines.Count ? Document.Lines[index].Number : Document.Lines.Count == 0 ? 1 : Document.Lines[^1].Number;

    private int Next(int section, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsHeading(i, section))
            {
                return i;
            }
        }
        return -1;
    }

    public bool IsHeading(int index, int section)
    {
        var line = Document.Lines[index];
        if (line.IsCellRow && line.Cells!.Count != 1)
        {
            return false;
        }
        var norm = normalized[index];
        var (_, numeral, keys, _) = Sections[section];
        if (norm.Length < 3 || norm.Length > 40 || norm[0] != numeral || norm[1] is not ('、' or '.' or '，' or '．'))
        {
            return false;
        }
        return keys.Any(k => norm.Contains(k, StringComparison.Ordinal)) && !TableRowWords.Any(w => norm.Contains(w, StringComparison.Ordinal));
    }

    private void FindTitle(int before)
    {
        var lines = Document.Lines;
        for (var i = 0; i < before; i++)
        {
            if (lines[i].IsCellRow && lines[i].Cells!.Count != 1)
            {
                continue;
            }
            var norm = normalized[i];
            // Length first: the pattern backtracks over a long line that names many years (quadratic: 21 s for 1.8 MB).
            if (norm.Length > 60 || chrome[i] || TitlePattern().Match(norm) is not { Success: true } match)
            {
                continue;
            }
            var name = match.Groups["name"].Value;
            TitleLines.Add(i);
            if (name.Length == 0)
            {
                // pdftotext often puts the agency on the line above: 洪泽区人民政府 / 2023 年政府信息公开工作年度报告.
                for (var j = i - 1; j >= 0; j--)
                {
                    var above = normalized[j];
                    if (above.Length == 0)
                    {
                        continue;
                    }
                    if (above.Length <= 30 && !chrome[j] && above.IndexOfAny(['。', '，', '：', '>']) < 0)
                    {
                        name = above;
                        TitleLines.Add(j);
                    }
                    break;
                }
            }
            TitleAgency = name.Length > 0 ? name : null;
            TitleYear = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            Title = name + norm[match.Groups["year"].Index..];
            return;
        }
    }

    /// <summary>Text of the lines from <paramref name="from"/> to <paramref name="to"/> (exclusive), as paragraphs.</summary>
    public string Paragraphs(int from, int to, Func<int, bool>? stop = null)
    {
        var text = new StringBuilder();
        var layout = Document.Kind is SourceKind.Pdf or SourceKind.PdfText;
        for (var i = from; i < to; i++)
        {
            if (stop?.Invoke(i) == true)
            {
                break;
            }
            var line = Document.Lines[i];
            if (line.IsCellRow || TitleLines.Contains(i) || IsChrome(i) || (layout && IsPageFooter(line.Text)))
            {
                continue;
            }
            var content = line.Text.Trim();
            if (content.Length == 0)
            {
                continue;
            }
            // pdftotext wraps paragraphs at the page width; a paragraph starts indented or after a full stop.
            var continues = layout && text.Length > 0 && !char.IsWhiteSpace(line.Text[0]) && text[^1] is not ('。' or '：' or ':' or '；' or '！' or '？');
            if (text.Length > 0 && !continues)
            {
                text.Append('\n');
            }
            text.Append(content);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^(?<name>[^，。；：>]*?)(?<year>(19|20)[0-9]{2})年度?[^，。；：]*(年度报告|年报)$")]
    private static partial Regex TitlePattern();

    /// <summary>A web page's link to the report as a file: 附件：淮安市人民政府2024年政府信息公开工作年度报告.pdf.</summary>
    [GeneratedRegex(@"^附件[:：]?.{0,120}\.(pdf|docx?|xlsx?|wps|ofd|zip|rar)$", RegexOptions.IgnoreCase)]
    private static partial Regex AttachmentLink();

    [GeneratedRegex(@"^(来源：|信息来源|发布日期|发布时间|发布机构|发文日期|点击量|点击数|点击次数|浏览次数|阅读次数|访问次数|文件下载|附件下载|相关附件|关联文件|相关文件|相关链接|字体|【字体|字号|打印|【打印|关闭|【关闭|分享到|网站首页|首页>|当前位置|您当前的位置|您现在的位置|扫一扫|（Mac用户|责任编辑|上一篇|下一篇|Command\+S)")]
    private static partial Regex ChromeStart();

    [GeneratedRegex(@"^([-—－–]\s*\d+\s*[-—－–]|第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")]
    private static partial Regex PageFooter();
}
