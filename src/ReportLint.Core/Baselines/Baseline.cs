using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Baselines;

/// <summary>
/// Known findings to suppress (docs/baseline.md). Entries are keyed by rule + agency + year + cell — never by line — so a
/// reformatted file keeps its baseline. Entries no longer matched are reported as stale, so a baseline only shrinks.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<BaselineKey, int> counts;

    private Baseline(Dictionary<BaselineKey, int> counts) => this.counts = counts;

    public static BaselineKey KeyOf(Finding finding) =>
        new(finding.RuleId, finding.Agency ?? "", finding.Year ?? 0, finding.CellKey ?? "");

    /// <summary>Whether a finding can be baselined: problems that stop a file from being read never are.</summary>
    public static bool Applies(Finding finding) => !finding.IsInputError;

    public static (Baseline? Baseline, Finding? Error) Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var counts = new Dictionary<BaselineKey, int>();
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                var key = new BaselineKey(
                    entry.GetProperty("rule").GetString()!,
                    entry.GetProperty("agency").GetString()!,
                    entry.GetProperty("year").GetInt32(),
                    entry.GetProperty("cell").GetString()!);
                var count = entry.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
            return (new Baseline(counts), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, new Finding(Path.GetFullPath(path), InputRule.BadBaseline.Id, InputRule.BadBaseline.Severity,
                $"无法读取基线文件：{e.Message}。基线文件由 --write-baseline 生成，请勿手工修改其结构。",
                $"Cannot read the baseline file: {e.Message}. Baselines are written by --write-baseline.", 1, 1) { IsInputError = true });
        }
    }

    /// <summary>Removes baselined findings; returns what is left and the entries nothing matched any more.</summary>
    public (List<Finding> Kept, List<(BaselineKey Key, int Count)> Stale) Apply(IEnumerable<Finding> findings)
    {
        var remaining = new Dictionary<BaselineKey, int>(counts);
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            var key = KeyOf(finding);
            if (Applies(finding) && remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
                continue;
            }
            kept.Add(finding);
        }
        return (kept, remaining.Where(r => r.Value > 0).Select(r => (r.Key, r.Value)).OrderBy(r => r.Key.ToString(), StringComparer.Ordinal).ToList());
    }

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var entries = findings.Where(Applies).GroupBy(KeyOf)
            .OrderBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Agency, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Cell, StringComparer.Ordinal);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteString("comment", "reportlint baseline: known findings to suppress. Regenerate with --write-baseline; stale entries are reported.");
        w.WriteStartArray("entries");
        foreach (var group in entries)
        {
            w.WriteStartObject();
            w.WriteString("rule", group.Key.Rule);
            w.WriteString("agency", group.Key.Agency);
            w.WriteNumber("year", group.Key.Year);
            w.WriteString("cell", group.Key.Cell);
            w.WriteNumber("count", group.Count());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

public readonly record struct BaselineKey(string Rule, string Agency, int Year, string Cell)
{
    public override string ToString() => $"{Rule} {Agency} {Year} {Cell}";
}
