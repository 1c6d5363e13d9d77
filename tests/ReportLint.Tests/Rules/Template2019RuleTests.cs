using ReportLint.Tests.Support;

namespace ReportLint.Tests.Rules;

/// <summary>
/// Every rule of the 2019 template on reports written by hand in the trial layout (tests/fixtures/trial): the
/// consistent one passes, and one changed cell makes each rule fail. Expected findings are worked out from the
/// values by hand and written here before the snapshot is looked at.
/// </summary>
public class Template2019RuleTests
{
    private const string Consistent = "2019_consistent.json";

    private static string Trial(string name) => File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", name));

    [Fact]
    public void The_consistent_2019_report_passes_every_rule_with_negative_changes_and_no_template_declared()
    {
        var json = Trial(Consistent);
        json.ShouldNotContain("\"template\"");
        json.ShouldContain("\"change\": -2");
        Lint.Tables("trial/" + Consistent, json).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string, string, string[]> Failures => new()
    {
        // rule, case, text in the consistent report to change, what to change it to, the findings expected (rule and cell)
        { "RL1001", "carried_over_too_high",
          "\"carried_over\":      { \"natural_person\": 2, \"commercial\": 1, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 3 }",
          "\"carried_over\":      { \"natural_person\": 3, \"commercial\": 1, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 4 }",
          ["RL1001 requests.new_received.natural_person", "RL1001 requests.new_received.total"] },
        { "RL1002", "row_total_wrong",
          "\"third_party\":       { \"natural_person\": 2, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 2 }",
          "\"third_party\":       { \"natural_person\": 2, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 3 }",
          ["RL1002 requests.third_party.total", "RL1003 requests.results_total.total"] },
        { "RL1003", "one_row_other_processing_not_in_the_total",
          "\"other_processing\":  { \"natural_person\": 1, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 1, \"other_org\": 0, \"total\": 2 }",
          "\"other_processing\":  { \"natural_person\": 1, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 2, \"other_org\": 0, \"total\": 3 }",
          ["RL1003 requests.results_total.legal_services", "RL1003 requests.results_total.total"] },
        { "RL1004", "review_total_wrong", "\"pending\": 1, \"total\": 3", "\"pending\": 1, \"total\": 4", ["RL1004 appeals.review.total"] },
        { "RL1005", "blank_cell", "\"decisions\": 86", "\"decisions\": null", ["RL1005 proactive.penalty.decisions"] },
        { "RL1006", "unit_written_into_the_amount", "\"amount\": 251000", "\"amount\": \"251000元\"", ["RL1006 proactive.procurement.amount"] },
        { "RL1007", "negative_count", "\"decisions\": 3417", "\"decisions\": -3417", ["RL1007 proactive.other_services.decisions"] },
        { "RL1008", "fractional_change", "\"previous\": 36, \"change\": -2,", "\"previous\": 36, \"change\": -2.5,", ["RL1008 proactive.licensing.change"] },
        { "RL1401", "more_fees_removed_than_there_were", "\"previous\": 2, \"change\": -2 }", "\"previous\": 2, \"change\": -3 }", ["RL1401 proactive.fees.previous"] },
        { "RL1402", "public_total_below_new", "\"published\": 3, \"public_total\": 27", "\"published\": 3, \"public_total\": 2", ["RL1402 proactive.normative_documents.public_total"] },
        { "RL1403", "amount_without_projects", "\"projects\": 6,", "\"projects\": 0,", ["RL1403 proactive.procurement.projects"] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_rule_fails_on_a_report_that_breaks_it(string rule, string name, string from, string to, string[] expected)
    {
        var findings = Lint.Tables("trial/" + Consistent, Lint.Mutate(Trial(Consistent), from, to));
        findings.Select(f => f.RuleId + " " + f.CellKey).ShouldBe(expected, ignoreOrder: true);
        findings.Select(f => f.RuleId).ShouldContain(rule);
        findings.ShouldAllBe(f => f.Template == "2019");
        Snapshot.Match(this, Lint.Render(findings), name);
    }

    [Fact]
    public void A_negative_value_is_valid_in_the_change_column_and_nowhere_else()
    {
        var json = Trial(Consistent);
        Lint.Tables("t.json", Lint.Mutate(json, "\"previous\": 58, \"change\": 5,", "\"previous\": 58, \"change\": -5,")).ShouldBeEmpty();
        Lint.Tables("t.json", Lint.Mutate(json, "\"previous\": 58, \"change\": 5,", "\"previous\": -58, \"change\": 5,"))
            .Select(f => (f.RuleId, f.CellKey)).ShouldBe([("RL1007", "proactive.other_services.previous"), ("RL1401", "proactive.other_services.previous")], ignoreOrder: true);
    }

    [Fact]
    public void A_2020_report_with_mistakes_is_checked_against_the_trial_template_without_any_option()
    {
        var findings = Lint.Tables("trial/2020_with_errors.json", Trial("2020_with_errors.json"));

        findings.ShouldAllBe(f => f.Template == "2019");
        // Worked out by hand from the file (see the diff against 2019_consistent.json):
        findings.Select(f => (f.RuleId, f.CellKey)).ShouldBe(
        [
            ("RL1402", "proactive.normative_documents.public_total"),   // 3 < 5 newly published
            ("RL1401", "proactive.licensing.previous"),                 // 10 + -12 = -2
            ("RL1007", "proactive.penalty.previous"),                   // -3 in a count column (-3 + 5 = 2 is fine for RL1401)
            ("RL1005", "proactive.enforcement.decisions"),              // null
            ("RL1008", "proactive.fees.change"),                        // 1.5
            ("RL1403", "proactive.procurement.projects"),               // 0 projects, 8040 spent
            ("RL0115", "proactive.procurement.amount"),                 // 8040 with no unit stated
            ("RL1003", "requests.results_total.natural_person"),        // 40 ≠ 20+5+4+7+3+2 = 41
            ("RL1003", "requests.results_total.total"),                 // 46 ≠ 24+5+4+8+3+3 = 47
            ("RL1004", "appeals.review.total"),                         // 2 ≠ 2+0+0+1 = 3
        ]);
        findings.Single(f => f.RuleId == "RL1401").Arithmetic!.Lhs!.Total.ShouldBe(-2m);
        findings.Where(f => f.RuleId == "RL1003").Select(f => f.Arithmetic!.Difference).ShouldBe([-1m, -1m]);
        Snapshot.Match(this, Lint.Render(findings) + "\n\n" + Lint.Render(findings, Validation.Language.English));
    }
}
