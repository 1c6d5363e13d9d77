using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Validation;

namespace ReportLint.Benchmarks;

/// <summary>
/// Writes N realistic 2021-template reports: every cell, consistent tables, narrative sections of real length, and a
/// share (1 in 10) with one wrong cell. The same seed always gives the same bytes (System.Random with a seed is
/// deterministic; nothing depends on time or culture).
/// </summary>
public sealed class CorpusGenerator(TemplateDefinition template, IReadOnlyDictionary<string, string> sections, int seed)
{
    public const int ErrorShare = 10;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Sections taken from a real report (so lengths and characters are real), from examples/, without the sentences
    /// that restate table numbers: the generated tables differ, and the generator adds its own consistent sentence.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SectionsFrom(string exampleJson)
    {
        using var document = JsonDocument.Parse(exampleJson);
        return document.RootElement.GetProperty("sections").EnumerateObject().ToDictionary(p => p.Name, p => WithoutTableFacts(p.Value.GetString() ?? ""));
    }

    private static readonly string[] TableWords = ["申请", "复议", "诉讼", "规范性文件", "予以公开", "部分公开", "无法提供"];

    private static string WithoutTableFacts(string text) =>
        string.Concat(System.Text.RegularExpressions.Regex.Split(text, "(?<=[。；;\n])")
            .Where(sentence => !TableWords.Any(sentence.Contains)));

    public IEnumerable<(string Name, byte[] Bytes)> Reports(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return ($"report-{i:D6}.json", Report(i, random));
        }
    }

    public void WriteTo(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in Reports(count))
        {
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        }
    }

    private byte[] Report(int index, Random random)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Requests(values, random);
        Proactive(values, random);
        Appeals(values, random);
        if (index % ErrorShare == ErrorShare - 1)
        {
            // One published mistake: a cell one more than it should be.
            var keys = values.Keys.Where(k => k.StartsWith("requests.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var key = keys[random.Next(keys.Count)];
            values[key] += 1;
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("template", template.Name);
            w.WriteNumber("year", 2024);
            w.WriteStartObject("agency");
            w.WriteString("name", $"模拟县第{index}号政府部门");
            w.WriteString("kind", index % 3 == 0 ? "government" : "department");
            w.WriteEndObject();
            w.WriteStartObject("period");
            w.WriteString("start", "2024-01-01");
            w.WriteString("end", "2024-12-31");
            w.WriteEndObject();
            w.WriteString("published", $"2025-01-{1 + random.Next(28):D2}");
            w.WriteStartObject("sections");
            foreach (var (key, text) in sections)
            {
                w.WriteString(key, key == "overview"
                    ? $"{text}\n本年度共收到政府信息公开申请{values["requests.new_received.total"]}件，予以公开{values["requests.disclosed.total"]}件。"
                    : text);
            }
            w.WriteEndObject();
            w.WriteStartObject("tables");
            foreach (var table in template.Tables)
            {
                w.WriteStartObject(table.Id);
                foreach (var row in table.Rows)
                {
                    w.WriteStartObject(row.Id);
                    foreach (var column in row.Columns)
                    {
                        w.WriteNumber(column, values[$"{table.Id}.{row.Id}.{column}"]);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private void Requests(Dictionary<string, decimal> values, Random random)
    {
        var table = template.Tables.Single(t => t.Id == "requests");
        var results = table.Rows.Where(r => r.Group is not null || r.Id is "disclosed" or "partly_disclosed").Select(r => r.Id).ToList();
        var applicants = table.Columns.Select(c => c.Id).Where(c => c != "total").ToList();
        foreach (var column in applicants)
        {
            var scale = column == "natural_person" ? 20 : 3;
            decimal handled = 0;
            foreach (var row in results)
            {
                var value = random.Next(4) == 0 ? random.Next(scale) : 0;
                values[$"requests.{row}.{column}"] = value;
                handled += value;
            }
            var carriedForward = random.Next(3);
            var carriedOver = random.Next(3);
            values[$"requests.results_total.{column}"] = handled;
            values[$"requests.carried_forward.{column}"] = carriedForward;
            values[$"requests.carried_over.{column}"] = Math.Min(carriedOver, handled + carriedForward);
            values[$"requests.new_received.{column}"] = handled + carriedForward - values[$"requests.carried_over.{column}"];
        }
        foreach (var row in table.Rows)
        {
            values[$"requests.{row.Id}.total"] = applicants.Sum(c => values[$"requests.{row.Id}.{c}"]);
        }
    }

    private void Proactive(Dictionary<string, decimal> values, Random random)
    {
        foreach (var row in template.Tables.Single(t => t.Id == "proactive").Rows)
        {
            foreach (var column in row.Columns)
            {
                values[$"proactive.{row.Id}.{column}"] = column == "amount"
                    ? Math.Round((decimal)random.NextDouble() * 5000m, 2)
                    : random.Next(column == "decisions" ? 60000 : 30);
            }
        }
    }

    private void Appeals(Dictionary<string, decimal> values, Random random)
    {
        foreach (var row in template.Tables.Single(t => t.Id == "appeals").Rows)
        {
            decimal total = 0;
            foreach (var column in row.Columns.Where(c => c != "total"))
            {
                var value = random.Next(5) == 0 ? random.Next(4) : 0;
                values[$"appeals.{row.Id}.{column}"] = value;
                total += value;
            }
            values[$"appeals.{row.Id}.total"] = total;
        }
    }
}
