using System.Text;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Reading;

/// <summary>
/// Which template a report is checked against: the one it declares, else the one for its year (2019–2020 → 2019,
/// 2021 on → 2021); a declared template that contradicts the year, and tables laid out for the other template,
/// each get one clear finding.
/// </summary>
public class TemplateSelectionTests
{
    private static string Trial2019 => File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"));

    private static string Revised2024 => Lint.Example("000_1c6b722cb07b2c5a.json");

    private static string Declare(string json, string template) => Lint.Mutate(json, "{\n  \"year\"", $"{{\n  \"template\": \"{template}\",\n  \"year\"");

    private static IReadOnlyList<Findings.Finding> Check(string json, string? templateOption = null) =>
        Lint.Linter.Lint("report.json", Encoding.UTF8.GetBytes(json), templateOption).Where(Lint.IsTableOrInput).ToList();

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public void A_trial_report_without_a_template_is_checked_as_2019_by_its_year(int year)
    {
        var json = Lint.Mutate(Trial2019, "\"year\": 2019", $"\"year\": {year}");
        Check(json).ShouldBeEmpty();
        // A mistake shows which template was used.
        Check(Lint.Mutate(json, "\"pending\": 1, \"total\": 3", "\"pending\": 1, \"total\": 4")).ShouldHaveSingleItem().Template.ShouldBe("2019");
    }

    [Fact]
    public void A_revised_report_without_a_template_is_checked_as_2021_by_its_year()
    {
        var json = Lint.Mutate(Revised2024, "\"template\": \"2021\",", "");
        Check(json).ShouldBeEmpty();
        Check(Lint.Mutate(json, "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 8")).ShouldHaveSingleItem().Template.ShouldBe("2021");
    }

    [Fact]
    public void A_declared_template_that_fits_the_year_is_used_without_a_finding()
    {
        Check(Declare(Trial2019, "2019")).ShouldBeEmpty();
        Check(Revised2024).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string?, string[]> Cases => new()
    {
        // case, report, --template, the findings expected (rule and where: the template field, a table's key, or "{" for line 1)
        { "trial_tables_declared_2019_for_2024", Declare(Lint.Mutate(Trial2019, "\"year\": 2019", "\"year\": 2024"), "2019"), null,
          ["RL0109 template"] },
        { "trial_tables_declared_2021_for_2021", Declare(Lint.Mutate(Trial2019, "\"year\": 2019", "\"year\": 2021"), "2021"), null,
          ["RL0114 proactive"] },
        { "trial_tables_for_2021_by_year", Lint.Mutate(Trial2019, "\"year\": 2019", "\"year\": 2021"), null,
          ["RL0114 proactive"] },
        { "trial_tables_declared_2021_for_2020", Declare(Lint.Mutate(Trial2019, "\"year\": 2019", "\"year\": 2020"), "2021"), null,
          ["RL0109 template", "RL0114 proactive"] },
        { "trial_tables_checked_as_2021_by_option", Trial2019, "2021",
          ["RL0109 {", "RL0114 proactive"] },
        { "revised_table_3_in_a_2019_report", Lint.Mutate(Trial2019,
            "\"other_processing\":  { \"natural_person\": 1, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 1, \"other_org\": 0, \"total\": 2 },",
            "\"no_correction\":     { \"natural_person\": 1, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 1 },\n" +
            "      \"fee_unpaid\":        { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 },\n" +
            "      \"other_handling\":    { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 1, \"other_org\": 0, \"total\": 1 },"), null,
          ["RL0114 requests"] },
        // 000 gives （六） as its three 2021 sub-rows, so 表三 does not fit the trial format either.
        { "revised_tables_in_a_2020_report", Lint.Mutate(Revised2024, "\"year\": 2024", "\"year\": 2020").Replace("\"template\": \"2021\",", ""), null,
          ["RL0114 proactive", "RL0114 requests"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_contradiction_between_template_year_and_tables_is_one_clear_finding(string name, string json, string? templateOption, string[] expected)
    {
        var findings = Check(json, templateOption);
        var lines = json.Split('\n');
        // Where each finding points: the template field, or the key of the table that is laid out for the other template.
        findings.Select(f => f.RuleId + " " + Where(lines[f.Line - 1])).ShouldBe(expected);
        Snapshot.Match(this, Lint.Render(findings) + "\n\n" + Lint.Render(findings, Validation.Language.English), name);

        static string Where(string line) => line.Trim().Split(':')[0].Trim('"');
    }

    [Fact]
    public void A_table_that_fits_no_template_gets_a_finding_for_each_cell_not_a_guess()
    {
        // 表二 mixing the two layouts fits neither: each stray cell is reported where it is.
        var json = Lint.Mutate(Revised2024, "\"licensing\":           { \"decisions\": 57677 },",
            "\"licensing\":           { \"decisions\": 57677 },\n      \"other_services\":      { \"previous\": 1, \"change\": 0, \"decisions\": 5 },");
        Check(json).Select(f => (f.RuleId, f.CellKey)).ShouldBe([("RL0105", "proactive.other_services")]);
    }
}
