using System.Text.Json.Nodes;
using ReportLint.Findings;
using ReportLint.Importing;
using ReportLint.Reading;
using ReportLint.Tests.Support;
using ReportLint.Validation;

namespace ReportLint.Tests.Importing;

/// <summary>
/// The eight real published reports in ../shared, imported and compared cell for cell with the JSON written by reading
/// each source by eye (examples/*.json for the web pages, tests/fixtures/expected/*.json for the PDFs).
/// </summary>
public class RealReportImportTests
{
    public static TheoryData<string, string> TextSources => new()
    {
        { "seeds/000_1c6b722cb07b2c5a.txt", "examples/000_1c6b722cb07b2c5a.json" },
        { "seeds/001_1991ca55819bf86e.txt", "examples/001_1991ca55819bf86e.json" },
        { "seeds/002_d7e6bacd7eea9ab0.txt", "examples/002_d7e6bacd7eea9ab0.json" },
        { "seeds/003_33dd7dc401233ec9.txt", "examples/003_33dd7dc401233ec9.json" },
        { "seeds/004_459b43244279d95c.txt", "examples/004_459b43244279d95c.json" },
        { "reports/2023_hongzequ.txt", "tests/fixtures/expected/2023_hongzequ.json" },
        { "reports/2024_hongzequ.txt", "tests/fixtures/expected/2024_hongzequ.json" },
        { "reports/2024_huaianshi.txt", "tests/fixtures/expected/2024_huaianshi.json" },
    };

    public static TheoryData<string, string> PdfSources => new()
    {
        { "reports/pdf/2023_hongzequ.pdf", "tests/fixtures/expected/2023_hongzequ.json" },
        { "reports/pdf/2024_hongzequ.pdf", "tests/fixtures/expected/2024_hongzequ.json" },
        { "reports/pdf/2024_huaianshi.pdf", "tests/fixtures/expected/2024_huaianshi.json" },
    };

    [Theory]
    [MemberData(nameof(TextSources))]
    public void Text_import_matches_the_hand_written_json_cell_for_cell(string source, string expected) => ShouldMatch(source, expected);

    [Theory]
    [MemberData(nameof(PdfSources))]
    public void Pdf_import_through_pdftotext_matches_the_hand_written_json(string source, string expected) => ShouldMatch(source, expected);

    private static void ShouldMatch(string source, string expected)
    {
        var (json, result) = ImportedJson.Import(Path.Combine(Paths.Shared, source));
        var want = ImportedJson.Load(Path.Combine(Paths.RepoRoot, expected));

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(want));
        ImportedJson.Facts(json).ShouldBe(ImportedJson.Facts(want));
        ImportedJson.Sections(json).ShouldBe(ImportedJson.Sections(want));
        result.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
        Accounting.ShouldAccountForEveryCell(json, result.Findings);
    }

    [Fact]
    public void Every_import_diagnostic_of_the_real_reports_is_as_reviewed()
    {
        var sources = TextSources.Select(row => (string)row[0]).Concat(PdfSources.Select(row => (string)row[0]));
        var lines = new List<string>();
        foreach (var source in sources)
        {
            var (_, result) = ImportedJson.Import(Path.Combine(Paths.Shared, source));
            lines.Add(source);
            lines.AddRange(result.Findings.Select(f => $"  {f.Line}:{f.Column} {f.Severity} {f.RuleId} {f.CellKey} {f.Message}"));
        }
        Snapshot.Match(this, string.Join("\n", lines));
    }

    /// <summary>
    /// Every label of the real reports that is not the official one (RL0212), written by reading each source: the line
    /// the label as printed starts on and the label as printed (spaces left out, half-width forms as full-width), and
    /// nothing else — not the group label 三、本年度办理结果 printed down the side of 洪泽区's 表三 five lines above its
    /// 2.其他法律行政止公开, nor that line taken for the label's.
    /// </summary>
    public static TheoryData<string, string[]> ApproximateLabels => new()
    {
        { "seeds/000_1c6b722cb07b2c5a.txt", [] },
        { "seeds/001_1991ca55819bf86e.txt", [
            "19 表二：原文标签“规范性文件”按“行政规范性文件”导入。",
            "104 表三：原文标签“2.其他法律和行政法规禁止公开”按“2.其他法律行政法规禁止公开”导入。"] },
        { "seeds/002_d7e6bacd7eea9ab0.txt", [] },
        // The closing bracket of the note is missing in the source.
        { "seeds/003_33dd7dc401233ec9.txt", [
            "103 表三：原文标签“（二）部分公开（区分处理的，只计这一情形，不计其他情形”按“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”导入。"] },
        { "seeds/004_459b43244279d95c.txt", [] },
        { "reports/2023_hongzequ.txt", ["108 表三：原文标签“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”导入。"] },
        { "reports/pdf/2023_hongzequ.pdf", ["108 表三：原文标签“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”导入。"] },
        { "reports/2024_hongzequ.txt", ["107 表三：原文标签“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”导入。"] },
        { "reports/pdf/2024_hongzequ.pdf", ["107 表三：原文标签“2.其他法律行政止公开”按“2.其他法律行政法规禁止公开”导入。"] },
        // Every label of 淮安市's 表三 is the official one. Four are wrapped around their values: （二）部分公开（区分处理的，
        // 只计这一情 / the values / 形，不计其他情形） (lines 129–131), 5.要求行政机关确认或重新出 / 具已获取信息 (175–177),
        // 1、申请人无正当理由逾期不补 / 正、…其政府信 + values / 息公开申请 (180–183), and 2、申请人逾期未按收费通知要 /
        // 求缴纳费用、行政机关不再处理 + values / 其政府信息公开申请 (186–189), with （六）其 / 他处理 printed between their
        // lines. Their numbering 1、 2、 3、 is 1. 2. 3. written with 、, which is punctuation, not wording.
        { "reports/2024_huaianshi.txt", [] },
        { "reports/pdf/2024_huaianshi.pdf", [] },
    };

    [Theory]
    [MemberData(nameof(ApproximateLabels))]
    public void Only_labels_printed_otherwise_than_the_official_ones_are_reported_at_their_own_line(string source, string[] expected)
    {
        var (_, result) = ImportedJson.Import(Path.Combine(Paths.Shared, source));

        result.Findings.Where(f => f.RuleId == ImportRules.ApproximateLabel.Id).Select(f => $"{f.Line} {f.Message}").ShouldBe(expected);
    }

    [Theory]
    [InlineData("reports/2023_hongzequ.txt")]
    [InlineData("reports/pdf/2023_hongzequ.pdf")]
    public void Lines_are_numbered_as_grep_and_editors_number_them_across_page_breaks(string source)
    {
        // pdftotext starts every page with a form feed, which was counted as a line break too: （六）其他处理 on line 130
        // of the text (`grep -n`, `sed -n 130p`) was reported at line 133, three page breaks later.
        var text = File.ReadAllText(Path.Combine(Paths.Shared, "reports/2023_hongzequ.txt"));
        text.ShouldContain("\f");
        var expected = text.Split('\n').ToList().FindIndex(l => l.Contains("（六）其他处理", StringComparison.Ordinal)) + 1;

        var (_, result) = ImportedJson.Import(Path.Combine(Paths.Shared, source));

        result.Findings.Single(f => f.RuleId == ImportRules.GroupAsTotal.Id).Line.ShouldBe(expected);
    }

    /// <summary>Import, then check: the real mistakes are found, and the consistent reports have no table errors.</summary>
    [Fact]
    public void Imported_reports_lint_with_the_known_mistakes_found()
    {
        var linter = new Linter(TemplateRegistry.Default);
        var lines = new List<string>();
        var errorsByReport = new Dictionary<string, List<Finding>>();
        foreach (var source in TextSources.Select(row => (string)row[0]))
        {
            var (json, _) = ImportedJson.Import(Path.Combine(Paths.Shared, source));
            var findings = linter.Lint(source, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
            errorsByReport[source] = findings.Where(f => f.Severity == Severity.Error).ToList();
            lines.Add(source);
            lines.AddRange(findings.Select(f => $"  {f.Severity} {f.RuleId} {f.CellKey} {f.Message}"));
        }
        Snapshot.Match(this, string.Join("\n", lines));

        // 2023 洪泽区: 表四 总计 0 where 结果维持 10 + 结果纠正 1 = 11, and 复议后起诉 0 where 5.
        errorsByReport["reports/2023_hongzequ.txt"].Select(f => (f.RuleId, f.CellKey)).ShouldBe(
            [("RL1004", "appeals.review.total"), ("RL1004", "appeals.suit_after_review.total")], ignoreOrder: true);
        foreach (var (source, errors) in errorsByReport.Where(r => r.Key != "reports/2023_hongzequ.txt"))
        {
            errors.ShouldBeEmpty($"{source} adds up; its import must not produce error-level findings");
        }
    }
}

/// <summary>Every template cell is in the JSON (a value or an explicit blank), covered by a group total, or named in a diagnostic.</summary>
public static class Accounting
{
    public static void ShouldAccountForEveryCell(JsonObject json, IReadOnlyList<Finding> findings)
    {
        var template = TemplateRegistry.Default.Find(json["template"]!.GetValue<string>())!;
        var tables = json["tables"]!.AsObject();
        var named = findings.Where(f => f.CellKey is not null).Select(f => f.CellKey!).ToList();
        var unaccounted = new List<string>();
        foreach (var cell in template.Cells.Where(c => !c.IsGroupTotal))
        {
            var row = tables[cell.Table]?[cell.Row]?.AsObject();
            var inJson = row is not null && row.ContainsKey(cell.Column);
            var byGroup = cell.Group is { } group && tables[cell.Table]?[group] is not null;
            var byDiagnostic = named.Any(key => cell.Key.StartsWith(key + ".", StringComparison.Ordinal) || key == cell.Key);
            if (!inJson && !byGroup && !byDiagnostic)
            {
                unaccounted.Add(cell.Key);
            }
        }
        unaccounted.ShouldBeEmpty("every cell must be read, blank, or named in a diagnostic");
    }
}
