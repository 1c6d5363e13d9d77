using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it (shape of Roslyn's SarifV2ErrorLogger): rules with descriptions and
/// help links, results with physical and logical locations, and fingerprints from rule + agency + year + cell
/// (not lines), so an alert survives a reformatted file.
/// </summary>
public sealed class SarifFormatter(IReadOnlyList<RuleDescription> rules, Language language, string version) : IFindingFormatter
{
    private Utf8JsonWriter? writer;
    private Dictionary<string, int> index = [];

    public void Begin(TextWriter output)
    {
        index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var w = writer = new Utf8JsonWriter(new TextWriterStream(output), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "reportlint");
        w.WriteString("semanticVersion", version);
        w.WriteString("informationUri", RuleCatalog.DocsBase);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", language == Language.English ? rule.TitleEn : rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            // The reasons are written in Chinese only (rules/*.yaml has no English why); in English, the title.
            w.WriteString("text", language == Language.English ? rule.TitleEn : rule.Why);
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("basis", rule.Basis);
            if (rule.Check is not null)
            {
                w.WriteString("check", rule.Check);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        // Columns count UTF-16 code units, as editors do (an emoji is two); SARIF's default would be code points.
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
    }

    public void WriteFile(TextWriter output, FileResult file)
    {
        var w = writer!;
        foreach (var finding in file.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", finding.RuleId);
            if (index.TryGetValue(finding.RuleId, out var ruleIndex))
            {
                w.WriteNumber("ruleIndex", ruleIndex);
            }
            w.WriteString("level", Level(finding.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", finding.MessageIn(language));
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", Uri(finding.File));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", finding.Line);
            w.WriteNumber("startColumn", finding.Column);
            w.WriteEndObject();
            w.WriteEndObject();
            if (finding.CellKey is not null)
            {
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("fullyQualifiedName", finding.CellKey);
                w.WriteString("name", (language == Language.English ? finding.CellLabelEn : finding.CellLabel) ?? finding.CellKey);
                w.WriteString("kind", "member");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString("reportlint/v1", Fingerprint(finding));
            w.WriteEndObject();
            w.WriteEndObject();
            w.FlushWhenFull();
        }
        if (file.Findings.Count > 0)
        {
            w.Flush();
        }
    }

    public void End(TextWriter output, RunSummary summary)
    {
        var w = writer!;
        w.WriteEndArray();
        // The rules not judged (no report of last year), as the other formats say them: a tool notification of the run.
        if (summary.SkippedSentence(language) is { } skipped)
        {
            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", true);
            w.WriteStartArray("toolExecutionNotifications");
            w.WriteStartObject();
            w.WriteString("level", "note");
            w.WriteStartObject("message");
            w.WriteString("text", skipped);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteSkipped(summary);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        w.Dispose();
        output.WriteLine();
    }

    /// <summary>What identifies a finding across edits: rule, agency, year and cell; the file name when there is no cell.</summary>
    public static string Fingerprint(Finding finding)
    {
        // Without a cell (an unknown field, a sentence of the narrative) the message tells findings apart: two unknown
        // fields of one file were one alert.
        var identity = $"{finding.RuleId}|{finding.Agency}|{finding.Year}|{finding.CellKey ?? finding.File + "|" + finding.Message}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Uri(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
}
