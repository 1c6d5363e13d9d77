using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint;

/// <summary>The outcome of checking one file: its findings in file order, and the rules that could not be judged.</summary>
public sealed record LintResult(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleInfo> Skipped)
{
    /// <summary>Who reported, for which year (to pair a report with last year's); null when the file could not be read.</summary>
    public (string Agency, int Year)? Identity { get; init; }

    public static LintResult Of(IReadOnlyList<Finding> findings) => new(findings, []);
}

/// <summary>One report file through the whole pipeline: read → validate with its template → findings in file order.</summary>
public sealed class Linter
{
    private readonly ReportReader reader;
    private readonly Dictionary<TemplateDefinition, bool[]>? runs;

    /// <param name="runs">Which rules to work out, by id (e.g. not those turned off everywhere); null: all.</param>
    public Linter(TemplateRegistry templates, Func<string, bool>? runs = null)
    {
        Templates = templates;
        reader = new ReportReader(templates);
        this.runs = runs is null ? null : templates.All.ToDictionary(t => t, t => t.Rules.Select(r => runs(r.Id)).ToArray());
    }

    public TemplateRegistry Templates { get; }

    public ReadResult Read(string path, ReadOnlyMemory<byte> bytes, string? templateOverride = null) => reader.Read(path, bytes, templateOverride);

    /// <summary>Checks a report; <paramref name="previous"/> is last year's report of the same agency, when known.</summary>
    public LintResult Check(string path, ReadOnlyMemory<byte> bytes, string? templateOverride = null, Report? previous = null)
    {
        var read = reader.Read(path, bytes, templateOverride);
        if (read.Report is null)
        {
            return LintResult.Of(read.Findings);
        }
        var findings = new List<Finding>(read.Findings);
        var report = read.Report;
        var sink = new FindingSink(recordUnjudged: UnjudgedChecks.Applies(report));
        var context = new ValidationContext(report, previous is null ? null : PreviousCells(report, previous), runs?.GetValueOrDefault(report.Template), previous?.Path);
        report.Template.Validate(context, sink);
        if (sink.Failures.Count > 0 || context.Unreadable.Count > 0)
        {
            var lines = new LineIndex(report.Source);
            foreach (var failure in sink.Failures)
            {
                findings.Add(FindingFactory.Create(report, failure, lines, context));
            }
            foreach (var mention in context.Unreadable)
            {
                findings.Add(FindingFactory.Unreadable(report, mention, lines));
            }
        }
        if (sink.Unjudged.Count > 0)
        {
            findings = UnjudgedChecks.Annotate(report, sink, findings);
        }
        findings.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column)
            : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new LintResult(findings, sink.Skipped) // each rule skips itself at most once per report
        {
            Identity = report.AgencyName is { } agency && report.Year is { } year ? (agency, year) : null,
        };
    }

    public IReadOnlyList<Finding> Lint(string path, ReadOnlyMemory<byte> bytes, string? templateOverride = null, Report? previous = null) =>
        Check(path, bytes, templateOverride, previous).Findings;

    /// <summary>Last year's values in this year's layout, matched by cell key (the two years may use different templates).</summary>
    private static CellValue[] PreviousCells(Report current, Report previous)
    {
        var cells = new CellValue[current.Template.Cells.Count];
        var byKey = previous.Template.Cells.ToDictionary(c => c.Key, c => c.Index, StringComparer.Ordinal);
        foreach (var cell in current.Template.Cells)
        {
            cells[cell.Index] = byKey.TryGetValue(cell.Key, out var index) ? previous.Cells[index] : CellValue.NotReported;
        }
        return cells;
    }
}
