using ReportLint.Importing;
using ReportLint.Tests.Support;
using ReportLint.Validation;

namespace ReportLint.Tests.Importing;

/// <summary>
/// HTML pages laid out like the official format (tests/fixtures/html, made by render.py from reviewed JSON): rowspans
/// (三、本年度办理结果 over 22 rows in 2021, 20 in 2019), colspans, group labels spanning their rows, page chrome and
/// stray markup, and the 上海 2019 header whose colspans do not line up with the data rows.
/// </summary>
public class HtmlImportTests
{
    private static string Html(string name) => Path.Combine(Paths.Fixtures, "html", name);

    [Theory]
    [InlineData("2024_huaianshi.html", "reports/2024_huaianshi.txt")]
    [InlineData("003_yunzhou.html", "seeds/003_33dd7dc401233ec9.txt")]
    public void An_html_rendering_imports_to_the_same_json_as_the_text_of_the_report(string html, string text) =>
        ImportedJson.ShouldImportLikeTheText(Html(html), text);

    [Theory]
    [InlineData("page")]
    [InlineData("table")]
    public void A_page_laid_out_in_a_table_imports_like_the_page_itself(string wrapped)
    {
        // Older portals put the whole article (or a table) in the cell of a layout table. Read as a data table, that
        // one cell swallowed the page: no year, no agency, empty sections and every row "not found".
        var html = File.ReadAllText(Html("2024_huaianshi.html"));
        html = wrapped == "page"
            ? html.Replace("<body>", "<body><table width=\"100%\"><tr><td><img src=\"logo.png\"></td></tr><tr><td class=\"content\">", StringComparison.Ordinal)
                  .Replace("</body>", "</td></tr><tr><td>主办单位：淮安市人民政府办公室</td></tr></table></body>", StringComparison.Ordinal)
            : ReplaceNth(ReplaceNth(html, "</table>", 1, "</table></td></tr></table>"), "<table border=\"1\" cellspacing=\"0\">", 1,
                "<table class=\"frame\"><tr><td><table border=\"1\" cellspacing=\"0\">");
        var path = Path.Combine(Scratch.Directory("import"), $"layout-{wrapped}.html");
        File.WriteAllText(path, html);

        var (json, result) = ImportedJson.Import(path);
        var (plain, _) = ImportedJson.Import(Html("2024_huaianshi.html"));

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(plain));
        ImportedJson.Facts(json, withTitle: true).ShouldBe(ImportedJson.Facts(plain, withTitle: true));
        ImportedJson.Sections(json).ShouldBe(ImportedJson.Sections(plain));
        result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("<td><span style=\"font-size:14px\">34", "表格之中")]
    [InlineData("<td><span style=\"font-size:14px\">34</span></td><td><span st", "一个标签之中")]
    [InlineData("<td><span style=\"font-size:14px\">34</span></td>", "表格之中")]
    public void A_page_cut_short_in_its_tables_is_not_imported(string cutAfter, string where)
    {
        // A partial download ending in 表三's 二、上年结转 row: the parser closed the open cell, an empty one was imported
        // as a blank (null) where the page has a number, and the rest of the table was reported row by row as "not found".
        var html = File.ReadAllText(Html("2024_huaianshi.html"));
        var row = html.IndexOf("二、上年结转政府信息公开申请数量", StringComparison.Ordinal);
        var end = html.IndexOf(cutAfter, row, StringComparison.Ordinal) + cutAfter.Length;
        var path = Path.Combine(Scratch.Directory("import"), "cut.html");
        File.WriteAllText(path, html[..end]);

        var result = new ReportImporter(ReportLint.Reading.TemplateRegistry.Default).Import(path, "cut.html", new ImportOptions());

        result.Report.ShouldBeNull();
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.RuleId.ShouldBe(ImportRules.Unreadable.Id);
        finding.Message.ShouldContain($"中断于{where}");
        finding.Line.ShouldBe(html[..end].Count(c => c == '\n') + 1);
    }

    [Fact]
    public void Menus_before_the_title_and_the_attachment_link_are_not_report_text()
    {
        // A portal's menu and side panel before the title went into the preamble ("首页 | 无障碍 | 长者模式 … 2024年全市GDP
        // 5713.2亿元"), and the link to the report as a PDF into 六、其他需要报告的事项.
        var html = File.ReadAllText(Html("2024_huaianshi.html"))
            .Replace("<div class=\"crumbs\">", "<ul class=\"nav\"><li>首页 | 无障碍 | 长者模式</li></ul><div class=\"side\"><p>热点信息</p><p>2024年全市GDP 5713.2亿元</p></div><div class=\"crumbs\">", StringComparison.Ordinal)
            .Replace("3940 元。</p>\n</div>", "3940 元。</p>\n<p>附件：淮安市人民政府2024年政府信息公开工作年度报告.pdf</p>\n</div>", StringComparison.Ordinal);
        var path = Path.Combine(Scratch.Directory("import"), "menus.html");
        File.WriteAllText(path, html);

        var (json, result) = ImportedJson.Import(path);
        var (plain, _) = ImportedJson.Import(Html("2024_huaianshi.html"));

        ImportedJson.Sections(json).ShouldBe(ImportedJson.Sections(plain));
        ImportedJson.Facts(json, withTitle: true).ShouldBe(ImportedJson.Facts(plain, withTitle: true));
        var ignored = result.Findings.Where(f => f.RuleId == ImportRules.TextIgnored.Id).Select(f => f.Message).ToList();
        ignored.ShouldContain(m => m.Contains("在报告标题之前", StringComparison.Ordinal));
        result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    private static string ReplaceNth(string text, string what, int n, string with)
    {
        var at = -1;
        for (var i = 0; i <= n; i++)
        {
            at = text.IndexOf(what, at + 1, StringComparison.Ordinal);
        }
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    [Fact]
    public void The_publication_date_comes_from_the_page_line_that_gives_it()
    {
        var (json, _) = ImportedJson.Import(Html("003_yunzhou.html"));
        json["published"]!.GetValue<string>().ShouldBe("2022-02-14");
    }

    [Fact]
    public void A_2019_trial_page_with_a_misaligned_header_imports_every_cell_to_its_column()
    {
        var (json, result) = ImportedJson.Import(Html("2019_trial_misaligned.html"));
        var want = ImportedJson.Load(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"));

        json["template"]!.GetValue<string>().ShouldBe("2019");
        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(want));
        // 采购总金额 written “251000元” in a column whose unit the format leaves open: the number, and the unit in units.
        json["units"]!["proactive.procurement.amount"]!.GetValue<string>().ShouldBe("元");
        json["agency"]!["kind"]!.GetValue<string>().ShouldBe("department");
        ImportedJson.Sections(json).ShouldBe(ImportedJson.Sections(want));
        result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    [Fact]
    public void Labels_annotated_with_provincial_filling_notes_are_still_their_rows()
    {
        // Hubei 2020 (shared/domain/report-format.md §5.1) prints the filling notes inside the row labels.
        var html = File.ReadAllText(Html("2019_trial_misaligned.html"))
            .Replace(">规章&nbsp;<", ">规章（设区的市、自治州人民政府应提供相关数据）&nbsp;<", StringComparison.Ordinal)
            .Replace(">规范性文件&nbsp;<", ">规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”“规范”“规程”“规则”等字样的公文，一般情况下属于规范性文件）&nbsp;<", StringComparison.Ordinal)
            .Replace(">其他对外管理服务事项&nbsp;<", ">其他对外管理服务事项（指行政许可证以外的政务服务事项，含行政确认、行政奖励、行政裁决等）&nbsp;<", StringComparison.Ordinal);
        var path = Path.Combine(Scratch.Directory("import"), "hubei.html");
        File.WriteAllText(path, html);

        var (json, result) = ImportedJson.Import(path);

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(ImportedJson.Load(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"))));
        result.Findings.Where(f => f.RuleId == "RL0212").Select(f => f.CellKey).ShouldBe(
            ["proactive.regulations", "proactive.normative_documents", "proactive.other_services"], ignoreOrder: true);
    }

    [Fact]
    public void Rows_printed_under_the_short_forms_of_their_official_labels_are_still_their_rows()
    {
        // 淮安市 2024 with （二）部分公开 printed without its note, and 表四 turned to rows, as some pages lay it out:
        // 行政复议, then 行政诉讼's own sub-headings 复议后起诉 and 未经复议直接起诉 (here in that order) as row labels.
        // Both used to be "not a row of the template" (RL0206), their cells lost.
        var want = ImportedJson.Load(Path.Combine(Paths.Fixtures, "expected", "2024_huaianshi.json"));
        var appeals = want["tables"]!["appeals"]!;
        string[] columns = ["upheld", "corrected", "other_result", "pending", "total"];
        string Row(string label, string id) => $"<tr><td>{label}</td>{string.Concat(columns.Select(c => $"<td>{appeals[id]![c]}</td>"))}</tr>";
        var html = File.ReadAllText(Html("2024_huaianshi.html"))
            .Replace(">（二）部分公开（区分处理的，只计这一情形，不计其他情形）<", ">（二）部分公开<", StringComparison.Ordinal);
        var start = html.IndexOf("<table", html.IndexOf("行政复议、行政诉讼情况", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal) + "</table>".Length;
        html = html[..start]
            + "<table><tr><td>类别</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
            + Row("行政复议", "review") + Row("复议后起诉", "suit_after_review") + Row("未经复议直接起诉", "direct_suit") + "</table>"
            + html[end..];
        var path = Path.Combine(Scratch.Directory("import"), "short-labels.html");
        File.WriteAllText(path, html);

        var (json, result) = ImportedJson.Import(path);

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(want));
        result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
        result.Findings.Where(f => f.RuleId == "RL0212").Select(f => f.CellKey).ShouldBe(
            ["requests.partly_disclosed", "appeals.direct_suit", "appeals.suit_after_review"], ignoreOrder: true);
    }

    [Fact]
    public void A_table_headed_by_the_other_formats_columns_is_said_to_be()
    {
        // 淮安市 2024 with 表二's first block headed as in the 2019 trial format: the same three numbers per row, so
        // every row reads cleanly — into 2021 columns (制发/废止/现行有效) that do not mean 新制作/新公开/对外公开总数.
        var html = File.ReadAllText(Html("2024_huaianshi.html")).Replace(
            "<td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>",
            "<td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td>", StringComparison.Ordinal);
        var path = Path.Combine(Scratch.Directory("import"), "old-columns.html");
        File.WriteAllText(path, html);

        var (json, result) = ImportedJson.Import(path);

        ImportedJson.Cells(json).ShouldBe(ImportedJson.Cells(ImportedJson.Load(Path.Combine(Paths.Fixtures, "expected", "2024_huaianshi.json"))));
        var finding = result.Findings.Where(f => f.Severity >= Severity.Warning).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe(ImportRules.OtherTemplateColumns.Id);
        finding.Line.ShouldBe(19);
        finding.Message.ShouldContain("“本年新制作数量”“本年新公开数量”“对外公开总数量”是 2019 年格式的");
        finding.Message.ShouldContain("--template 2019");
    }
}
