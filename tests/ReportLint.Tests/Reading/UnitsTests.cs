using ReportLint.Tests.Support;

namespace ReportLint.Tests.Reading;

/// <summary>
/// The 2019 采购总金额 has no unit in the format; real reports write 元 or 万元. The report file records which
/// (units), the reader keeps it, and an amount without one is pointed out.
/// </summary>
public class UnitsTests
{
    private static string Trial2019 => File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"));

    private const string Units = "\"units\": { \"proactive.procurement.amount\": \"元\" },";

    [Theory]
    [InlineData("元")]
    [InlineData("万元")]
    public void The_unit_a_report_states_is_recorded_with_the_cell(string unit)
    {
        var json = Lint.Mutate(Trial2019, Units, $"\"units\": {{ \"proactive.procurement.amount\": \"{unit}\" }},");
        var read = new ReportLint.Reading.ReportReader(ReportLint.Reading.TemplateRegistry.Default).Read("r.json", System.Text.Encoding.UTF8.GetBytes(json));
        read.Findings.ShouldBeEmpty();
        var report = read.Report!;
        var cell = report.Template.Cells.Single(c => c.Key == "proactive.procurement.amount").Index;
        report.Units.ShouldBe(new Dictionary<int, string> { [cell] = unit });
    }

    [Fact]
    public void An_amount_of_zero_needs_no_unit()
    {
        var json = Lint.Mutate(Lint.Mutate(Trial2019, Units, ""), "\"projects\": 6, \"amount\": 251000", "\"projects\": 0, \"amount\": 0");
        Lint.Tables("r.json", json).ShouldBeEmpty();
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "amount_without_unit", Lint.Mutate(Trial2019, Units, "") },
        { "unit_not_元_or_万元", Lint.Mutate(Trial2019, Units, "\"units\": { \"proactive.procurement.amount\": \"千元\" },") },
        { "unit_for_a_cell_whose_header_fixes_it", Lint.Mutate(Trial2019, Units, "\"units\": { \"proactive.procurement.amount\": \"元\", \"proactive.procurement.projects\": \"元\" },") },
        // Was accepted without a word, the last one winning.
        { "unit_given_twice", Lint.Mutate(Trial2019, Units, "\"units\": { \"proactive.procurement.amount\": \"万元\", \"proactive.procurement.amount\": \"元\" },") },
        { "units_in_a_2021_report", Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "\"year\": 2024,", "\"year\": 2024,\n  \"units\": { \"proactive.fees.amount\": \"元\" },") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Units_that_cannot_be_used_are_reported_where_they_are(string name, string json)
    {
        var findings = Lint.Tables("r.json", json);
        findings.Select(f => f.RuleId).ShouldBe([name == "amount_without_unit" ? "RL0115" : "RL0104"]);
        Snapshot.Match(this, Lint.Render(findings), name);
    }
}
