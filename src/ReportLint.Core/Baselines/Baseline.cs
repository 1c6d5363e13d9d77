using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Baselines;

/// <summary>
/// Known findings to suppress (docs/baseline.md). Entries are keyed by rule + agency + year + cell — never by line — so a
/// reformatted file keeps its baseline. Entries no longer matched are reported as stale, so a baseline only shrinks.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<BaselineKey, int> counts;
    private readonly Dictionary<BaselineKey, (int Line, int Column)> places;

    private Baseline(Dictionary<BaselineKey, int> counts, Dictionary<BaselineKey, (int Line, int Column)> places)
    {
        this.counts = counts;
        this.places = places;
    }

    public static BaselineKey KeyOf(Finding finding) =>
        new(finding.RuleId, finding.Agency ?? "", finding.Year ?? 0, finding.CellKey ?? "");

    /// <summary>Whether a finding can be baselined: problems that stop a file from being read never are.</summary>
    public static bool Applies(Finding finding) => !finding.IsInputError;

    /// <summary>A baseline holds one entry per accepted finding; this is room for millions.</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <param name="knownRules">The rule ids that exist: an entry for another (RL9999) would only ever be "stale, fixed". Null: not checked.</param>
    public static (Baseline? Baseline, Finding? Error) Load(string path, IReadOnlyCollection<string>? knownRules = null)
    {
        try
        {
            // Through FileBytes, as reports are: a named pipe does not make the run wait, and a file over the limit is not read.
            if (FileBytes.ReadAll(path, MaxBytes).Bytes is not { } bytes)
            {
                return (null, Error(path, $"基线文件超过 {MaxBytes / 1024 / 1024} MB，未读取", $"the baseline is over {MaxBytes / 1024 / 1024} MB and was not read"));
            }
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                // JsonDocument would throw while decoding a string, not with a JsonException.
                return (null, Error(path, "文件不是 UTF-8 编码（另存时请选 UTF-8；GBK、UTF-16 都不行）", "the file is not UTF-8 (save it as UTF-8, not GBK or UTF-16)"));
            }
            // A byte order mark (Notepad's "UTF-8") is allowed, as in report files; JsonDocument refuses it.
            using var document = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
            {
                return (null, Error(path, "不是第 1 版的 reportlint 基线文件（应有 \"version\": 1）", "not a version 1 reportlint baseline (\"version\": 1 expected)"));
            }
            if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return (null, Error(path, "缺少 entries 列表", "'entries' is missing or not a list"));
            }
            var counts = new Dictionary<BaselineKey, int>();
            var places = new Dictionary<BaselineKey, (int Line, int Column)>();
            var starts = EntryOffsets(bytes);
            var lines = new LineIndex(bytes);
            var number = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var (line, column) = number < starts.Count ? lines.Locate(starts[number]) : (1, 1);
                number++;
                var isObject = entry.ValueKind == JsonValueKind.Object;
                string? Text(string name) => entry.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                int? Whole(string name) => entry.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n : null;
                var (rule, agency, cell, year, count) = isObject
                    ? (Text("rule"), Text("agency"), Text("cell"), Whole("year"), entry.TryGetProperty("count", out _) ? Whole("count") : 1)
                    : default;
                if (rule is null || agency is null || cell is null || year is null || count is null or < 1)
                {
                    return (null, Error(path,
                        $"第 {number} 条记录应有文字 rule、agency、cell，整数 year，以及不小于 1 的整数 count",
                        $"entry {number} needs text rule, agency and cell, a whole-number year, and a whole-number count of at least 1", line, column));
                }
                if (knownRules is not null && !knownRules.Contains(rule))
                {
                    return (null, Error(path, $"第 {number} 条记录的规则“{rule}”不存在（全部规则见 reportlint rules）",
                        $"entry {number} names rule '{rule}', which does not exist (reportlint rules lists them all)", line, column));
                }
                var key = new BaselineKey(rule, agency, year.Value, cell);
                // Saturating: two counts near int.MaxValue wrapped to a negative count that suppressed nothing.
                counts[key] = (int)Math.Min(int.MaxValue, (long)counts.GetValueOrDefault(key) + count.Value);
                places.TryAdd(key, (line, column));
            }
            return (new Baseline(counts, places), null);
        }
        catch (JsonException e)
        {
            return (null, Error(path, $"JSON 格式错误（第 {(e.LineNumber ?? 0) + 1} 行）", $"malformed JSON (line {(e.LineNumber ?? 0) + 1})", (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1));
        }
        catch (InvalidOperationException)
        {
            // Valid JSON syntax that is no text: a \u escape of half a surrogate pair ("\uD800"), which GetString throws on.
            return (null, Error(path, "文字中有无法转换的 \\u 转义（如 \\uD800）", "a string holds a \\u escape that is no character (e.g. \\uD800)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (why, whyEn) = FileBytes.Why(e, path);
            return (null, Error(path, why, whyEn));
        }
    }

    private static Finding Error(string path, string reason, string reasonEn, int line = 1, int column = 1) =>
        new(Path.GetFullPath(path), InputRule.BadBaseline.Id, InputRule.BadBaseline.Severity,
            $"无法读取基线文件：{reason}。基线文件由 --write-baseline 生成，请勿手工修改其结构。",
            $"Cannot read the baseline file: {reasonEn}. Baselines are written by --write-baseline.", line, column) { IsInputError = true };

    /// <summary>Where each element of the top-level <c>entries</c> list starts (JsonDocument keeps no positions), in order.</summary>
    private static List<int> EntryOffsets(byte[] bytes)
    {
        var offsets = new List<int>();
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(start));
        var inEntries = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inEntries = reader.ValueTextEquals("entries"u8);
            }
            else if (inEntries && reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                offsets.Add((int)reader.TokenStartIndex + start);
                reader.Skip();
            }
        }
        return offsets;
    }

    /// <summary>Starts matching findings against the baseline, one file at a time.</summary>
    public BaselineMatch Match() => new(new Dictionary<BaselineKey, int>(counts), places);

    /// <summary>Writes a baseline with these entries and counts (see <see cref="BaselineRecorder"/>).</summary>
    public static void Write(string path, IReadOnlyDictionary<BaselineKey, int> entries)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteString("comment", "reportlint baseline: known findings to suppress. Regenerate with --write-baseline; stale entries are reported.");
        w.WriteStartArray("entries");
        foreach (var (key, count) in entries.OrderBy(e => e.Key.Rule, StringComparer.Ordinal).ThenBy(e => e.Key.Agency, StringComparer.Ordinal)
                     .ThenBy(e => e.Key.Year).ThenBy(e => e.Key.Cell, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("rule", key.Rule);
            w.WriteString("agency", key.Agency);
            w.WriteNumber("year", key.Year);
            w.WriteString("cell", key.Cell);
            w.WriteNumber("count", count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>Suppresses baselined findings as files stream past; what is left over at the end is stale.</summary>
public sealed class BaselineMatch(Dictionary<BaselineKey, int> remaining, IReadOnlyDictionary<BaselineKey, (int Line, int Column)> places)
{
    public IReadOnlyList<Finding> Keep(IReadOnlyList<Finding> findings)
    {
        List<Finding>? kept = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var key = Baseline.KeyOf(finding);
            if (Baseline.Applies(finding) && remaining.TryGetValue(key, out var left) && left > 0)
            {
                remaining[key] = left - 1;
                kept ??= findings.Take(i).ToList();
                continue;
            }
            kept?.Add(finding);
        }
        return kept ?? findings;
    }

    private readonly Dictionary<(string Agency, int Year), List<string>> checkedReports = [];

    /// <summary>Notes a report checked in this run, and its file (only entries of checked reports can be stale).</summary>
    public void Checked((string Agency, int Year)? identity, string? file)
    {
        if (identity is { } id && file is not null)
        {
            if (!checkedReports.TryGetValue(id, out var files))
            {
                checkedReports[id] = files = [];
            }
            files.Add(file);
        }
    }

    /// <summary>
    /// Entries left over for reports checked in this run, of rules that ran on at least one of that report's files
    /// (<paramref name="ran"/>: rule, file), in the order of the baseline file, each where it is in that file.
    /// </summary>
    public List<StaleEntry> Stale(Func<string, string, bool> ran) =>
        remaining.Where(r => r.Value > 0 && checkedReports.TryGetValue((r.Key.Agency, r.Key.Year), out var files) && files.Any(f => ran(r.Key.Rule, f)))
            .Select(r => new StaleEntry(r.Key, r.Value, places.TryGetValue(r.Key, out var place) ? place : (1, 1)))
            .OrderBy(r => r.Place.Line).ThenBy(r => r.Key.ToString(), StringComparer.Ordinal).ToList();
}

/// <summary>A baseline entry nothing matched any more: how many of its findings are gone, and where it is in the file.</summary>
public sealed record StaleEntry(BaselineKey Key, int Count, (int Line, int Column) Place)
{
    public string Describe(Language language) => language == Language.English
        ? $"{Key.Rule} ({Key.Agency}, {Key.Year}{(Key.Cell.Length == 0 ? "" : ", " + Key.Cell)})"
        : $"{Key.Rule}（{Key.Agency}，{Key.Year} 年度{(Key.Cell.Length == 0 ? "" : "，" + Key.Cell)}）";
}

/// <summary>Counts findings by baseline key as files stream past, for --write-baseline.</summary>
public sealed class BaselineRecorder
{
    private readonly Dictionary<BaselineKey, int> counts = new();

    public IReadOnlyDictionary<BaselineKey, int> Entries => counts;

    public void Add(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings.Where(Baseline.Applies))
        {
            var key = Baseline.KeyOf(finding);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}

public readonly record struct BaselineKey(string Rule, string Agency, int Year, string Cell)
{
    public override string ToString() => $"{Rule} {Agency} {Year} {Cell}";
}
