using System.Text.Json;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>Every output format over the example reports plus the real 2023 洪泽区 report, which has two real errors.</summary>
public class OutputFormatTests
{
    private static readonly string[] Inputs = ["examples", "tests/fixtures/expected/2023_hongzequ.json"];

    [Theory]
    [InlineData("text", "zh")]
    [InlineData("text", "en")]
    [InlineData("json", "zh")]
    [InlineData("msbuild", "zh")]
    [InlineData("github", "en")]
    [InlineData("sarif", "zh")]
    public void Each_format_over_the_examples(string format, string lang)
    {
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, [.. Inputs, "--format", format, "--lang", lang]);
        stderr.ShouldBeEmpty();
        exit.ShouldBe(1);
        Snapshot.Match(this, ReportLintProcess.WithoutTime(stdout), $"{format}_{lang}");
    }

    [Fact]
    public void Sarif_has_what_github_code_scanning_requires()
    {
        var (_, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, [.. Inputs, "--format", "sarif"]);
        using var sarif = JsonDocument.Parse(stdout);
        var root = sarif.RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        root.GetProperty("$schema").GetString()!.ShouldContain("sarif-2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldContain("RL1004");
        rules.ShouldAllBe(r => r.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 0
            && r.GetProperty("helpUri").GetString()!.StartsWith("https://"));
        var all = run.GetProperty("results").EnumerateArray().ToList();
        all.Select(r => r.GetProperty("level").GetString()).Distinct().Order().ShouldBe(["error", "note", "warning"]);
        var results = all.Where(r => r.GetProperty("level").GetString() == "error").ToList();
        results.Count.ShouldBe(2);
        foreach (var result in results)
        {
            result.GetProperty("ruleId").GetString().ShouldBe("RL1004");
            result.GetProperty("level").GetString().ShouldBe("error");
            result.GetProperty("message").GetProperty("text").GetString()!.ShouldNotBeNullOrWhiteSpace();
            var location = result.GetProperty("locations")[0];
            location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
                .ShouldBe("tests/fixtures/expected/2023_hongzequ.json");
            location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(0);
            location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!.ShouldStartWith("appeals.");
            result.GetProperty("partialFingerprints").GetProperty("reportlint/v1").GetString()!.Length.ShouldBe(32);
            rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("RL1004");
        }
    }

    [Fact]
    public void Sarif_says_which_rules_were_not_judged_and_is_english_with_lang_en()
    {
        // The other formats listed the year-over-year rules not judged; SARIF left them out. And with --lang en every
        // rule's full description was still Chinese.
        var (_, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, [.. Inputs, "--format", "sarif", "--lang", "en"]);
        using var sarif = JsonDocument.Parse(stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ShouldHaveSingleItem();
        notification.GetProperty("message").GetProperty("text").GetString()!.ShouldStartWith("Skipped (no report of the previous year");
        notification.GetProperty("properties").GetProperty("skipped").GetProperty("RL1201").GetInt32().ShouldBeGreaterThan(0);
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            // The English title (which may quote a Chinese label, as RL1101's does), not the Chinese reason.
            var full = rule.GetProperty("fullDescription").GetProperty("text").GetString()!;
            full.ShouldBe(rule.GetProperty("shortDescription").GetProperty("text").GetString());
            char.IsAscii(full[0]).ShouldBeTrue(full);
        }
    }

    [Fact]
    public void Fingerprints_survive_a_reformatted_file_but_lines_do_not()
    {
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        var file = Path.Combine(directory, "reports", "2023_hongzequ.json");
        var before = Fingerprints(directory);

        using (var document = JsonDocument.Parse(File.ReadAllBytes(file)))
        {
            // Compact, then indented: every value moves to another line and column.
            File.WriteAllText(file, JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true }));
        }
        var after = Fingerprints(directory);

        after.Select(a => a.Fingerprint).ShouldBe(before.Select(b => b.Fingerprint));
        after.Select(a => a.Line).ShouldNotBe(before.Select(b => b.Line));
    }

    [Fact]
    public void Findings_without_a_cell_get_a_fingerprint_each()
    {
        // Two unknown fields of one file had one fingerprint: code scanning merged them into one alert.
        var directory = ReportLintProcess.Workspace();
        var file = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(file, Lint.Mutate(File.ReadAllText(file), "\"template\": \"2021\",", "\"template\": \"2021\", \"foo\": 1, \"bar\": 2,"));
        var fingerprints = Fingerprints(directory);
        fingerprints.Count.ShouldBeGreaterThan(2);
        fingerprints.Select(f => f.Fingerprint).ShouldBeUnique();
    }

    private static List<(string Fingerprint, int Line)> Fingerprints(string directory)
    {
        var (_, stdout, _) = ReportLintProcess.Run(directory, "reports", "--format", "sarif");
        using var sarif = JsonDocument.Parse(stdout);
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("partialFingerprints").GetProperty("reportlint/v1").GetString()!,
                          r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToList();
    }

    [Fact]
    public void Explain_prints_what_why_the_expression_and_examples()
    {
        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "explain", "rl1001");
        exit.ShouldBe(0);
        Snapshot.Match(this, stdout);
    }

    [Fact]
    public void Rules_lists_every_rule_as_json()
    {
        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "rules", "--format", "json");
        exit.ShouldBe(0);
        using var rules = JsonDocument.Parse(stdout);
        var ids = rules.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        ids.ShouldContain("RL1001");
        ids.ShouldContain("RL0102");
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_rule_reference_in_docs_is_current()
    {
        var (_, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "rules", "--format", "markdown");
        File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "rule-reference.md")).Replace("\r\n", "\n").ShouldBe(stdout.Replace("\r\n", "\n"),
            "docs/rule-reference.md is out of date: regenerate with `dotnet run --project src/ReportLint -- rules --format markdown > docs/rule-reference.md`");
    }
}
