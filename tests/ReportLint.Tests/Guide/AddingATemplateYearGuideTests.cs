using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using ReportLint.Reading;
using ReportLint.Tests.Support;
using static ReportLint.Tests.Generator.GeneratorDriverHelper;
using TemplateDefinition = ReportLint.Validation.TemplateDefinition;

namespace ReportLint.Tests.Guide;

/// <summary>
/// docs/adding-a-template-year.md, step by step, on its made-up 2099 format: the YAML from the page is compiled by
/// the source generator here in the test (no C# written for it), loaded, and run on reports.
/// </summary>
public class AddingATemplateYearGuideTests
{
    private static readonly Lazy<TemplateRegistry> Compiled = new(Compile);

    /// <summary>Steps 2, 4 and 5: rules/2021.yaml with its years closed and the new rules/2099.yaml, through the generator.</summary>
    private static TemplateRegistry Compile()
    {
        var result = Driver(new InMemoryText("rules/2021.yaml", GuideExample.Rules2021Closed), new InMemoryText("rules/2099.yaml", GuideExample.Template2099))
            .RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        diagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        emit.Success.ShouldBeTrue(string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(stream.ToArray());
        var all = (IReadOnlyList<TemplateDefinition>)assembly.GetType("ReportLint.Templates.TemplateCatalog")!.GetProperty("All")!.GetValue(null)!;
        return new TemplateRegistry(all);
    }

    private static TemplateDefinition Template2099 => Compiled.Value.Find("2099")!;

    // The guide is about tables; the narrative, year-over-year and statutory rules are tested on their own.
    private static IReadOnlyList<Findings.Finding> Lint2099(string json) =>
        new Linter(Compiled.Value).Lint("report.json", Encoding.UTF8.GetBytes(json)).Where(Lint.IsTableOrInput).ToList();

    // A 2099 report: example 000 (呼和浩特市新城区 2024) moved to 2099 without a template, with four more requests from
    // natural persons, all disclosed online: 本年新收 75 → 79 (总计 85 → 89), （一之二）网上公开 4, （七）总计 83 → 87 (92 → 96).
    private static string Report2099 => Lint.Mutate(Lint.Mutate(Lint.Mutate(Lint.Mutate(Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"),
        "  \"template\": \"2021\",\n", ""),
        "\"year\": 2024,", "\"year\": 2099,"),
        "\"new_received\":      { \"natural_person\": 75, \"commercial\": 10, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 85 }",
        "\"new_received\":      { \"natural_person\": 79, \"commercial\": 10, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 89 }"),
        "\"partly_disclosed\":",
        "\"disclosed_online\":  { \"natural_person\": 4, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 4 },\n      \"partly_disclosed\":"),
        "\"results_total\":     { \"natural_person\": 83, \"commercial\": 9, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 92 }",
        "\"results_total\":     { \"natural_person\": 87, \"commercial\": 9, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 96 }");

    [Fact]
    public void Step_2_the_previous_template_ends_the_year_before()
    {
        GuideExample.ClosedYearsLine.ShouldBe("years: 2021-2098");
        var revised = Compiled.Value.Find("2021")!;
        (revised.FirstYear, revised.LastYear).ShouldBe((2021, 2098));
        (Template2099.FirstYear, Template2099.LastYear).ShouldBe((2099, 9999));
    }

    [Fact]
    public void Step_4_the_new_template_renames_a_row_adds_one_and_counts_it_in_the_total()
    {
        var rows = Template2099.Tables.Single(t => t.Id == "requests").Rows.Select(r => r.Id).ToList();
        rows.IndexOf("disclosed_online").ShouldBe(rows.IndexOf("disclosed") + 1);
        Template2099.Cells.Single(c => c.Key == "requests.disclosed.total").RowLabel.ShouldBe("（一）全部公开");
        Template2099.Cells.Single(c => c.Key == "requests.disclosed_online.total").RowLabel.ShouldBe("（一之二）网上公开");
        Template2099.Cells.Count(c => c.Table == "requests" && !c.IsGroupTotal).ShouldBe(26 * 7);

        // It has every rule of 2021, with the same ids: the guide's YAML changes none of them.
        Template2099.Rules.Select(r => r.Id).ShouldBe(Templates.Template2021.Instance.Rules.Select(r => r.Id));
        var rl1003 = Template2099.Rules.Single(r => r.Id == "RL1003");
        rl1003.Check.ShouldContain("disclosed_online");
        // Only check was written: the title, message and why are inherited from rules/2021.yaml.
        rl1003.Title.ShouldBe(Compiled.Value.Find("2021")!.Rules.Single(r => r.Id == "RL1003").Title);
    }

    [Fact]
    public void Step_5_a_mistake_is_a_build_error_at_its_place_in_the_yaml_as_the_guide_shows()
    {
        var broken = GuideExample.Template2099.Replace("after: disclosed }", "after: disclosd }");
        var result = Driver(new InMemoryText("rules/2021.yaml", GuideExample.Rules2021Closed), new InMemoryText("rules/2099.yaml", broken))
            .RunGenerators(Compilation()).GetRunResult();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        var span = diagnostic.Location.GetLineSpan();
        var shown = $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {diagnostic.Id}: ";
        GuideExample.Guide.ShouldContain("`" + shown + "找不到 行“disclosd”（after）");
        diagnostic.GetMessage().ShouldStartWith("找不到 行“disclosd”（after）");
        // The row meant is suggested (it was not, for after:).
        diagnostic.GetMessage().ShouldContain("是否应为“disclosed”？");
    }

    [Fact]
    public void Step_6_the_schema_generated_from_the_templates_names_the_new_row()
    {
        var schema = SchemaWriter.Write(Compiled.Value.All);
        schema.ShouldContain("\"disclosed_online\": {");
        schema.ShouldContain("template 2099: 虚构的 2099 年格式（仅作示例）");
    }

    [Fact]
    public void Step_7_a_2099_report_passes_and_one_that_leaves_the_new_row_out_of_the_total_fails()
    {
        Lint2099(Report2099).ShouldBeEmpty();

        // The same four requests, but （七）总计 left at 83 (92) and 本年新收 at 75 (85): the 2021 rules would pass this
        // report; the 2099 RL1003 counts （一之二） and finds （七）总计 four short in 自然人 and in 总计.
        var forgotten = Lint.Mutate(Lint.Mutate(Report2099,
            "\"new_received\":      { \"natural_person\": 79, \"commercial\": 10, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 89 }",
            "\"new_received\":      { \"natural_person\": 75, \"commercial\": 10, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 85 }"),
            "\"results_total\":     { \"natural_person\": 87, \"commercial\": 9, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 96 }",
            "\"results_total\":     { \"natural_person\": 83, \"commercial\": 9, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 92 }");
        var findings = Lint2099(forgotten);
        findings.Select(f => (f.RuleId, f.CellKey, f.Arithmetic!.Difference)).ShouldBe(
            [("RL1003", "requests.results_total.natural_person", -4m), ("RL1003", "requests.results_total.total", -4m)]);
        findings.ShouldAllBe(f => f.Template == "2099");
        Snapshot.Match(this, Lint.Render(findings));
    }

    [Fact]
    public void Step_4_the_narrative_check_of_a_renamed_row_looks_for_the_new_words()
    {
        // Without the RL1102 override a 2099 report saying "全部公开99件" against a table total of 25 passed: the
        // inherited rule looked for 予以公开.
        var says = Lint.Mutate(Report2099, "\"overview\": \"", "\"overview\": \"本年度全部公开99件。");
        var findings = new Linter(Compiled.Value).Lint("report.json", Encoding.UTF8.GetBytes(says)).Where(f => f.RuleId == "RL1102").ToList();

        findings.ShouldHaveSingleItem().Message.ShouldBe("总体情况写“本年度全部公开99件。”，但表三（一）全部公开总计为 25 件。");
        new Linter(Compiled.Value).Lint("report.json", Encoding.UTF8.GetBytes(Report2099)).ShouldNotContain(f => f.RuleId == "RL1102");
    }

    [Fact]
    public void Step_7_reports_are_checked_against_the_template_for_their_year()
    {
        Lint2099(Report2099).ShouldBeEmpty();

        var declaredOld = Lint.Mutate(Report2099, "\"year\": 2099,", "\"template\": \"2021\",\n  \"year\": 2099,");
        var finding = Lint2099(declaredOld).Where(f => f.RuleId == "RL0109").ShouldHaveSingleItem();
        finding.Message.ShouldBe("报告年度 2099 应使用模板“2099”，但报告声明的是“2021”（适用于 2021–2098 年度）。");

        var report2024 = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "  \"template\": \"2021\",\n", "");
        var broken2024 = Lint.Mutate(report2024, "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 8");
        Lint2099(broken2024).ShouldHaveSingleItem().Template.ShouldBe("2021");
    }
}
