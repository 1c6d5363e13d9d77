using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ReportLint.Importing;
using ReportLint.Reading;
using ReportLint.Tests.Support;
using ReportLint.Validation;

namespace ReportLint.Tests.Importing;

/// <summary>
/// Word documents (.docx): the HTML fixtures saved as Word by LibreOffice (tests/fixtures/word/README.md), the same
/// documents with text written the ways Word writes it, and files that are not Word documents or are broken.
/// </summary>
public class WordImportTests
{
    private static string Word(string name) => Path.Combine(Paths.Fixtures, "word", name);

    [Theory]
    [InlineData("2024_huaianshi.docx", "reports/2024_huaianshi.txt")]
    [InlineData("003_yunzhou.docx", "seeds/003_33dd7dc401233ec9.txt")]
    // Merged cells are w:vMerge and w:gridSpan here (三、本年度办理结果 over 22 rows, group labels, 表四's header).
    public void A_word_document_imports_to_the_same_json_as_the_text_of_the_report(string docx, string text) =>
        ImportedJson.ShouldImportLikeTheText(Word(docx), text);

    [Fact]
    public void Text_written_the_ways_word_writes_it_imports_like_the_plain_document()
    {
        var xml = DocumentXml(File.ReadAllBytes(Word("2024_huaianshi.docx")));
        var changed = xml;
        // Content that Word writes twice, for newer and older readers (the title's year here): read once.
        changed = ReplaceFirst(changed, "<w:r><w:rPr></w:rPr><w:t>2024</w:t></w:r>",
            "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>2024</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>2024</w:t></w:r></mc:Fallback></mc:AlternateContent>");
        // A number split over two runs (spell checking and revision ids split runs anywhere).
        changed = Changed(changed, @"<w:t>(\d)(\d+)</w:t></w:r>", "<w:t>$1</w:t></w:r><w:r><w:t>$2</w:t></w:r>");
        // A label split over runs, and over two paragraphs of its cell.
        changed = Changed(changed, "<w:t>（一）予以公开</w:t>", "<w:t>（一）予以</w:t></w:r><w:r><w:t>公开</w:t>");
        changed = Changed(changed, "<w:t>一、本年新收政府信息公开申请数量</w:t></w:r></w:p>",
            "<w:t>一、本年新收政府信息</w:t></w:r></w:p><w:p><w:r><w:t>公开申请数量</w:t></w:r></w:p>");
        // A tracked deletion after every value: deleted text is not the document's.
        changed = Changed(changed, @"(<w:t>\d+</w:t></w:r>)(</w:p></w:tc>)",
            "$1<w:del w:id=\"9\" w:author=\"审核\" w:date=\"2025-01-20T00:00:00Z\"><w:r><w:delText>999</w:delText></w:r></w:del>$2");
        // A content control around the first table.
        changed = ReplaceFirst(changed, "<w:tbl>", "<w:sdt><w:sdtPr/><w:sdtContent><w:tbl>");
        changed = ReplaceFirst(changed, "</w:tbl>", "</w:tbl></w:sdtContent></w:sdt>");
        var path = Path.Combine(Scratch.Directory("import"), "as-word-writes.docx");
        File.WriteAllBytes(path, WithDocumentXml(File.ReadAllBytes(Word("2024_huaianshi.docx")), changed));

        var (json, result) = ImportedJson.Import(path);
        var (plain, _) = ImportedJson.Import(Word("2024_huaianshi.docx"));

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(plain));
        ImportedJson.Facts(json, withTitle: true).ShouldBe(ImportedJson.Facts(plain, withTitle: true));
        ImportedJson.Sections(json).ShouldBe(ImportedJson.Sections(plain));
        result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    public static TheoryData<string, byte[], string> NotWord => new()
    {
        { "old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0], "另存为 .docx" },
        { "report.docx", Encoding.UTF8.GetBytes("一、总体情况\n本年度……"), "内容不是 Word 文档" },
        { "book.docx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), "Excel" },
        { "files.zip", Zip(("readme.txt", "说明")), "压缩包" },
        { "entity.docx", Zip(("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">]><d>&a;</d>")), "已损坏" },
        { "pictures.docx", Zip(("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>附件</w:t></w:r></w:p></w:body></w:document>")), "几乎没有文字" },
    };

    [Theory]
    [MemberData(nameof(NotWord))]
    public void Files_that_are_not_a_readable_word_document_stop_with_a_diagnostic(string name, byte[] bytes, string says)
    {
        var path = Path.Combine(Scratch.Directory("import"), name);
        File.WriteAllBytes(path, bytes);

        var result = new ReportImporter(TemplateRegistry.Default).Import(path, name, new ImportOptions());

        result.Report.ShouldBeNull();
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe(ImportRules.Unreadable.Id);
        finding.IsInputError.ShouldBeTrue();
        finding.Message.ShouldContain(says);
    }

    [Fact]
    public void A_download_cut_short_is_called_damaged()
    {
        var bytes = File.ReadAllBytes(Word("2024_huaianshi.docx"));
        var path = Path.Combine(Scratch.Directory("import"), "cut.docx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var result = new ReportImporter(TemplateRegistry.Default).Import(path, "cut.docx", new ImportOptions());

        result.Report.ShouldBeNull();
        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("已损坏或不完整");
    }

    [Fact]
    public void A_document_part_that_unpacks_beyond_the_limit_is_not_read()
    {
        // 70 MB of spaces packs into well under 1 MB: the size in the archive is not trusted, the copy stops at 64 MB.
        var path = Path.Combine(Scratch.Directory("import"), "bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var stream = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open())
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 70; i++)
            {
                stream.Write(spaces);
            }
        }

        var result = new ReportImporter(TemplateRegistry.Default).Import(path, "bomb.docx", new ImportOptions());

        result.Report.ShouldBeNull();
        result.Findings.ShouldHaveSingleItem().Message.ShouldContain("超过 64 MB");
    }

    [Theory]
    // Each table a cell of the one above. 20,000 levels overflowed the stack (reading them by recursion) and ended the
    // process; refused now before loading, which took 20 s. 150 levels (450 of XML) load and are read.
    [InlineData(20_000, "嵌套超过 1000 层")]
    [InlineData(150, null)]
    public void Tables_nested_absurdly_deep_are_refused_or_read_as_text_never_recursed_into(int depth, string? says)
    {
        var w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var xml = new StringBuilder($"<w:document xmlns:w=\"{w}\"><w:body><w:p><w:r><w:t>某某县人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            xml.Append("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>");
        }
        for (var i = 0; i < depth; i++)
        {
            xml.Append("</w:tc></w:tr></w:tbl>");
        }
        xml.Append("</w:body></w:document>");
        var path = Path.Combine(Scratch.Directory("import"), "deep.docx");
        File.WriteAllBytes(path, Zip(("word/document.xml", xml.ToString())));

        var result = new ReportImporter(TemplateRegistry.Default).Import(path, "deep.docx", new ImportOptions());

        if (says is null)
        {
            result.Report.ShouldNotBeNull();
            result.Report.AgencyName.ShouldBe("某某县人民政府");
        }
        else
        {
            result.Report.ShouldBeNull();
            result.Findings.ShouldHaveSingleItem().Message.ShouldContain(says);
        }
    }

    [Fact]
    public void The_checker_given_a_word_document_says_to_import_it()
    {
        var finding = new ReportReader(TemplateRegistry.Default).Read("报告.docx", File.ReadAllBytes(Word("2024_huaianshi.docx"))).Findings.ShouldHaveSingleItem();

        finding.Message.ShouldBe("这是 Word 文档，不是报告的 JSON 文件。请先转换：reportlint import 报告.docx，再检查生成的 .json 文件。");
    }

    private static string Changed(string xml, string pattern, string replacement)
    {
        var changed = Regex.Replace(xml, pattern, replacement, RegexOptions.None, TimeSpan.FromSeconds(10));
        changed.ShouldNotBe(xml, $"the fixture has no {pattern}");
        return changed;
    }

    private static string ReplaceFirst(string xml, string find, string replacement)
    {
        var at = xml.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"the fixture has no {find}");
        return string.Concat(xml.AsSpan(0, at), replacement, xml.AsSpan(at + find.Length));
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] WithDocumentXml(byte[] docx, string xml)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        return copy.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return bytes.ToArray();
    }
}
