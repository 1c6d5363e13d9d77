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
}
