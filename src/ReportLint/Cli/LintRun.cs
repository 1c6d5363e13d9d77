using System.Collections.Concurrent;
using ReportLint.Baselines;
using ReportLint.Configuration;
using ReportLint.Findings;
using ReportLint.Formatting;
using ReportLint.Reading;
using ReportLint.Validation;
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
/// Inputs → lint in parallel → configuration → baseline → the formatter, in path order as results come.
/// Nothing is kept of a file once it is written, so memory stays flat however many files there are.
/// </summary>
public static class LintRun
{
    private const int ProgressThreshold = 200;
    private const int RangeSize = 64;

    public static LintOutcome Execute(LintOptions options, Linter linter, IFindingFormatter formatter, TextWriter output, TimeProvider? clock = null)
    {
        var started = (clock ?? TimeProvider.System).GetTimestamp();
        var (files, problems) = InputFiles.Expand(options.Paths);
        var pairs = PreviousYearIndex.Build(files, options.Previous ?? []);
        // Paths that name no report (no such file, no match, a folder that cannot be read, --previous problems): said
        // where they sort, not counted as checked files.
        var pending = new Queue<FileResult>(problems.Concat(pairs.Problems).Select(p => new FileResult(p.File, [p]) { IsReport = false }).OrderBy(r => r.Path, StringComparer.Ordinal));
        var match = options.Baseline?.Match();
        var counter = new SummaryCounter();
        var inputErrors = false;
        Validation.Severity? worst = null;

        void Emit(FileResult result, bool record = true)
        {
            if (record)
            {
                // Before the baseline applied: a baseline rewritten while one is in use keeps what that one suppressed.
                options.Recorder?.Add(result.Findings);
            }
            if (match is not null)
            {
                match.Checked(result.Identity, result.FullPath ?? StandardInputPath);
                result = result with { Findings = match.Keep(result.Findings) };
            }
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
            // Workers check files in ranges of RangeSize handed out in path order; this thread writes a range as soon as
            // it and all before it are done, so checking and writing overlap and nothing waits for a whole batch. A
            // worker fills its range's results, then hands them over under the lock: one handover per range. Only the
            // ranges not yet written hold results, so nothing here grows with the number of files but one slot a range.
            var ranges = new FileResult[]?[(files.Count + RangeSize - 1) / RangeSize];
            var gate = new object();
            void CheckRange(int from, int to)
            {
                var results = new FileResult[to - from];
                for (var i = from; i < to; i++)
                {
                    var file = files[i];
                    var previous = pairs.PreviousOf(i, linter);
                    var result = Lint(file, linter, options.Template, previous.Report);
                    var findings = previous.Others.Count == 0 ? result.Findings : [Ambiguous(file, previous, result), .. result.Findings];
                    results[i - from] = new FileResult(file.DisplayPath, Configure(findings, options.Config, file.FullPath, options.WarningsAsErrors))
                    {
                        Skipped = result.Skipped.Select(r => r.Id).ToList(),
                        Identity = result.Identity,
                        FullPath = file.FullPath,
                    };
                }
                lock (gate)
                {
                    ranges[from / RangeSize] = results;
                    Monitor.PulseAll(gate);
                }
            }

            Task work;
            if (files.Count <= RangeSize)
            {
                // One range would go to one worker anyway; checking it on this thread spares a small run (a CI job
                // checking one office's file) starting the thread pool and the parallel loop.
                if (files.Count > 0)
                {
                    CheckRange(0, files.Count);
                }
                work = Task.CompletedTask;
            }
            else
            {
                // Partitioner ranges start at multiples of RangeSize, so a range's index is its start / RangeSize.
                work = Task.Run(() => Parallel.ForEach(Partitioner.Create(0, files.Count, RangeSize),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, range => CheckRange(range.Item1, range.Item2)));
            }
            for (var range = 0; range < ranges.Length; range++)
            {
                FileResult[]? results;
                lock (gate)
                {
                    while ((results = ranges[range]) is null)
                    {
                        if (work.IsCompleted)
                        {
                            // A worker failed (an internal error): rethrow it here rather than wait forever.
                            work.GetAwaiter().GetResult();
                        }
                        Monitor.Wait(gate, 100);
                    }
                    ranges[range] = null;
                }
                foreach (var next in results)
                {
                    while (pending.Count > 0 && string.CompareOrdinal(pending.Peek().Path, next.Path) < 0)
                    {
                        Emit(pending.Dequeue());
                    }
                    Emit(next);
                }
                progress?.Invoke(results.Length);
            }
            work.GetAwaiter().GetResult();
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

        // A report given with --previous that no checked report was paired with was given for nothing: said, at that file
        // (before, the run only listed the year-over-year rules as not judged, "use --previous", which the user had done).
        foreach (var (file, (agency, year), unreadable, sameYear) in pairs.UnusedPrevious())
        {
            // Last year's report that matched but cannot be read is an input error where it is (exit code 2), as a
            // checked file's would be: the year-over-year rules could not be checked against it.
            Finding finding = unreadable is not null
                ? unreadable with
                {
                    Message = $"--previous 给出的上一年度报告（{agency}，{year} 年度）无法读取，跨年度规则没有核对：{unreadable.Message}",
                    MessageEn = $"Last year's report given with --previous ({agency}, {year}) cannot be read, so the year-over-year rules were not checked: {unreadable.MessageEn}",
                }
                : new(file.DisplayPath, InputRule.PreviousUnused.Id, InputRule.PreviousUnused.Severity,
                    sameYear
                        ? $"--previous 给出的这份报告（{agency}，{year} 年度）没有用上：它与被检查的报告同为 {year} 年度；上一年度的报告应是 {year - 1} 年度的。"
                        : $"--previous 给出的这份报告（{agency}，{year} 年度）没有用上：被检查的报告中没有这个机关 {year + 1} 年度的报告。",
                    sameYear
                        ? $"This report given with --previous ({agency}, {year}) was not used: it is of {year}, the same year as the reports checked; last year's report is of {year - 1}."
                        : $"This report given with --previous ({agency}, {year}) was not used: no report of that agency for {year + 1} was checked.", 1, 1);
            Emit(new FileResult(file.DisplayPath, Configure([finding], options.Config, file.FullPath, options.WarningsAsErrors)) { IsReport = false }, record: false);
        }

        // A report on standard input has no file to read its agency and year from before the run: it is not paired, and
        // with --previous given that is said (the run would otherwise only say "no report of last year; use --previous").
        if (files.HasStandardInput && options.Previous is { Count: > 0 })
        {
            Finding unpaired = new(InputFiles.StandardInput, InputRule.PreviousUnused.Id, InputRule.PreviousUnused.Severity,
                "从标准输入（-）读取的报告不与 --previous 给出的上一年度报告配对，跨年度规则没有核对；请把它存为文件再检查。",
                "The report read from standard input (-) is not paired with the reports given with --previous; save it as a file to check it year over year.", 1, 1);
            Emit(new FileResult(InputFiles.StandardInput, Configure([unpaired], options.Config, null, options.WarningsAsErrors)) { IsReport = false }, record: false);
        }

        // Stale: entries of the agencies and years checked in this run, for rules that ran on that report's file — an
        // entry for a report not among the files, or for a rule switched off for it, says nothing about whether its
        // problem was fixed. RL0113 itself follows the configuration and --warnings-as-errors like any finding.
        if (match is not null && match.Stale((rule, file) => !options.Config.For(rule, Validation.Severity.Warning, file).Off) is { Count: > 0 } stale)
        {
            var display = InputFiles.Display(options.BaselinePath!);
            var findings = stale.Select(s => new Finding(display, InputRule.StaleBaseline.Id, InputRule.StaleBaseline.Severity,
                $"基线记录 {s.Describe(Language.Chinese)}中有 {s.Count} 条已不再出现，问题已改正：请用 --write-baseline 更新基线，让它只减不增。",
                $"Baseline entry {s.Describe(Language.English)}: {s.Count} no longer found, fixed. Regenerate the baseline with --write-baseline.",
                s.Place.Line, s.Place.Column)).ToList();
            Emit(new FileResult(display, Configure(findings, options.Config, Path.GetFullPath(options.BaselinePath!), options.WarningsAsErrors)) { IsReport = false }, record: false);
        }

        var summary = counter.ToSummary((clock ?? TimeProvider.System).GetElapsedTime(started));
        formatter.End(output, summary);
        return new LintOutcome(summary, inputErrors, worst);
    }

    /// <summary>RL0116: more than one of last year's files matched this report's agency; which one the year-over-year rules used.</summary>
    private static Finding Ambiguous(InputFile file, PreviousYear previous, LintResult result) =>
        new(file.DisplayPath, InputRule.PreviousAmbiguous.Id, InputRule.PreviousAmbiguous.Severity,
            $"{previous.Year} 年度有 {previous.Others.Count + 1} 份报告与本报告的机关名称相符：{previous.Path}、{string.Join("、", previous.Others)}。跨年度核对用的是 {previous.Path}；请确认，并只保留该机关上一年度的一份报告。",
            $"{previous.Others.Count + 1} reports of {previous.Year} match this report's agency: {previous.Path}, {string.Join(", ", previous.Others)}. The year-over-year rules used {previous.Path}; keep one report of last year per agency.",
            1, 1)
        {
            Agency = result.Identity?.Agency,
            Year = result.Identity?.Year,
        };

    private static LintResult Lint(InputFile file, Linter linter, string? template, Report? previous)
    {
        var (bytes, problem) = InputFiles.ReadAll(file);
        return bytes is null ? LintResult.Of([problem!]) : linter.Check(file.DisplayPath, bytes, template, previous);
    }

    /// <summary>Where the configuration places standard input: a file named stdin.json in the working directory.</summary>
    private static string StandardInputPath => Path.Combine(Environment.CurrentDirectory, "stdin.json");

    /// <param name="fullPath">The file the findings are about; null for standard input.</param>
    private static IReadOnlyList<Finding> Configure(IReadOnlyList<Finding> findings, LintConfig config, string? fullPath, bool warningsAsErrors)
    {
        if ((config.Path is null && !warningsAsErrors) || findings.Count == 0)
        {
            return findings;
        }
        var path = fullPath ?? StandardInputPath;
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
