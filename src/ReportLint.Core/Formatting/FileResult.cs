using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary>The findings of one checked file, as the formatters receive them (files in path order).</summary>
public sealed record FileResult(string Path, IReadOnlyList<Finding> Findings)
{
    /// <summary>Rules not judged for this file because last year's report was not available.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The agency and year the file reports on; null when it could not be read.</summary>
    public (string Agency, int Year)? Identity { get; init; }

    /// <summary>The file's full path, for the configuration's per-file settings; null when not a file (standard input).</summary>
    public string? FullPath { get; init; }

    /// <summary>False for findings about a file that is not a report (the baseline's stale entries): not counted as a checked file.</summary>
    public bool IsReport { get; init; } = true;
}

/// <summary>Counts for the summary line.</summary>
public sealed record RunSummary(int Files, int Errors, int Warnings, int Infos, TimeSpan Elapsed)
{
    /// <summary>For <c>reportlint import</c>: how many of the files became a report (the others could not be read at all).</summary>
    public int? Imported { get; init; }

    /// <summary>For each rule that needs last year's report: in how many files it could not be judged.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    /// <summary>The rules not judged and why, as one sentence for people (text, msbuild and github formats); null when none.</summary>
    public string? SkippedSentence(Language language)
    {
        if (Skipped.Count == 0)
        {
            return null;
        }
        var english = language == Language.English;
        var rules = string.Join(english ? ", " : "、", Skipped.Select(s => $"{s.Key}×{s.Value}"));
        return english
            ? $"Skipped (no report of the previous year for the same agency; give it with --previous or check both years together): {rules}"
            : $"未检查的跨年度规则（没有同一机关上一年度的报告；可用 --previous 指定，或把两年的报告一起检查）：{rules}";
    }

    public static RunSummary Of(IReadOnlyList<FileResult> results, TimeSpan elapsed)
    {
        var counter = new SummaryCounter();
        foreach (var result in results)
        {
            counter.Add(result);
        }
        return counter.ToSummary(elapsed);
    }
}

/// <summary>Counts results as they stream past, so a run never has to keep them.</summary>
public sealed class SummaryCounter
{
    private readonly Dictionary<string, int> skipped = new(StringComparer.Ordinal);
    private int files, errors, warnings, infos;

    public void Add(FileResult result)
    {
        if (result.IsReport)
        {
            files++;
        }
        foreach (var finding in result.Findings)
        {
            switch (finding.Severity)
            {
                case Validation.Severity.Error: errors++; break;
                case Validation.Severity.Warning: warnings++; break;
                default: infos++; break;
            }
        }
        foreach (var rule in result.Skipped)
        {
            skipped[rule] = skipped.GetValueOrDefault(rule) + 1;
        }
    }

    /// <summary>The counts so far; skipped rules by id in ordinal order, the order the formatters print them in.</summary>
    public RunSummary ToSummary(TimeSpan elapsed)
    {
        // Sorted here rather than kept in a SortedDictionary: that generic type is JIT-compiled at start-up (about 45
        // methods), a noticeable part of a one-file run.
        var rules = skipped.Keys.ToArray();
        Array.Sort(rules, StringComparer.Ordinal);
        var ordered = new Dictionary<string, int>(rules.Length, StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            ordered[rule] = skipped[rule];
        }
        return new(files, errors, warnings, infos, elapsed) { Skipped = ordered };
    }
}

/// <summary>
/// An output format. Results arrive one file at a time, in path order, between <see cref="Begin"/> and <see cref="End"/>,
/// so memory does not grow with the number of files.
/// </summary>
public interface IFindingFormatter
{
    void Begin(TextWriter output)
    {
    }

    void WriteFile(TextWriter output, FileResult file);

    void End(TextWriter output, RunSummary summary)
    {
    }
}

public static class FindingFormatterExtensions
{
    /// <summary>All results at once (tests, small runs).</summary>
    public static void Write(this IFindingFormatter formatter, TextWriter output, IReadOnlyList<FileResult> results, RunSummary summary)
    {
        formatter.Begin(output);
        foreach (var result in results)
        {
            formatter.WriteFile(output, result);
        }
        formatter.End(output, summary);
    }
}
