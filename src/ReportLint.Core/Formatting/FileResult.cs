using ReportLint.Findings;

namespace ReportLint.Formatting;

/// <summary>The findings of one checked file, as the formatters receive them (files sorted by path).</summary>
public sealed record FileResult(string Path, IReadOnlyList<Finding> Findings);

/// <summary>Counts for the summary line.</summary>
public sealed record RunSummary(int Files, int Errors, int Warnings, int Infos, TimeSpan Elapsed)
{
    public static RunSummary Of(IReadOnlyList<FileResult> results, TimeSpan elapsed)
    {
        var all = results.SelectMany(r => r.Findings).ToList();
        return new RunSummary(results.Count,
            all.Count(f => f.Severity == Validation.Severity.Error),
            all.Count(f => f.Severity == Validation.Severity.Warning),
            all.Count(f => f.Severity == Validation.Severity.Info),
            elapsed);
    }
}

public interface IFindingFormatter
{
    void Write(TextWriter output, IReadOnlyList<FileResult> results, RunSummary summary);
}
