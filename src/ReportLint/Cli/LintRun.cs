using ReportLint.Baselines;
using ReportLint.Configuration;
using ReportLint.Findings;
using ReportLint.Formatting;
using ReportLint.Reading;
using Spectre.Console;

namespace ReportLint.Cli;

/// <summary>What one `reportlint` run was asked to do.</summary>
public sealed record LintOptions(
    IReadOnlyList<string> Paths,
    string? Template,
    LintConfig Config,
    Baseline? Baseline,
    string? BaselinePath,
    bool ShowProgress,
    bool WarningsAsErrors = false,
    IReadOnlyList<string>? Previous = null);

/// <summary>
/// Inputs → lint every file in parallel → apply the configuration → apply the baseline. Reports are dropped as soon
/// as they are checked, so memory stays flat however many files there are; results come back sorted by path.
/// </summary>
public static class LintRun
{
    private const int ProgressThreshold = 200;

    public static IReadOnlyList<FileResult> Execute(LintOptions options, Linter linter)
    {
        var (files, problems) = InputFiles.Expand(options.Paths);
        var results = new FileResult[files.Count];
        PreviousYearIndex? pairs = null;
        var identities = new (string Agency, int Year)?[files.Count];

        void CheckOne(int i, Report? previous)
        {
            var result = Lint(files[i], linter, options.Template, previous);
            identities[i] = result.Identity;
            results[i] = new FileResult(files[i].DisplayPath, Configure(result.Findings, options.Config, files[i], options.WarningsAsErrors))
            {
                Skipped = result.Skipped.Select(r => r.Id).ToList(),
            };
        }

        void CheckAll(Action? onFileDone)
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                CheckOne(i, null);
                onFileDone?.Invoke();
            });
            // Year-over-year rules: only files whose cross-year rules were skipped, and whose agency's previous year
            // is among the files checked or given with --previous, are read again, now with last year's report.
            pairs = PreviousYearIndex.Build(files, identities, options.Previous ?? [], linter);
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                if (results[i].Skipped.Count > 0 && identities[i] is { } identity && pairs.Find(identity.Agency, identity.Year - 1) is { } previous)
                {
                    CheckOne(i, previous);
                }
            });
        }

        if (options.ShowProgress && files.Count >= ProgressThreshold)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("检查报告 / checking reports", maxValue: files.Count);
                CheckAll(() => task.Increment(1));
            });
        }
        else
        {
            CheckAll(null);
        }

        var all = problems.Concat(pairs?.Problems ?? []).Select(p => new FileResult(p.File, [p])).Concat(results).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        return options.Baseline is null ? all : ApplyBaseline(all, options.Baseline, options.BaselinePath!);
    }

    private static LintResult Lint(InputFile file, Linter linter, string? template, Report? previous)
    {
        try
        {
            if (file.IsStandardInput)
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                return linter.Check(file.DisplayPath, buffer.ToArray(), template, previous);
            }
            var length = new FileInfo(file.FullPath!).Length;
            if (length > ReportReader.MaxBytes)
            {
                // Checked before reading: a huge file is refused without being loaded.
                return LintResult.Of([ReportReader.TooLarge(file.DisplayPath, length)]);
            }
            return linter.Check(file.DisplayPath, File.ReadAllBytes(file.FullPath!), template, previous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return LintResult.Of([Unreadable(file, "文件已不存在（可能是失效的链接，或在检查时被删除）", "the file no longer exists (a broken link, or deleted while checking)")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Exception texts carry the absolute path; people get the path as they gave it.
            var reason = file.FullPath is null ? e.Message : e.Message.Replace(file.FullPath, file.DisplayPath);
            return LintResult.Of([Unreadable(file, reason, reason)]);
        }
    }

    private static Finding Unreadable(InputFile file, string reason, string reasonEn) =>
        new(file.DisplayPath, InputRule.Unreadable.Id, InputRule.Unreadable.Severity, $"无法读取文件：{reason}。", $"Cannot read the file: {reasonEn}.", 1, 1) { IsInputError = true };

    private static IReadOnlyList<Finding> Configure(IReadOnlyList<Finding> findings, LintConfig config, InputFile file, bool warningsAsErrors)
    {
        if ((config.Path is null && !warningsAsErrors) || findings.Count == 0)
        {
            return findings;
        }
        var path = file.FullPath ?? Path.Combine(Environment.CurrentDirectory, "stdin.json");
        var kept = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (finding.IsInputError)
            {
                kept.Add(finding);
                continue;
            }
            var setting = config.For(finding.RuleId, finding.Severity, path);
            var severity = warningsAsErrors && setting.Severity == Validation.Severity.Warning ? Validation.Severity.Error : setting.Severity;
            if (!setting.Off)
            {
                kept.Add(severity == finding.Severity ? finding : finding with { Severity = severity });
            }
        }
        return kept;
    }

    private static List<FileResult> ApplyBaseline(List<FileResult> results, Baseline baseline, string baselinePath)
    {
        var (kept, stale) = baseline.Apply(results.SelectMany(r => r.Findings));
        var byFile = kept.GroupBy(f => f.File).ToDictionary(g => g.Key, g => (IReadOnlyList<Finding>)g.ToList());
        var updated = results.Select(r => r with { Findings = byFile.GetValueOrDefault(r.Path) ?? [] }).ToList();
        if (stale.Count > 0)
        {
            var display = InputFiles.Display(baselinePath);
            updated.Add(new FileResult(display, stale.Select(s => new Finding(display, InputRule.StaleBaseline.Id, InputRule.StaleBaseline.Severity,
                $"基线记录“{s.Key}”（{s.Count} 条）已不再出现，问题已改正：请用 --write-baseline 更新基线，让它只减不增。",
                $"Baseline entry '{s.Key}' ({s.Count}) no longer matches anything: regenerate the baseline with --write-baseline.", 1, 1)).ToList()));
            updated.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        }
        return updated;
    }
}
