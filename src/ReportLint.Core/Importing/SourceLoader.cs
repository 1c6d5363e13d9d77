using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportLint.Findings;

namespace ReportLint.Importing;

/// <summary>Reads a published report (web text, pdftotext output, HTML, PDF or Word) into <see cref="SourceLine"/>s.</summary>
public static class SourceLoader
{
    public const int MaxTextBytes = 16 * 1024 * 1024;
    public const int MaxPdfBytes = 64 * 1024 * 1024;
    private const int MaxHtmlDepth = 200;
    private const int MaxHtmlNesting = 1000;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option",
    };

    /// <summary>A quick upper estimate of how deep the tags nest (elements whose end tag may be left out do not count).</summary>
    private static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }
                i = end;
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var stop = start;
            while (stop < html.Length && char.IsAsciiLetterOrDigit(html[stop]))
            {
                stop++;
            }
            if (stop == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }
            var name = html[start..stop];
            var close = html.IndexOf('>', stop);
            if (closing)
            {
                depth = Math.Max(0, depth - (VoidElements.Contains(name) ? 0 : 1));
            }
            else if (!VoidElements.Contains(name) && !(close > 0 && html[close - 1] == '/'))
            {
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var end = html.IndexOf("</" + name, stop, StringComparison.OrdinalIgnoreCase);
                    if (end < 0)
                    {
                        break;
                    }
                    i = end;
                    continue;
                }
                max = Math.Max(max, ++depth);
            }
        }
        return max;
    }
    private static readonly TimeSpan PdfTimeout = TimeSpan.FromSeconds(60);

    static SourceLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The command that turns a PDF into text; tests and unusual installs may point it elsewhere.</summary>
    public static string PdfToText { get; set; } = Environment.GetEnvironmentVariable("REPORTLINT_PDFTOTEXT") ?? "pdftotext";

    public static SourceDocument Load(string path, byte[] bytes, ImportDiagnostics diagnostics)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        // A PDF starts with %PDF- (the format allows anything before it within the first 1 KB).
        var isPdf = bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;
        if (isPdf)
        {
            return FromPdf(path, bytes, diagnostics);
        }
        if (WordReader.IsZip(bytes) && bytes.Length <= MaxPdfBytes)
        {
            return WordReader.Read(path, bytes, diagnostics);
        }
        if (WordReader.IsCompoundFile(bytes))
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                $"这是旧版 Word（.doc）、WPS（.wps）或 Excel（.xls）格式的文件，无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx（或导出为 PDF）后再导入；文件多时可装 LibreOffice 批量转换：soffice --headless --convert-to docx {Quoted.Brief(Path.GetFileName(path))}",
                $"This is an old Word (.doc), WPS (.wps) or Excel (.xls) file, which cannot be read. Open it in Word or WPS, save it as .docx (or export a PDF) and import that; for many files, LibreOffice converts them: soffice --headless --convert-to docx {Quoted.Brief(Path.GetFileName(path))}");
        }
        if (extension == ".docx")
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                "文件扩展名是 .docx，但内容不是 Word 文档。如果它是网页或文字，请把扩展名改为 .html 或 .txt 后再导入；如果是下载不完整的文件，请重新下载。",
                "The file is named .docx but is not a Word document. If it is a web page or text, rename it to .html or .txt and import again; if it is a broken download, download it again.");
        }
        if (extension == ".pdf")
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                "文件扩展名是 .pdf，但内容不是 PDF（开头没有 %PDF- 标记）。如果它是网页或文字，请把扩展名改为 .html 或 .txt 后再导入；如果是下载不完整的 PDF，请重新下载。",
                "The file is named .pdf but is not a PDF (no %PDF- header). If it is a web page or text, rename it to .html or .txt and import again; if it is a broken download, download it again.");
        }
        if (bytes.Length > MaxTextBytes)
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                $"文件大小 {bytes.Length / 1024 / 1024} MB，超过导入上限 {MaxTextBytes / 1024 / 1024} MB。",
                $"The file is {bytes.Length / 1024 / 1024} MB, over the {MaxTextBytes / 1024 / 1024} MB import limit.");
        }
        var text = Decode(bytes, diagnostics);
        if (text.Contains('\0'))
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, BinaryMessage, BinaryMessageEn);
        }
        if (extension is ".html" or ".htm" or ".xhtml" || LooksLikeHtml(text))
        {
            if (NestingDepth(text) > MaxHtmlNesting)
            {
                // HTML parsers slow down with the square of the nesting; no real page comes near this.
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, $"HTML 标签嵌套超过 {MaxHtmlNesting} 层，不是正常的报告网页，没有读取。",
                    $"The HTML nests tags more than {MaxHtmlNesting} deep; it is not a normal report page and was not read.");
            }
            if (CutShort(text) is { } cut)
            {
                // A page saved or downloaded only in part: the parser closes what is open, so the last cell read would be an
                // empty one — a blank in the JSON where the source had a number — and every row after it "not found".
                var line = text.AsSpan().TrimEnd().Count('\n') + 1;
                throw diagnostics.Stop(ImportRules.Unreadable, line, 1,
                    $"网页文件不完整：在末尾（第 {line} 行）中断于{(cut == Cut.InTag ? "一个标签之中" : "表格之中")}，表格的行和数值可能不全，没有导入。请重新下载或保存完整的网页（以 </html> 结尾）后再导入。",
                    $"The web page is incomplete: it ends (line {line}) {(cut == Cut.InTag ? "inside a tag" : "inside a table")}, so rows and values may be missing; it was not imported. Download or save the whole page (ending in </html>) and import again.");
            }
            return FromHtml(path, text);
        }
        return FromText(path, text, text.Contains('\f') || !LooksLikeWebText(text) ? SourceKind.PdfText : SourceKind.WebText);
    }

    private enum Cut
    {
        InTag,
        InTable,
    }

    /// <summary>Whether a page ends inside a tag, or inside a table it opened and never closed (a partial download).</summary>
    private static Cut? CutShort(string html)
    {
        var end = html.AsSpan().TrimEnd();
        if (end.LastIndexOf('<') > end.LastIndexOf('>'))
        {
            return Cut.InTag;
        }
        var lastOpen = end.LastIndexOf("<table", StringComparison.OrdinalIgnoreCase);
        return lastOpen >= 0 && end[lastOpen..].IndexOf("</table", StringComparison.OrdinalIgnoreCase) < 0 ? Cut.InTable : null;
    }

    private const string BinaryMessage = "文件含有二进制内容，不是文本、HTML 或 PDF。";
    private const string BinaryMessageEn = "The file holds binary data: it is not text, HTML or PDF.";

    private static string Decode(byte[] bytes, ImportDiagnostics diagnostics)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(span[2..]);
        }
        if (Utf16WithoutBom(span) is { } utf16)
        {
            diagnostics.Add(ImportRules.Encoding, 1, 1, "文件是 UTF-16 编码（记事本的“Unicode”），但开头没有字节顺序标记；已按 UTF-16 读取，请核对导入结果中的文字。",
                "The file is UTF-16 (Notepad's \"Unicode\") without a byte order mark; it was read as UTF-16. Check the imported text.");
            return utf16.GetString(span[..(span.Length & ~1)]);
        }
        if (span.IndexOf((byte)0) >= 0)
        {
            // Before the GB18030 fallback, which would otherwise be announced for a file that is not text at all.
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, BinaryMessage, BinaryMessageEn);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            // Many Chinese pages are saved as GBK; GB18030 reads GBK and GB2312 alike.
            diagnostics.Add(ImportRules.Encoding, 1, 1, "文件不是 UTF-8 编码，已按 GB18030（GBK）读取；请核对导入结果中的文字。",
                "The file is not UTF-8; it was read as GB18030 (GBK). Check the imported text.");
            return Encoding.GetEncoding("GB18030").GetString(span);
        }
    }

    /// <summary>
    /// UTF-16 without a BOM: the zero bytes of its ASCII characters (digits, spaces, line breaks — every report has them)
    /// fall on one side of each byte pair, which neither text in an 8-bit encoding (no zero bytes at all) nor binary data
    /// (zero bytes on both sides) does.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> span)
    {
        var head = span[..Math.Min(span.Length, 8192)];
        int even = 0, odd = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == 0)
            {
                _ = (i & 1) == 0 ? even++ : odd++;
            }
        }
        var zeros = even + odd;
        // Not all: a CJK character such as 一 (U+4E00) has a zero byte on the other side.
        if (zeros < 8 || Math.Min(even, odd) * 4 > Math.Max(even, odd))
        {
            return null;
        }
        return odd > even ? Encoding.Unicode : Encoding.BigEndianUnicode;
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        return head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && text.Contains("<table", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Web text marks table cells with a trailing “ |”; pdftotext output lines values up with runs of spaces.</summary>
    private static bool LooksLikeWebText(string text)
    {
        int cells = 0, aligned = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimEnd();
            if (trimmed.EndsWith("|"))
            {
                cells++;
            }
            else if (trimmed.Length > 0 && char.IsWhiteSpace(line[0]) && trimmed.Trim().IndexOf("   ") > 0)
            {
                aligned++;
            }
        }
        return cells >= aligned;
    }

    public static SourceDocument FromText(string path, string text, SourceKind kind)
    {
        var lines = new List<SourceLine>();
        var number = 0;
        // Lines are counted as grep, sed and editors count them — at each \n — so a diagnostic's line is the one they show.
        // (EnumerateLines also breaks at the form feed pdftotext puts at each page start, which put every line after a
        // page break one further on.) Only a text with no \n at all, from an old Mac, is broken at \r.
        var breakAt = text.Contains('\n') ? '\n' : '\r';
        var parts = text.Split(breakAt);
        // A final line break ends the last line; it does not start one more (editors show none).
        foreach (var raw in parts.Length > 1 && parts[^1].Length == 0 ? parts[..^1] : parts)
        {
            number++;
            // pdftotext starts each page with a form feed; other line or paragraph separators inside a line are spaces.
            var line = raw.Replace("\f", "", StringComparison.Ordinal).Replace('\r', ' ').Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ').TrimEnd();
            if (kind == SourceKind.WebText && line.EndsWith('|'))
            {
                var content = line.TrimEnd('|', ' ', '\t', '\u3000');
                // A line of pipes alone closes a row in the scraped text; it holds no cell.
                lines.Add(content.Length == 0 && !line.Contains(" |", StringComparison.Ordinal)
                    ? new SourceLine(number, "", [])
                    : new SourceLine(number, content.Trim(), [content.Trim()]));
            }
            else
            {
                lines.Add(new SourceLine(number, line));
            }
        }
        return new SourceDocument(path, kind, lines);
    }

    private static SourceDocument FromPdf(string path, byte[] bytes, ImportDiagnostics diagnostics)
    {
        if (bytes.Length > MaxPdfBytes)
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, $"PDF 大小 {bytes.Length / 1024 / 1024} MB，超过导入上限 {MaxPdfBytes / 1024 / 1024} MB。",
                $"The PDF is {bytes.Length / 1024 / 1024} MB, over the {MaxPdfBytes / 1024 / 1024} MB import limit.");
        }
        var start = new ProcessStartInfo(PdfToText)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-layout", "-enc", "UTF-8", "-", "-" })
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw diagnostics.Stop(ImportRules.PdfToolMissing, 1, 1,
                $"读取 PDF 需要 poppler 的 pdftotext 命令，但找不到“{PdfToText}”。请安装：Debian/Ubuntu 执行 sudo apt-get install poppler-utils，macOS 执行 brew install poppler，Windows 可用 conda install poppler；或先自行转换为文本（pdftotext -layout 报告.pdf）再导入 .txt 文件。",
                $"Reading a PDF needs poppler's pdftotext, and \"{PdfToText}\" was not found. Install it: sudo apt-get install poppler-utils (Debian/Ubuntu), brew install poppler (macOS), conda install poppler (Windows); or convert it yourself (pdftotext -layout report.pdf) and import the .txt.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.BaseStream.Write(bytes);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // pdftotext stopped reading (a broken file); its exit code and message say why.
            }
            if (!process.WaitForExit(PdfTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, $"pdftotext 在 {PdfTimeout.TotalSeconds:0} 秒内没有读完这个 PDF，已停止。", $"pdftotext did not finish this PDF within {PdfTimeout.TotalSeconds:0} s and was stopped.");
            }
            var text = output.GetAwaiter().GetResult();
            if (process.ExitCode != 0)
            {
                // pdftotext may print a line for every bad object (kilobytes for a damaged file): its first line says enough.
                var message = Quoted.Brief(errors.GetAwaiter().GetResult().Trim().Split('\n')[0].Trim());
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                    $"PDF 文件已损坏或不完整，无法转换为文字；请重新下载或另存后再导入。（技术信息：pdftotext 退出码 {process.ExitCode}：{message}）",
                    $"The PDF is damaged or incomplete and cannot be turned into text; download or save it again. (pdftotext exit code {process.ExitCode}: {message})");
            }
            if (text.Count(c => !char.IsWhiteSpace(c)) < 50)
            {
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, "PDF 中几乎没有文字，可能是扫描图片；请先做文字识别（OCR）再导入。",
                    "The PDF holds almost no text; it is probably a scanned image. Run text recognition (OCR) first.");
            }
            return FromText(path, text, SourceKind.Pdf);
        }
    }

    public static SourceDocument FromHtml(string path, string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var lines = new List<SourceLine>();
        var text = new StringBuilder();
        var line = 1;
        Walk(document.Body ?? (INode)document.DocumentElement, 0);
        Flush();
        return new SourceDocument(path, SourceKind.Html, lines);

        void Walk(INode node, int depth)
        {
            if (depth > MaxHtmlDepth)
            {
                // Markup nested deeper than any real page: its text, without structure (and without recursing further).
                text.Append(' ').Append(string.Concat(node.GetDescendants().OfType<IText>().Select(t => t.Data)));
                return;
            }
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText t:
                        if (text.Length == 0 && !string.IsNullOrWhiteSpace(t.Data))
                        {
                            line = LineOf(t.ParentElement);
                        }
                        text.Append(t.Data);
                        break;
                    case IElement e when e.LocalName is "script" or "style" or "noscript" or "template" or "head":
                        break;
                    case IElement e when e.LocalName == "table" && IsLayoutTable(e):
                        // A page laid out in a table (old portals put the whole article in one cell): its cells are
                        // blocks of the page, read like any other, and the statistics tables inside them are tables.
                        foreach (var cell in OwnCells(e))
                        {
                            Flush();
                            Walk(cell, depth + 1);
                        }
                        Flush();
                        break;
                    case IElement e when e.LocalName == "table":
                        Flush();
                        Table(e);
                        break;
                    case IElement e when e.LocalName == "br":
                        Flush();
                        break;
                    case IElement e when IsBlock(e.LocalName):
                        Flush();
                        Walk(e, depth + 1);
                        Flush();
                        break;
                    case IElement e:
                        Walk(e, depth + 1);
                        break;
                }
            }
        }

        void Table(IElement table)
        {
            // Rows of this table only (a table nested in a cell is read as that cell's text).
            foreach (var row in OwnRows(table))
            {
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Collapse(c.TextContent)).ToList();
                if (cells.Count > 0)
                {
                    lines.Add(new SourceLine(LineOf(row), string.Join(" ", cells), cells, EndsRow: true));
                }
            }
        }

        void Flush()
        {
            var content = Collapse(text.ToString());
            if (content.Length > 0)
            {
                lines.Add(new SourceLine(line, content));
            }
            text.Clear();
        }
    }

    /// <summary>No cell of a statistics table holds more than a label or a number.</summary>
    internal const int MaxDataCellText = 300;

    private static IEnumerable<IElement> OwnRows(IElement table) => table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table);

    private static IEnumerable<IElement> OwnCells(IElement table) => OwnRows(table).SelectMany(r => r.Children.Where(c => c.LocalName is "td" or "th"));

    /// <summary>
    /// A table used for page layout, not data: one of its cells holds a table of several rows, or more text than any
    /// label or number (the article itself).
    /// </summary>
    private static bool IsLayoutTable(IElement table) => OwnCells(table).Any(cell =>
        cell.QuerySelectorAll("table").Any(inner => OwnRows(inner).Skip(1).Any()) || Collapse(cell.TextContent).Length > MaxDataCellText);

    private static int LineOf(IElement? element) => element?.SourceReference?.Position.Line ?? 0;

    internal static string Collapse(string text) =>
        string.Join(' ', text.Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsBlock(string name) => name is "p" or "div" or "section" or "article" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
        or "li" or "ul" or "ol" or "header" or "footer" or "main" or "nav" or "aside" or "blockquote" or "pre" or "center" or "dl" or "dt" or "dd"
        or "form" or "figure" or "figcaption" or "address" or "hr" or "caption";
}
