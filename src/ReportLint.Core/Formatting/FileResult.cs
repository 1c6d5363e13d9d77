using ReportLint.Findings;

namespace ReportLint.Formatting;

/// <summary>The findings of one checked file, as the formatters receive them (files sorted by path).</summary>
public sealed record FileResult(string Path, IReadOnlyList<Finding> Findings)
{
    /// <summary>Rules not judged for this file because last year's report was not available.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>Counts for the summary line.</summary>
public sealed record RunSummary(int Files, int Errors, int Warnings, int Infos, TimeSpan Elapsed)
{
    /// <summary>For each rule that needs last year's report: in how many files it could not be judged.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    public static RunSummary Of(IReadOnlyList<FileResult> results, TimeSpan elapsed)
    {
        var all = results.SelectMany(r => r.Findings).ToList();
        return new RunSummary(results.Count,
            all.Count(f => f.Severity == Validation.Severity.Error),
            all.Count(f => f.Severity == Validation.Severity.Warning),
            all.Count(f => f.Severity == Validation.Severity.Info),
            elapsed)
        {
            Skipped = results.SelectMany(r => r.Skipped).GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}

public interface IFindingFormatter
{
    void Write(TextWriter output, IReadOnlyList<FileResult> results, RunSummary summary);
}
