using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ReportLint.Importing;

/// <summary>
/// Reads a Word document (.docx, also as WPS saves it) into <see cref="SourceLine"/>s the way an HTML page is read:
/// each paragraph a line, each table row a line of cells. A Word file has no lines, so a line number is the paragraph's
/// or table row's place in the document, counted from 1 (docs/importing.md).
/// </summary>
internal static class WordReader
{
    private static readonly XNamespace WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace MarkupCompatibilityNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private const string OfficeDocumentRelationship = "/officeDocument";

    /// <summary>The most the document part may hold unpacked: a report is well under 5 MB of XML; a zip bomb is not read.</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Whether the bytes are a zip archive (a .docx is one).</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Whether the bytes are an OLE compound file: Word 97–2003 (.doc), WPS (.wps), Excel 97–2003 (.xls).</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    public static SourceDocument Read(string path, byte[] bytes, ImportDiagnostics diagnostics)
    {
        XDocument document;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var part = MainPart(zip);
            if (part is null)
            {
                throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, NotWord(zip), NotWordEn(zip));
            }
            document = Load(part, diagnostics);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            // A truncated download, a compression method .NET does not read, XML that is not well formed.
            throw Damaged(diagnostics);
        }
        var body = document.Root?.Element(WordNs + "body");
        if (body is null)
        {
            throw Damaged(diagnostics);
        }
        var lines = new Walker().Lines(body);
        if (lines.Sum(l => l.Text.Count(c => !char.IsWhiteSpace(c))) < 50)
        {
            throw diagnostics.Stop(ImportRules.Unreadable, 1, 1, "Word 文档中几乎没有文字（可能只有图片）；请找到文字版的报告再导入。",
                "The Word document holds almost no text (perhaps only pictures); find a text version of the report.");
        }
        return new SourceDocument(path, SourceKind.Word, lines);
    }

    /// <summary>The main document part as the package's relationships name it (word/document.xml in every known writer).</summary>
    private static ZipArchiveEntry? MainPart(ZipArchive zip)
    {
        if (zip.GetEntry("_rels/.rels") is { } rels && rels.Length < 1024 * 1024)
        {
            using var stream = rels.Open();
            var relationships = XDocument.Load(XmlReader.Create(stream, Settings));
            var target = relationships.Root?.Elements()
                .FirstOrDefault(r => ((string?)r.Attribute("Type"))?.EndsWith(OfficeDocumentRelationship, StringComparison.Ordinal) == true)?
                .Attribute("Target")?.Value.TrimStart('/');
            if (target is not null && zip.GetEntry(target) is { } named)
            {
                return named;
            }
        }
        return zip.GetEntry("word/document.xml");
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxDocumentBytes,
    };

    private static XDocument Load(ZipArchiveEntry part, ImportDiagnostics diagnostics)
    {
        if (part.Length > MaxDocumentBytes)
        {
            throw TooLarge(diagnostics);
        }
        // The size in the archive's directory may lie; the copy stops at the limit whatever it says.
        using var unpacked = new MemoryStream();
        using (var stream = part.Open())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (unpacked.Length + read > MaxDocumentBytes)
                {
                    throw TooLarge(diagnostics);
                }
                unpacked.Write(buffer, 0, read);
            }
        }
        unpacked.Position = 0;
        // Loading XML nested thousands deep takes time in the square of the depth (20,000 levels: 20 s); no document
        // comes near the limit (a table in a table in a table is about 20), so such a file is refused first.
        using (var scan = XmlReader.Create(unpacked, Settings))
        {
            while (scan.Read())
            {
                if (scan.Depth > MaxXmlDepth)
                {
                    throw diagnostics.Stop(ImportRules.Unreadable, 1, 1,
                        $"Word 文档的内容嵌套超过 {MaxXmlDepth} 层，不是正常的报告，没有读取。",
                        $"The Word document nests its content more than {MaxXmlDepth} deep; it is not a normal report and was not read.");
                }
            }
        }
        unpacked.Position = 0;
        return XDocument.Load(XmlReader.Create(unpacked, Settings));
    }

    private const int MaxXmlDepth = 1000;

    private static ImportStoppedException TooLarge(ImportDiagnostics diagnostics) => diagnostics.Stop(ImportRules.Unreadable, 1, 1,
        $"Word 文档的正文解压后超过 {MaxDocumentBytes / 1024 / 1024} MB，不是正常的报告，没有读取。",
        $"The Word document's text unpacks to over {MaxDocumentBytes / 1024 / 1024} MB; it is not a normal report and was not read.");

    private static ImportStoppedException Damaged(ImportDiagnostics diagnostics) => diagnostics.Stop(ImportRules.Unreadable, 1, 1,
        "Word 文档已损坏或不完整，无法读取；请重新下载，或在 Word/WPS 中打开后另存为 .docx 再导入。",
        "The Word document is damaged or incomplete; download it again, or open it in Word/WPS, save it as .docx and import that.");

    private static string NotWord(ZipArchive zip) => zip.GetEntry("xl/workbook.xml") is not null
        ? "这是 Excel 表格（.xlsx），不是报告文档。请导入报告本身（网页、PDF 或 Word 文档）。"
        : zip.GetEntry("content.xml") is not null
            ? "这是 OpenDocument 文件（.odt 等），无法直接读取。请在 WPS 或 LibreOffice 中另存为 .docx（或导出为 PDF）后再导入。"
            : "这是压缩包，不是 Word 文档（.docx）。请解压后导入其中的报告文件。";

    private static string NotWordEn(ZipArchive zip) => zip.GetEntry("xl/workbook.xml") is not null
        ? "This is an Excel workbook (.xlsx), not a report. Import the report itself (web page, PDF or Word document)."
        : zip.GetEntry("content.xml") is not null
            ? "This is an OpenDocument file (.odt etc.), which cannot be read. Save it as .docx (or export a PDF) and import that."
            : "This is a zip archive, not a Word document (.docx). Unpack it and import the report inside.";

    /// <summary>
    /// Walks the body in document order, numbering paragraphs and table rows as it emits them. It recurses as deep as the
    /// XML nests, which <see cref="Load"/> has bounded (<see cref="MaxXmlDepth"/>).
    /// </summary>
    private sealed class Walker
    {
        private readonly List<SourceLine> lines = [];
        private readonly StringBuilder text = new();
        private int number;

        public List<SourceLine> Lines(XElement body)
        {
            Block(body);
            Flush();
            return lines;
        }

        private void Block(XElement element)
        {
            foreach (var child in element.Elements())
            {
                if (Is(child, "tbl"))
                {
                    Flush();
                    Table(child);
                }
                else if (Is(child, "p"))
                {
                    Flush();
                    Inline(child, text);
                    Flush();
                }
                else if (!Skipped(child))
                {
                    // w:sdt, w:sdtContent, w:customXml and other wrappers around paragraphs and tables.
                    Block(child);
                }
            }
        }

        private void Table(XElement table)
        {
            var cells = Children(table, "tr").Select(r => Children(r, "tc").Where(c => !ContinuesMerge(c)).ToList()).ToList();
            var texts = cells.Select(row => row.Select(CellText).ToList()).ToList();
            // A document laid out in a table: a cell holds a table of several rows, or more text than any label or number.
            if (cells.SelectMany(row => row).Any(HoldsATable) || texts.SelectMany(row => row).Any(t => t.Length > SourceLoader.MaxDataCellText))
            {
                // Its cells are blocks of the document, read like any other, and the statistics tables inside them are
                // tables — as for HTML.
                foreach (var cell in cells.SelectMany(row => row))
                {
                    Block(cell);
                    Flush();
                }
                return;
            }
            foreach (var row in texts.Where(row => row.Count > 0))
            {
                lines.Add(new SourceLine(++number, string.Join(" ", row), row, EndsRow: true));
            }
        }

        private static bool HoldsATable(XElement cell) => cell.Descendants(WordNs + "tbl").Any(t => t.Elements(WordNs + "tr").Skip(1).Any());

        private static string CellText(XElement cell)
        {
            var content = new StringBuilder();
            foreach (var paragraph in cell.Descendants(WordNs + "p").Where(p => !p.Ancestors(WordNs + "p").Any()))
            {
                content.Append(' ');
                Inline(paragraph, content);
            }
            return SourceLoader.Collapse(content.ToString());
        }

        /// <summary>
        /// A paragraph's text: runs, hyperlinks, insertions and fields' results; not deleted text, field codes or
        /// a drawing's fallback copy. A line break is kept as '\n': it ends a line outside tables, and is a space in a cell.
        /// </summary>
        private static void Inline(XElement element, StringBuilder into)
        {
            foreach (var node in element.Elements())
            {
                if (node.Name.Namespace == WordNs)
                {
                    switch (node.Name.LocalName)
                    {
                        case "t":
                            into.Append(node.Value);
                            continue;
                        case "tab":
                            into.Append(' ');
                            continue;
                        case "br":
                        case "cr":
                            into.Append('\n');
                            continue;
                        case "delText":
                        case "instrText":
                            continue;
                    }
                }
                if (!Skipped(node))
                {
                    Inline(node, into);
                }
            }
        }

        /// <summary>Properties, and the second copy of content Word writes for older readers (mc:Fallback).</summary>
        private static bool Skipped(XElement element) =>
            element.Name == MarkupCompatibilityNs + "Fallback"
            || element.Name.Namespace == WordNs && element.Name.LocalName is "sectPr" or "pPr" or "rPr" or "tblPr" or "tblGrid" or "trPr" or "tcPr" or "del" or "moveFrom";

        /// <summary>A cell below the first of vertically merged cells: empty, like the cells an HTML rowspan covers.</summary>
        private static bool ContinuesMerge(XElement cell) =>
            cell.Element(WordNs + "tcPr")?.Element(WordNs + "vMerge") is { } merge
            && (string?)merge.Attribute(WordNs + "val") is null or "continue";

        /// <summary>Rows of a table or cells of a row, also where a content control or custom XML wraps them.</summary>
        private static IEnumerable<XElement> Children(XElement parent, string name)
        {
            foreach (var child in parent.Elements())
            {
                if (Is(child, name))
                {
                    yield return child;
                }
                else if (!Skipped(child) && !(child.Name.Namespace == WordNs && child.Name.LocalName is "tbl" or "tr" or "tc" or "p"))
                {
                    foreach (var inner in Children(child, name))
                    {
                        yield return inner;
                    }
                }
            }
        }

        private static bool Is(XElement element, string name) => element.Name == WordNs + name;

        private void Flush()
        {
            // A line break inside a paragraph starts a new line, as <br> does in a page.
            foreach (var part in text.ToString().Split('\n'))
            {
                var content = SourceLoader.Collapse(part);
                if (content.Length > 0)
                {
                    lines.Add(new SourceLine(++number, content));
                }
            }
            text.Clear();
        }
    }
}
