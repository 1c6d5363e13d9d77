using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLint.Benchmarks;
using ReportLint.Reading;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Speed;

/// <summary>
/// The speed comparison in docs/performance.md is only fair if benchmarks/node (ajv + json-logic-js) checks the same
/// rules: on the same files, its RL1001–RL1008 findings (file, rule, cell) must be exactly reportlint's. The files are
/// the 2021 example reports, the real reports in tests/fixtures, each of them changed in one place so every rule and
/// the awkward cases (blank, text, a group given as its total, a 2019 表二 in a 2021 report, …) occur, and a generated
/// corpus. Needs node and `npm ci --prefix benchmarks/node` (.ci/run does both); without them it fails, never skips.
/// </summary>
public class NodeBaselineEquivalenceTests
{
    private static readonly string NodeDirectory = Paths.NodeBenchmarks;

    private static readonly string[] TableRules = ["RL1001", "RL1002", "RL1003", "RL1004", "RL1005", "RL1006", "RL1007", "RL1008"];

    [Fact]
    public void Ajv_and_json_logic_find_what_reportlint_finds_with_the_2021_table_rules()
    {
        var directory = Scratch.Directory("node-baseline");
        var reports = Path.Combine(directory, "reports");
        Directory.CreateDirectory(reports);
        foreach (var file in Directory.GetFiles(Paths.Examples, "*.json").Concat(Directory.GetFiles(Path.Combine(Paths.Fixtures, "expected"), "*.json")))
        {
            File.Copy(file, Path.Combine(reports, Path.GetFileName(file)));
        }
        // Trial-format (2019) reports: reportlint checks them against 2019; the Node side covers 2021 only and skips them.
        var otherTemplate = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.Fixtures, "trial"), "*.json"))
        {
            File.Copy(file, Path.Combine(reports, Path.GetFileName(file)));
            otherTemplate++;
        }
        foreach (var (name, json) in Variants())
        {
            File.WriteAllText(Path.Combine(reports, $"variant_{name}.json"), json);
        }
        var generator = new CorpusGenerator(TemplateRegistry.Default.Find("2021")!,
            CorpusGenerator.SectionsFrom(Lint.Example("004_459b43244279d95c.json")), seed: 7);
        generator.WriteTo(Path.Combine(reports, "generated"), 200);
        var files = Directory.GetFiles(reports, "*.json", SearchOption.AllDirectories).Length;

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "reports", "--format", "json");
        exit.ShouldBeOneOf([0, 1, 2], stderr);
        var expected = ReportLintFindings(stdout);

        var (nodeExit, nodeOut, nodeErr) = RunNode(directory, Path.Combine(NodeDirectory, "check.js"), "reports", "--json");
        nodeExit.ShouldBeOneOf([0, 1], nodeErr);
        var actual = nodeOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var finding = JsonDocument.Parse(line);
            var root = finding.RootElement;
            return Key(root.GetProperty("file").GetString()!, root.GetProperty("rule").GetString()!, root.GetProperty("cell").GetString()!);
        }).ToHashSet(StringComparer.Ordinal);

        // Every rule occurs, so a rule the Node side got wrong (or left out) cannot agree by both finding nothing.
        foreach (var rule in TableRules)
        {
            expected.ShouldContain(k => k.Contains($" {rule} ", StringComparison.Ordinal), $"no {rule} finding in the comparison files");
        }
        expected.Count.ShouldBeGreaterThan(40);
        actual.Except(expected).Order(StringComparer.Ordinal).ShouldBeEmpty("found only by benchmarks/node");
        expected.Except(actual).Order(StringComparer.Ordinal).ShouldBeEmpty("found only by reportlint");

        using var summary = JsonDocument.Parse(nodeErr.Trim().Split('\n')[^1]);
        summary.RootElement.GetProperty("skippedOtherTemplate").GetInt32().ShouldBe(otherTemplate + 1, "the 2019 reports, and the variant that becomes one by its year");
        summary.RootElement.GetProperty("checked").GetInt32().ShouldBe(files - otherTemplate - 1);
        summary.RootElement.GetProperty("unreadable").GetInt32().ShouldBe(0);
    }

    /// <summary>One change each to real reports: every rule, and the cases where a rule must not fire.</summary>
    private static IEnumerable<(string Name, string Json)> Variants()
    {
        const string Xincheng = "000_1c6b722cb07b2c5a.json";   // 呼和浩特市新城区 2024, sub-rows of （六）
        const string Yunzhou = "003_33dd7dc401233ec9.json";    // 大同市云州区 2021, （六） as one row `other_processing`

        (string, string) Change(string name, string example, Action<JsonObject> change)
        {
            var report = JsonNode.Parse(Lint.Example(example))!.AsObject();
            change(report);
            return (name, report.ToJsonString());
        }
        JsonObject Table(JsonObject report, string table) => report["tables"]![table]!.AsObject();
        JsonObject Row(JsonObject report, string table, string row) => Table(report, table)[row]!.AsObject();

        yield return Change("balance", Xincheng, r => { Row(r, "requests", "carried_over")["natural_person"] = 13; Row(r, "requests", "carried_over")["total"] = 13; });
        yield return Change("row_total", Xincheng, r => Row(r, "requests", "third_party")["total"] = 4);
        yield return Change("results_total", Xincheng, r => { Row(r, "requests", "disclosed")["natural_person"] = 24; Row(r, "requests", "disclosed")["total"] = 26; });
        yield return Change("appeals_total", Xincheng, r => Row(r, "appeals", "review")["total"] = 8);
        yield return Change("blank", Xincheng, r => Row(r, "proactive", "penalty")["decisions"] = null);
        yield return Change("text", Xincheng, r => Row(r, "proactive", "enforcement")["decisions"] = "无");
        yield return Change("negative", Xincheng, r => Row(r, "proactive", "enforcement")["decisions"] = -128);
        yield return Change("fraction", Xincheng, r => Row(r, "proactive", "licensing")["decisions"] = 57677.5m);
        yield return Change("negative_fraction", Xincheng, r => Row(r, "requests", "not_held")["commercial"] = -1.5m);
        // Money: may have decimals (no RL1008), may not be negative.
        yield return Change("money", Xincheng, r => Row(r, "proactive", "fees")["amount"] = -3821.28m);
        // A blank or text operand: that cell is reported, the sums it is part of are not judged.
        yield return Change("blank_operand", Xincheng, r => { Row(r, "requests", "disclosed")["natural_person"] = null; Row(r, "requests", "third_party")["natural_person"] = 3; });
        yield return Change("numeric_text", Xincheng, r => Row(r, "requests", "new_received")["total"] = "85");
        yield return Change("unit_in_cell", Xincheng, r => Row(r, "requests", "not_held")["natural_person"] = "54件");
        // Not numbers, blanks or text at all (input errors RL0105, RL0103): no table rule reports them.
        yield return Change("boolean", Xincheng, r => Row(r, "requests", "disclosed")["commercial"] = true);
        yield return Change("missing_cell", Xincheng, r => Row(r, "requests", "disclosed").Remove("commercial"));
        yield return Change("missing_row", Xincheng, r => Table(r, "appeals").Remove("direct_suit"));
        // A group given as its total row.
        yield return Change("group_total_wrong", Yunzhou, r => Row(r, "requests", "other_processing")["natural_person"] = 1);
        yield return Change("group_total_blank", Yunzhou, r => Row(r, "requests", "other_processing")["commercial"] = null);
        yield return Change("group_total_text", Yunzhou, r => Row(r, "requests", "other_processing")["total"] = "-");
        yield return Change("group_total_and_rows", Xincheng, r =>
        {
            // Both the total row and its sub-rows (RL0106): the total row counts in sums, the sub-rows are still cells.
            Table(r, "requests")["other_processing"] = JsonNode.Parse("""{ "natural_person": 1, "commercial": 0, "research": 0, "nonprofit": 0, "legal_services": 0, "other_org": 0, "total": 2 }""");
            Row(r, "requests", "fee_unpaid")["research"] = null;
        });
        yield return Change("group_blank_and_rows", Xincheng, r =>
        {
            // A blank in the total row makes the group unknown, even though its sub-rows are there to add up.
            Table(r, "requests")["other_processing"] = JsonNode.Parse("""{ "natural_person": null, "commercial": 0, "research": 0, "nonprofit": 0, "legal_services": 0, "other_org": 0, "total": 0 }""");
            Row(r, "requests", "fee_unpaid")["natural_person"] = 1;
        });
        yield return Change("group_row_not_object", Xincheng, r => Table(r, "requests")["withheld"] = 5);
        // A 2019 表二 in a 2021 report: reported once (RL0114) and not checked, even its blank cell.
        yield return Change("trial_proactive", Xincheng, r =>
        {
            var trial = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json")))!;
            var proactive = trial["tables"]!["proactive"]!.DeepClone().AsObject();
            proactive["penalty"]!["decisions"] = null;
            r["tables"]!["proactive"] = proactive;
        });
        // A row the template lacks but no template has: the table is still checked.
        yield return Change("unknown_row", Xincheng, r => { Table(r, "proactive")["surveys"] = JsonNode.Parse("""{ "decisions": 1 }"""); Row(r, "proactive", "penalty")["decisions"] = -1; });
        // The template from the year when none is declared: 2024 → 2021 (checked), 2020 → 2019 (skipped by the Node side).
        yield return Change("year_only", Xincheng, r => { r.Remove("template"); Row(r, "appeals", "review")["total"] = 9; });
        yield return Change("year_2020", Xincheng, r => { r.Remove("template"); r["year"] = 2020; Row(r, "appeals", "review")["total"] = 9; });
        // A declared template wins over the year (RL0109 warns): still checked as 2021.
        yield return Change("declared_2021_year_2020", Xincheng, r => { r["year"] = 2020; Row(r, "appeals", "review")["total"] = 9; });
    }

    private static string Key(string file, string rule, string cell) => $"{file.Replace('\\', '/')} {rule} {cell}";

    /// <summary>reportlint's RL1001–RL1008 findings on reports it checked against the 2021 template.</summary>
    private static HashSet<string> ReportLintFindings(string json)
    {
        using var output = JsonDocument.Parse(json);
        return output.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => TableRules.Contains(f.GetProperty("ruleId").GetString()) && f.TryGetProperty("template", out var t) && t.GetString() == "2021")
            .Select(f => Key(f.GetProperty("file").GetString()!, f.GetProperty("ruleId").GetString()!, f.GetProperty("cell").GetProperty("key").GetString()!))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static (int ExitCode, string Out, string Err) RunNode(string workingDirectory, params string[] args) => NodeProcess.Run(workingDirectory, args);
}
