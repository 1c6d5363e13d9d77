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
    IReadOnlyList<string>? Previous = null,
    BaselineRecorder? Recorder = null);

/// <summary>How a run went, for the exit code: the results themselves went to the formatter as they came.</summary>
public sealed record LintOutcome(RunSummary Summary, bool InputErrors, Validation.Severity? Worst);

/// <summary>
/// Inputs → lint in parallel, a chunk of files at a time → configuration → baseline → the formatter, in path order.
/// Nothing is kept of a file once it is written, so memory stays flat however many files there are.
/// </summary>
public static class LintRun
{
    private const int ProgressThreshold = 200;
    private const int ChunkSize = 512;

    public static LintOutcome Execute(LintOptions options, Linter linter, IFindingFormatter formatter, TextWriter output, TimeProvider? clock = null)
    {
        var started = (clock ?? TimeProvider.System).GetTimestamp();
        var (files, problems) = InputFiles.Expand(options.Paths);
        var pairs = PreviousYearIndex.Build(files, options.Previous ?? []);
        var pending = new Queue<FileResult>(problems.Concat(pairs.Problems).Select(p => new FileResult(p.File, [p])).OrderBy(r => r.Path, StringComparer.Ordinal));
        var match = options.Baseline?.Match();
        var counter = new SummaryCounter();
        var inputErrors = false;
        Validation.Severity? worst = null;

        void Emit(FileResult result)
        {
            if (match is not null)
            {
                result = result with { Findings = match.Keep(result.Findings) };
            }
            options.Recorder?.Add(result.Findings);
            foreach (var finding in result.Findings)
            {
                inputErrors |= finding.IsInputError;
                worst = worst is null || finding.Severity > worst ? finding.Severity : worst;
            }
            counter.Add(result);
            formatter.WriteFile(output, result);
        }

        void CheckAll(Action<int>? progress)
        {
            var chunk = new FileResult[ChunkSize];
            for (var start = 0; start < files.Count; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize, files.Count - start);
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    var file = files[start + i];
                    var previous = file.FullPath is null ? null : pairs.PreviousOf(file.FullPath, linter);
                    var result = Lint(file, linter, options.Template, previous);
                    chunk[i] = new FileResult(file.DisplayPath, Configure(result.Findings, options.Config, file, options.WarningsAsErrors))
                    {
                        Skipped = result.Skipped.Select(r => r.Id).ToList(),
                    };
                });
                for (var i = 0; i < count; i++)
                {
                    while (pending.Count > 0 && string.CompareOrdinal(pending.Peek().Path, chunk[i].Path) < 0)
                    {
                        Emit(pending.Dequeue());
                    }
                    Emit(chunk[i]);
                    chunk[i] = null!;
                }
                progress?.Invoke(count);
            }
            while (pending.Count > 0)
            {
                Emit(pending.Dequeue());
            }
        }

        formatter.Begin(output);
        if (options.ShowProgress && files.Count >= ProgressThreshold)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("检查报告 / checking reports", maxValue: files.Count);
                CheckAll(n => task.Increment(n));
            });
        }
        else
        {
            CheckAll(null);
        }

        if (match is not null && match.Stale() is { Count: > 0 } stale)
        {
            var display = InputFiles.Display(options.BaselinePath!);
            Emit(new FileResult(display, stale.Select(s => new Finding(display, InputRule.StaleBaseline.Id, InputRule.StaleBaseline.Severity,
                $"基线记录“{s.Key}”（{s.Count} 条）已不再出现，问题已改正：请用 --write-baseline 更新基线，让它只减不增。",
                $"Baseline entry '{s.Key}' ({s.Count}) no longer matches anything: regenerate the baseline with --write-baseline.", 1, 1)).ToList()));
        }

        var summary = counter.ToSummary((clock ?? TimeProvider.System).GetElapsedTime(started));
        formatter.End(output, summary);
        return new LintOutcome(summary, inputErrors, worst);
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
}
