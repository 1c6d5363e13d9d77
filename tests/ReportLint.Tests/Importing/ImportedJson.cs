using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReportLint.Importing;
using ReportLint.Reading;

namespace ReportLint.Tests.Importing;

/// <summary>Imports a source in process and compares the JSON with a hand-written expectation, cell by cell.</summary>
public static class ImportedJson
{
    public static (JsonObject Json, ImportResult Result) Import(string path, ImportOptions? options = null)
    {
        var result = new ReportImporter(TemplateRegistry.Default).Import(path, Path.GetFileName(path), options ?? new ImportOptions());
        result.Report.ShouldNotBeNull($"nothing imported from {path}: {string.Join("; ", result.Findings.Select(f => f.MessageEn))}");
        using var stream = new MemoryStream();
        ImportedReportWriter.Write(result.Report, stream);
        return (JsonNode.Parse(stream.ToArray())!.AsObject(), result);
    }

    public static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    /// <summary>
    /// A rendering of a real report (HTML, Word) imports to the same cells, facts and sections as the report's own text in
    /// ../shared (<paramref name="text"/>), with no warning, every cell accounted for; the publication date aside, which
    /// the renderings do not carry.
    /// </summary>
    public static void ShouldImportLikeTheText(string rendering, string text)
    {
        var (fromRendering, result) = Import(rendering);
        var (fromText, _) = Import(Path.Combine(Support.Paths.Shared, text));

        Cells(fromRendering).ShouldBe(Cells(fromText));
        Facts(fromRendering, withTitle: true).Where(f => !f.StartsWith("published", StringComparison.Ordinal))
            .ShouldBe(Facts(fromText).Where(f => !f.StartsWith("published", StringComparison.Ordinal)));
        Sections(fromRendering).ShouldBe(Sections(fromText));
        result.Findings.Where(f => f.Severity >= Validation.Severity.Warning).ShouldBeEmpty();
        Accounting.ShouldAccountForEveryCell(fromRendering, result.Findings);
    }

    /// <summary>Every cell as “table.row.column = value” (null, a number, or "text"), sorted, so a difference names its cell.</summary>
    public static List<string> Cells(JsonObject report) =>
        report["tables"]!.AsObject()
            .SelectMany(table => table.Value!.AsObject().SelectMany(row => row.Value!.AsObject()
                .Select(cell => $"{table.Key}.{row.Key}.{cell.Key} = {Show(cell.Value)}")))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The report's facts: template, year, agency, period, published (absent and null alike), units, title.</summary>
    public static List<string> Facts(JsonObject report, bool withTitle = true)
    {
        var facts = new List<string>
        {
            $"template = {Show(report["template"])}",
            $"year = {Show(report["year"])}",
            $"agency.name = {Show(report["agency"]?["name"])}",
            $"agency.kind = {Show(report["agency"]?["kind"])}",
            $"period.start = {Show(report["period"]?["start"])}",
            $"period.end = {Show(report["period"]?["end"])}",
            $"published = {Show(report["published"])}",
            $"units = {report["units"]?.ToJsonString() ?? "null"}",
        };
        if (withTitle)
        {
            facts.Add($"title = {Show(report["source"]?["title"])}");
        }
        return facts;
    }

    /// <summary>Each section's text with all whitespace removed: line breaks in web and PDF text are layout, not content.</summary>
    public static List<string> Sections(JsonObject report) =>
        report["sections"]!.AsObject().Select(s => $"{s.Key} = {Regex.Replace(s.Value!.GetValue<string>(), @"\s+", "")}").ToList();

    private static string Show(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<string>(out var text) => $"\"{text}\"",
        _ => node.ToJsonString(),
    };
}
