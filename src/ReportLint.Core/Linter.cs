using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint;

/// <summary>One report file through the whole pipeline: read → validate with its template → findings in file order.</summary>
public sealed class Linter(TemplateRegistry templates)
{
    private readonly ReportReader reader = new(templates);

    public TemplateRegistry Templates { get; } = templates;

    public IReadOnlyList<Finding> Lint(string path, ReadOnlyMemory<byte> bytes, string? templateOverride = null)
    {
        var read = reader.Read(path, bytes, templateOverride);
        if (read.Report is null)
        {
            return read.Findings;
        }
        var findings = new List<Finding>(read.Findings);
        var sink = new FindingSink();
        var report = read.Report;
        report.Template.Validate(report.Cells, sink);
        if (sink.Failures.Count > 0)
        {
            var lines = new LineIndex(report.Source);
            foreach (var failure in sink.Failures)
            {
                findings.Add(FindingFactory.Create(report, failure, lines));
            }
        }
        findings.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column)
            : string.CompareOrdinal(a.RuleId, b.RuleId));
        return findings;
    }
}
