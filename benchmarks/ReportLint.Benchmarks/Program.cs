using BenchmarkDotNet.Running;
using ReportLint.Benchmarks;
using ReportLint.Reading;

// `corpus <directory> <count> [seed]` writes a generated corpus; anything else runs the BenchmarkDotNet suites.
if (args.Length >= 3 && args[0] == "corpus")
{
    var example = File.ReadAllText(Path.Combine(Corpus.RepoRoot, "examples", "004_459b43244279d95c.json"));
    var generator = new CorpusGenerator(TemplateRegistry.Default.Find("2021")!, CorpusGenerator.SectionsFrom(example), args.Length > 3 ? int.Parse(args[3]) : Corpus.Seed);
    generator.WriteTo(args[1], int.Parse(args[2]));
    Console.WriteLine($"wrote {args[2]} reports to {args[1]}");
    return 0;
}
if (args.Length >= 1 && args[0] == "probe")
{
    var reports = Corpus.Generate(1000);
    var linter = new ReportLint.Linter(TemplateRegistry.Default);
    for (var round = 0; round < 3; round++)
    {
        var read = System.TimeSpan.Zero; var validate = System.TimeSpan.Zero; var findings = System.TimeSpan.Zero;
        foreach (var bytes in reports)
        {
            var w = System.Diagnostics.Stopwatch.StartNew();
            var report = linter.Read("r.json", bytes).Report!;
            read += w.Elapsed; w.Restart();
            var sink = new ReportLint.Validation.FindingSink();
            var context = new ReportLint.Validation.ValidationContext(report);
            report.Template.Validate(context, sink);
            validate += w.Elapsed; w.Restart();
            if (sink.Failures.Count > 0)
            {
                var lines = new LineIndex(report.Source);
                foreach (var f in sink.Failures) { ReportLint.Findings.FindingFactory.Create(report, f, lines, context); }
            }
            findings += w.Elapsed;
        }
        Console.WriteLine($"read {read.TotalMilliseconds:0} ms, validate {validate.TotalMilliseconds:0} ms, findings {findings.TotalMilliseconds:0} ms");
    }
    return 0;
}
if (args.Length >= 1 && args[0] == "quick")
{
    // A rough stopwatch pass for profiling sessions; the recorded numbers come from BenchmarkDotNet.
    var suite = new ThroughputBenchmarks();
    suite.Setup();
    foreach (var (name, run) in new (string, Func<object>)[] { ("bare scan", () => suite.BareScan()), ("read + validate", () => suite.ReadAndValidate()), ("read + RL1001-8", () => suite.ReadAndValidateTableRules()), ("validate only", () => suite.ValidateOnly()), ("read only", () => suite.ReadOnly()) })
    {
        run();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            run();
        }
        Console.WriteLine($"{name,-16} {watch.Elapsed.TotalMilliseconds / 5:0.0} ms per 1000 reports");
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "loop")
{
    // `loop <scan|read|validate|table|check> [seconds]`: runs one benchmark repeatedly, for a profiler to attach to (perf record with
    // DOTNET_PerfMapEnabled=1); prints nothing useful itself.
    var suite = new ThroughputBenchmarks();
    suite.Setup();
    Func<object> run = args[1] switch
    {
        "scan" => () => suite.BareScan(),
        "read" => () => suite.ReadOnly(),
        "validate" => () => suite.ValidateOnly(),
        "table" => () => suite.ReadAndValidateTableRules(),
        "tablevalidate" => () => suite.ValidateTableRulesOnly(),
        _ => () => suite.ReadAndValidate(),
    };
    var until = System.Diagnostics.Stopwatch.StartNew();
    var rounds = 0;
    while (until.Elapsed.TotalSeconds < (args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10))
    {
        run();
        rounds++;
    }
    Console.WriteLine($"{args[1]}: {until.Elapsed.TotalMilliseconds / rounds:0.0} ms per 1000 reports ({rounds} rounds)");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
