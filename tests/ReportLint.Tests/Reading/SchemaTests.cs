using ReportLint.Reading;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Reading;

public class SchemaTests
{
    [Fact]
    public void The_checked_in_schema_is_the_one_generated_from_the_templates()
    {
        var checkedIn = File.ReadAllText(Path.Combine(Paths.RepoRoot, "schema", "report.schema.json")).Replace("\r\n", "\n");
        checkedIn.ShouldBe(SchemaWriter.Write(TemplateRegistry.Default.All),
            "schema/report.schema.json is out of date: regenerate it with `dotnet run --project src/ReportLint -- schema > schema/report.schema.json`");
    }

    [Fact]
    public void The_schema_names_every_cell_of_every_template()
    {
        var schema = File.ReadAllText(Path.Combine(Paths.RepoRoot, "schema", "report.schema.json"));
        foreach (var cell in TemplateRegistry.Default.All.SelectMany(t => t.Cells))
        {
            schema.ShouldContain($"\"{cell.Row}\": {{");
            schema.ShouldContain($"\"{cell.Column}\": {{");
        }
    }

    /// <summary>Files the checker refuses for their form, each with the input error it gives; the schema must refuse them too.</summary>
    public static TheoryData<string, string, string> Refused => new()
    {
        // The audit found the schema accepting each of these while the checker gave an error.
        { "missing_row", "RL0106", Lint.Mutate(Example, "\"enforcement\":         { \"decisions\": 128 },", "") },
        { "empty_agency_name", "RL0104", Lint.Mutate(Example, "\"name\": \"呼和浩特市新城区人民政府\"", "\"name\": \"\"") },
        { "month_13", "RL0104", Lint.Mutate(Example, "\"published\": \"2025-02-05\"", "\"published\": \"2025-13-05\"") },
        { "year_out_of_range", "RL0104", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 20244,") },
        { "group_total_and_rows", "RL0108", Lint.Mutate(Example, "\"results_total\":", "\"other_processing\": { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 },\n      \"results_total\":") },
        { "cell_true", "RL0107", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": true }") },
        { "unknown_row", "RL0105", Lint.Mutate(Example, "\"petition\":", "\"petitions\":") },
        // Then a second audit: cells the schema let through as text or as numbers.
        { "number_in_quotes", "RL0107", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": \"815\" }") },
        { "empty_text_cell", "RL0107", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": \"\" }") },
        { "cell_of_10_to_the_18", "RL0107", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 1000000000000000000 }") },
        { "cell_1e400", "RL0107", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 1e400 }") },
        // Valid before: the tables were checked against any template, not the one the file declares.
        { "tables_of_the_other_template", "RL0114", Lint.Mutate(Example, "\"template\": \"2021\"", "\"template\": \"2019\"") },
    };

    private static string Example => Lint.Example("000_1c6b722cb07b2c5a.json");

    [Fact]
    public void Every_example_and_fixture_report_is_valid_against_the_schema()
    {
        var files = Directory.GetFiles(Paths.Examples, "*.json")
            .Concat(Directory.GetFiles(Path.Combine(Paths.Fixtures, "expected"), "*.json"))
            .Concat(Directory.GetFiles(Path.Combine(Paths.Fixtures, "trial"), "*.json")).ToArray();
        var (exit, stdout, stderr) = NodeProcess.Run(Paths.RepoRoot, [Path.Combine(Paths.RepoRoot, "schema", "validate.js"), .. files]);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.EndsWith("\tvalid", StringComparison.Ordinal), stdout + stderr);
        exit.ShouldBe(0);
    }

    [Theory]
    // A oneOf over the templates made the validator's first error one about the other template's rows
    // ("must have required property 'other_services'", a 2019 row, for a 2021 report missing 'enforcement').
    [InlineData("\"template\": \"2021\",", "\"template\": \"2021\",")]
    [InlineData("\"template\": \"2021\",", "")]
    public void The_schema_checks_the_tables_against_the_report_s_own_template(string template, string replacement)
    {
        var json = Lint.Mutate(Lint.Mutate(Example, "\"enforcement\":         { \"decisions\": 128 },", ""), template, replacement);
        var file = Path.Combine(Scratch.Directory("schema"), "own_template.json");
        File.WriteAllText(file, json);

        var (exit, stdout, stderr) = NodeProcess.Run(Paths.RepoRoot, Path.Combine(Paths.RepoRoot, "schema", "validate.js"), file);

        stdout.ShouldEndWith("\tinvalid\t/tables/proactive must have required property 'enforcement'\n", Case.Sensitive, stderr);
        exit.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_checker_refuses_for_its_form_the_schema_refuses(string name, string rule, string json)
    {
        var directory = Scratch.Directory("schema");
        var file = Path.Combine(directory, name + ".json");
        File.WriteAllText(file, json);

        Lint.Text(name + ".json", json).ShouldContain(f => f.RuleId == rule && f.Severity == Validation.Severity.Error);
        var (exit, stdout, stderr) = NodeProcess.Run(directory, Path.Combine(Paths.RepoRoot, "schema", "validate.js"), file);
        stdout.ShouldContain("\tinvalid\t", Case.Sensitive, stderr);
        exit.ShouldBe(1);
    }
}
