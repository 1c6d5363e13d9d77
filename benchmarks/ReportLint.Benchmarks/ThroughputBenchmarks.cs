using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Benchmarks;

/// <summary>
/// Per corpus of 1,000 generated reports: the floor (a bare Utf8JsonReader pass touching every token), reportlint's
/// read + validate with every rule and with the table rules the Node baseline implements, and the reader and the
/// validator alone. Throughput = corpus bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class ThroughputBenchmarks
{
    private List<byte[]> reports = [];
    private List<Report> read = [];
    private Linter linter = null!;
    private Linter tableRulesOnly = null!;

    /// <summary>The rules benchmarks/node writes for ajv + json-logic-js: 表三 and 表四 arithmetic and cell checks.</summary>
    public static readonly string[] NodeBaselineRules = ["RL1001", "RL1002", "RL1003", "RL1004", "RL1005", "RL1006", "RL1007", "RL1008"];

    [GlobalSetup]
    public void Setup()
    {
        reports = Corpus.Generate(1000);
        linter = new Linter(TemplateRegistry.Default);
        tableRulesOnly = new Linter(TemplateRegistry.Default, NodeBaselineRules.Contains);
        read = reports.Select(r => linter.Read("r.json", r).Report!).ToList();
        Console.WriteLine($"// corpus: {reports.Count} reports, {reports.Sum(r => r.Length) / 1024.0 / 1024.0:0.00} MB");
    }

    [Benchmark(Baseline = true, Description = "bare Utf8JsonReader scan")]
    public long BareScan()
    {
        long tokens = 0;
        foreach (var bytes in reports)
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read())
            {
                tokens += (int)reader.TokenType;
            }
        }
        return tokens;
    }

    [Benchmark(Description = "reportlint read + validate")]
    public int ReadAndValidate() => CheckAll(linter);

    [Benchmark(Description = "reportlint read + RL1001–RL1008 (the Node baseline's rules)")]
    public int ReadAndValidateTableRules() => CheckAll(tableRulesOnly);

    private int CheckAll(Linter with)
    {
        var findings = 0;
        foreach (var bytes in reports)
        {
            findings += with.Check("r.json", bytes).Findings.Count;
        }
        return findings;
    }

    [Benchmark(Description = "reader alone")]
    public int ReadOnly()
    {
        var cells = 0;
        foreach (var bytes in reports)
        {
            cells += linter.Read("r.json", bytes).Report!.Cells.Length;
        }
        return cells;
    }

    [Benchmark(Description = "validator alone (already read)")]
    public int ValidateOnly()
    {
        var sink = new FindingSink();
        foreach (var report in read)
        {
            sink.Clear();
            report.Template.Validate(new ValidationContext(report), sink);
        }
        return sink.Failures.Count;
    }

    [Benchmark(Description = "validator alone, RL1001–RL1008")]
    public int ValidateTableRulesOnly()
    {
        var sink = new FindingSink();
        var runs = read[0].Template.Rules.Select(r => NodeBaselineRules.Contains(r.Id)).ToArray();
        foreach (var report in read)
        {
            sink.Clear();
            report.Template.Validate(new ValidationContext(report, null, runs), sink);
        }
        return sink.Failures.Count;
    }
}
