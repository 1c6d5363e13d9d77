using Microsoft.CodeAnalysis;
using ReportLint.Generator;
using ReportLint.Tests.Support;
using static ReportLint.Tests.Generator.GeneratorDriverHelper;

namespace ReportLint.Tests.Generator;

public class RuleGeneratorTests
{
    private static readonly string Rules2021 = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml"));

    // The made-up template of docs/adding-a-template-year.md; the guide's own test (Guide/) runs it on reports.
    private static readonly string SecondTemplate = Guide.GuideExample.Template2099;

    [Fact]
    public void Generates_the_2021_validator_deterministically()
    {
        var first = Driver(new InMemoryText("/rules/2021.yaml", Rules2021)).RunGenerators(Compilation()).GetRunResult();
        var second = Driver(new InMemoryText("/rules/2021.yaml", Rules2021)).RunGenerators(Compilation()).GetRunResult();

        first.Diagnostics.ShouldBeEmpty();
        var sources = first.Results.Single().GeneratedSources;
        sources.Select(s => s.HintName).ShouldBe(["Template2021.g.cs", "TemplateCatalog.g.cs"], ignoreOrder: true);
        sources.Select(s => s.SourceText.ToString()).ShouldBe(second.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        Snapshot.Match(this, sources.Single(s => s.HintName == "Template2021.g.cs").SourceText.ToString());
    }

    [Theory]
    [InlineData("9", 0)] // 1 + 1 + 0 + 5 = 7: off by 2, beyond a tolerance of 1
    [InlineData("8", 1)] // off by 1: within it
    [InlineData("7", 1)]
    public void A_rule_with_a_tolerance_accepts_differences_up_to_it(string total, int expectedPass)
    {
        var yaml = Rules2021.Replace("    check: total = upheld + corrected + other_result + pending\n", "    check: total = upheld + corrected + other_result + pending\n    tolerance: 1\n");
        yaml.ShouldContain("tolerance: 1");
        var result = Driver(new InMemoryText("/rules/2021.yaml", yaml)).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        diagnostics.ShouldBeEmpty();
        using var stream = new MemoryStream();
        output.Emit(stream).Success.ShouldBeTrue();
        var assembly = System.Reflection.Assembly.Load(stream.ToArray());
        var templates = (IReadOnlyList<ReportLint.Validation.TemplateDefinition>)assembly.GetType("ReportLint.Templates.TemplateCatalog")!.GetProperty("All")!.GetValue(null)!;
        var report = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "\"pending\": 5, \"total\": 7", $"\"pending\": 5, \"total\": {total}");

        var findings = new Linter(new ReportLint.Reading.TemplateRegistry(templates)).Lint("r.json", System.Text.Encoding.UTF8.GetBytes(report));

        (findings.Any(f => f.RuleId == "RL1004") ? 0 : 1).ShouldBe(expectedPass);
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        Driver(new InMemoryText("/rules/2021.yaml", Guide.GuideExample.Rules2021Closed), new InMemoryText("/rules/2099.yaml", SecondTemplate))
            .RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        diagnostics.ShouldBeEmpty();
        // CS0436: the test compilation references ReportLint.Core, which holds its own generated Template2021.
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_cell_in_a_rule_is_a_build_error_at_its_place_in_the_yaml()
    {
        var broken = Rules2021.Replace("check: new_received + carried_over = results_total + carried_forward",
                                       "check: new_received + carried_ovr = results_total + carried_forward");
        var result = Driver(new InMemoryText("/rules/2021.yaml", broken)).RunGenerators(Compilation()).GetRunResult();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RL0003");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe("/rules/2021.yaml");
        var line = broken.Split('\n')[span.StartLinePosition.Line];
        line[span.StartLinePosition.Character..].ShouldStartWith("carried_ovr");
    }

    [Fact]
    public void Running_twice_with_nothing_changed_reuses_every_step()
    {
        var compilation = Compilation();
        var driver = Driver(new InMemoryText("/rules/2021.yaml", Rules2021)).RunGenerators(compilation);
        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (var name in new[] { TrackingNames.Parse, TrackingNames.Bind, TrackingNames.Templates, TrackingNames.Catalog })
        {
            result.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason)
                .ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, name);
        }
    }

    [Fact]
    public void Editing_one_rule_file_reparses_only_that_file_and_leaves_the_other_template_unchanged()
    {
        var compilation = Compilation();
        var rules2021 = new InMemoryText("/rules/2021.yaml", Guide.GuideExample.Rules2021Closed);
        var other = new InMemoryText("/rules/2099.yaml", SecondTemplate);
        var driver = Driver(rules2021, other).RunGenerators(compilation);

        var edited = new InMemoryText("/rules/2099.yaml", SecondTemplate.Replace("title: 虚构的 2099 年格式（仅作示例）", "title: 虚构的 2099 年格式（修订）"));
        var result = driver.ReplaceAdditionalText(other, edited).RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        parse.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        parse.Count(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged).ShouldBe(1);
        var templates = result.TrackedSteps[TrackingNames.Templates].SelectMany(s => s.Outputs).Select(o => (o.Value, o.Reason)).ToList();
        templates.Single(t => ((ReportLint.Rules.Model.TemplateSpec)t.Value).Name == "2021").Reason.ShouldBe(IncrementalStepRunReason.Unchanged);
        templates.Single(t => ((ReportLint.Rules.Model.TemplateSpec)t.Value).Name == "2099").Reason.ShouldBe(IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Text_from_yaml_cannot_inject_code()
    {
        var hostile = Rules2021.Replace("title: 本年新收加上年结转，等于办理结果总计加结转下年度",
            "title: \"\\\"); System.Environment.Exit(42); //\\n*/ #error injected\"");
        Driver(new InMemoryText("/rules/2021.yaml", hostile)).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        diagnostics.ShouldBeEmpty();
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        var source = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Template2021.g.cs")).ToString();
        source.ShouldNotContain("\n*/ #error");
        source.ShouldContain("System.Environment.Exit(42)");
    }
}
