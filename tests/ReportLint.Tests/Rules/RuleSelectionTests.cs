using System.Text;
using ReportLint.Configuration;
using ReportLint.Reading;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Rules;

/// <summary>Rules turned off everywhere are not worked out; the others are, exactly as before.</summary>
public class RuleSelectionTests
{
    private static readonly string Report = File.ReadAllText(Path.Combine(Paths.Examples, "000_1c6b722cb07b2c5a.json"));

    [Fact]
    public void A_rule_that_does_not_run_gives_no_finding_and_the_others_are_unchanged()
    {
        var broken = Encoding.UTF8.GetBytes(Lint.Mutate(Report, "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 9"));
        var all = new Linter(TemplateRegistry.Default).Lint("r.json", broken);
        all.ShouldContain(f => f.RuleId == "RL1004");

        var without = new Linter(TemplateRegistry.Default, rule => rule != "RL1004").Lint("r.json", broken);

        without.ShouldNotContain(f => f.RuleId == "RL1004");
        without.Select(f => (f.RuleId, f.Line, f.Column, f.Message)).ShouldBe(all.Where(f => f.RuleId != "RL1004").Select(f => (f.RuleId, f.Line, f.Column, f.Message)));
    }

    [Fact]
    public void Only_rules_off_at_the_top_level_and_in_every_override_are_off_everywhere()
    {
        var directory = Scratch.Directory("selection");
        var file = Path.Combine(directory, LintConfig.FileName);
        File.WriteAllText(file, """
            rules:
              RL1004: off
              RL1005: off
              RL1006: warning
            overrides:
              - files: ["archive/**/*.json"]
                rules:
                  RL1005: error
                  RL1007: off
            """);
        var (config, error) = ConfigLoader.Load(file);
        error.ShouldBeNull();

        config!.IsOffEverywhere("RL1004").ShouldBeTrue();
        config.IsOffEverywhere("RL1005").ShouldBeFalse("turned back on for archive/");
        config.IsOffEverywhere("RL1006").ShouldBeFalse();
        config.IsOffEverywhere("RL1007").ShouldBeFalse("off only for archive/");
        config.IsOffEverywhere("RL1001").ShouldBeFalse();

        var runs = config.RulesToRun().ShouldNotBeNull();
        runs("RL1004").ShouldBeFalse();
        runs("RL1005").ShouldBeTrue();
        runs("RL1001").ShouldBeTrue();
        LintConfig.None(directory).RulesToRun().ShouldBeNull("nothing is off: every rule runs");
    }
}
