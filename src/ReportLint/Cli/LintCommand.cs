using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Diagnostics;
using System.Text;
using ReportLint.Baselines;
using ReportLint.Configuration;
using ReportLint.Findings;
using ReportLint.Formatting;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary><c>reportlint [paths…]</c>: check report files and print findings.</summary>
public static class LintCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Report files (.json), directories (searched recursively), glob patterns such as 'reports/**/*.json', or - for standard input. 报告文件、目录或通配模式。",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> FilesFrom = new("--files-from")
    {
        Description = "Also check the paths listed in this file (- for standard input), one per line, taken exactly as written: no shell, no quoting. The MSBuild package passes its report files this way. 从列表文件读取要检查的路径，每行一个。",
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output format: text (for people), json, sarif (GitHub code scanning), msbuild, github (workflow commands).",
        DefaultValueFactory = _ => "text",
    };

    public static readonly Option<string> Lang = new("--lang")
    {
        Description = "Language of messages: zh (default) or en.",
        DefaultValueFactory = _ => "zh",
    };

    private static readonly Option<string?> Template = new("--template")
    {
        Description = $"Check every report against this template ({TemplateOption.Names()}), whatever it declares; by default the report's template, else its year decides.",
    };

    private static readonly Option<string?> FailOn = new("--fail-on")
    {
        Description = "Lowest severity that makes the exit code 1: error (default) or warning.",
    };

    private static readonly Option<string?> ConfigPath = new("--config")
    {
        Description = $"Configuration file. Default: the nearest {LintConfig.FileName} in this folder or above.",
    };

    private static readonly Option<string?> BaselinePath = new("--baseline")
    {
        Description = "Suppress the findings listed in this baseline file; entries that no longer match are reported as stale.",
    };

    private static readonly Option<string?> WriteBaseline = new("--write-baseline")
    {
        Description = "Write the current findings to this baseline file (and exit 0 unless a file could not be read).",
    };

    private static readonly Option<string[]> Previous = new("--previous")
    {
        // One value per --previous (repeat it for more): taking every word after it made the reports to check into last
        // year's, unchecked, with exit code 0.
        Description = "Last year's reports (a file or directory; repeat --previous for more) for the year-over-year rules; reports among the checked files are paired by agency and year too.",
    };

    private static readonly Option<bool> WarningsAsErrors = new("--warnings-as-errors")
    {
        Description = "Report every warning as an error (the exit code and every output format follow).",
    };

    private static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "Never show the progress bar (it is shown only on long runs in an interactive terminal, never in CI).",
    };

    static LintCommand()
    {
        Format.AcceptOnlyFromAmong("text", "json", "sarif", "msbuild", "github");
        Lang.AcceptOnlyFromAmong("zh", "en");
        FailOn.AcceptOnlyFromAmong("error", "warning");
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "reportlint — 政府信息公开工作年度报告检查工具 / checks government information-disclosure annual reports.\n\n" +
            "Exit codes / 退出码: 0 no findings at or above --fail-on; 1 findings at or above it; 2 usage, configuration or " +
            "input errors (unreadable file, malformed JSON, unknown template); 3 internal error.")
        {
            Paths, FilesFrom, Format, Lang, Template, FailOn, ConfigPath, BaselinePath, WriteBaseline, Previous, WarningsAsErrors, NoProgress,
        };
        root.SetAction(Run);
        // A subcommand's help shows its own arguments only: by default System.CommandLine prints the root's <paths> in
        // every subcommand's usage and argument list ("reportlint <paths>... rules"), as if `rules` took report files.
        var help = root.Options.OfType<HelpOption>().First();
        help.Action = new OwnArgumentsHelp((SynchronousCommandLineAction)help.Action!, root);
        return root;
    }

    private sealed class OwnArgumentsHelp(SynchronousCommandLineAction help, RootCommand root) : SynchronousCommandLineAction
    {
        // As System.CommandLine's own help: `reportlint import --help` is not an error for lacking the paths.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            Paths.Hidden = parseResult.CommandResult.Command != root;
            return help.Invoke(parseResult);
        }
    }

    public static Language LanguageOf(ParseResult parse) => parse.GetValue(Lang) == "en" ? Language.English : Language.Chinese;

    private static int Run(ParseResult parse)
    {
        var language = LanguageOf(parse);
        // The paths take any word, so a misspelt option (--formatt json) arrived as two files "not found" and the run
        // went on in text format. A word starting with - that names no file is an option that does not exist.
        var unknown = (parse.GetValue(Paths) ?? []).Where(p => p.StartsWith('-') && p != InputFiles.StandardInput && !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (unknown.Count > 0)
        {
            var options = parse.RootCommandResult.Command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Distinct().ToList();
            foreach (var word in unknown)
            {
                var meant = EditDistance.Nearest(word, options.Where(o => o.StartsWith("--", StringComparison.Ordinal)), 2);
                Stderr.Line(language == Language.English
                    ? $"reportlint: unknown option {word}{(meant is not null ? $"; did you mean {meant}?" : "")} (see 'reportlint --help')."
                    : $"reportlint: 没有 {word} 这个选项{(meant is not null ? $"，是否应为 {meant}？" : "")}（用法见 reportlint --help）。");
            }
            return ExitCodes.InputError;
        }
        if (BadPath(parse, language) is { } bad)
        {
            Stderr.Line(bad);
            return ExitCodes.InputError;
        }
        var templates = TemplateRegistry.Default;
        if (TemplateOption.Problem("reportlint", parse.GetValue(Template), null, language, templates) is { } problem)
        {
            Stderr.Line(problem);
            return ExitCodes.InputError;
        }
        var paths = (parse.GetValue(Paths) ?? []).ToList();
        if (parse.GetValue(FilesFrom) is { } list)
        {
            if (ListedPaths(list, language) is not { } listed)
            {
                return ExitCodes.InputError;
            }
            paths.AddRange(listed);
        }
        if (paths.Count == 0 && parse.GetValue(FilesFrom) is null)
        {
            Stderr.Line(language == Language.English
                ? "reportlint: no reports to check: name files, folders or patterns, such as reportlint reports/.\nSee 'reportlint --help'."
                : "reportlint: 没有给出要检查的报告：请写出文件、目录或通配模式，如 reportlint reports/。\n用法见 reportlint --help。");
            return ExitCodes.InputError;
        }

        var configPath = parse.GetValue(ConfigPath) ?? ConfigLoader.Find(Environment.CurrentDirectory);
        var config = LintConfig.None(Environment.CurrentDirectory);
        if (configPath is not null)
        {
            var (loaded, error) = ConfigLoader.Load(configPath, RuleCatalog.All(templates).Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
            if (error is not null)
            {
                return Fail(error, language, parse, templates);
            }
            config = loaded!;
        }

        Baseline? baseline = null;
        var baselinePath = parse.GetValue(BaselinePath);
        if (baselinePath is not null)
        {
            var (loaded, error) = Baseline.Load(baselinePath, RuleCatalog.All(templates).Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
            if (error is not null)
            {
                return Fail(error, language, parse, templates);
            }
            baseline = loaded;
        }

        if (parse.GetValue(WriteBaseline) is { } target && CannotWrite(target, language) is { } cannot)
        {
            // Checked before the run: it used to complete, print its findings and only then fail to write the baseline.
            Stderr.Line(language == Language.English
                ? $"reportlint: cannot write the baseline to {target} ({cannot}); nothing was checked."
                : $"reportlint: 无法写入基线文件 {target}（{cannot}），没有开始检查。");
            return ExitCodes.InputError;
        }

        var interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null && !parse.GetValue(NoProgress);
        var recorder = parse.GetValue(WriteBaseline) is null ? null : new BaselineRecorder();
        var formatter = Formatter(parse.GetValue(Format)!, language, templates);
        // Console.Out writes through on every call: a system call per piece of a finding. Into a file or a pipe (CI),
        // findings go through one buffer instead; to a terminal, they still appear as each file is checked.
        var output = Console.IsOutputRedirected ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : Console.Out;
        LintOutcome outcome;
        try
        {
            outcome = LintRun.Execute(new LintOptions(paths, parse.GetValue(Template), config, baseline, baselinePath, interactive,
                parse.GetValue(WarningsAsErrors), parse.GetValue(Previous), recorder), new Linter(templates, config.RulesToRun()), formatter, output);
        }
        finally
        {
            output.Flush();
        }

        if (parse.GetValue(WriteBaseline) is { } writeTo)
        {
            try
            {
                Baseline.Write(writeTo, recorder!.Entries);
                Stderr.Line(language == Language.English ? $"Baseline written to {writeTo}." : $"基线已写入 {writeTo}。");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Stderr.Line(language == Language.English
                    ? $"reportlint: the baseline was NOT written to {writeTo}: {e.Message}"
                    : $"reportlint: 基线没有写入 {writeTo}：{WriteProblem(e, writeTo, language)}。");
                return ExitCodes.InputError;
            }
        }

        if (outcome.InputErrors)
        {
            return ExitCodes.InputError;
        }
        if (parse.GetValue(WriteBaseline) is not null)
        {
            return ExitCodes.Clean;
        }
        var threshold = (parse.GetValue(FailOn) ?? (config.FailOn == Severity.Warning ? "warning" : "error")) == "warning" ? Severity.Warning : Severity.Error;
        return outcome.Worst is { } worst && worst >= threshold ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>Why a file cannot be written there (no such folder, a folder, no permission), trying without leaving a file behind; null when it can.</summary>
    private static string? CannotWrite(string path, Language language)
    {
        var existed = File.Exists(path);
        try
        {
            using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }
            if (!existed)
            {
                File.Delete(path);
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return WriteProblem(e, path, language);
        }
    }

    private static string WriteProblem(Exception e, string path, Language language)
    {
        var english = language == Language.English;
        return e switch
        {
            DirectoryNotFoundException => english ? "no such folder" : "目录不存在",
            _ when Directory.Exists(path) => english ? "it is a folder" : "这是一个目录",
            UnauthorizedAccessException => english ? "permission denied" : "没有写入权限",
            _ => e.Message.TrimEnd('.'),
        };
    }

    /// <summary>
    /// An empty path (an unset variable: --config "$CONFIG") or one holding a NUL character names no file; said before
    /// anything is read or written, instead of an internal error at the end of the run.
    /// </summary>
    private static string? BadPath(ParseResult parse, Language language)
    {
        // Plain loops: LINQ over tuples here was generic code JIT-compiled at every start (20 methods of a one-file run).
        foreach (var path in parse.GetValue(Paths) ?? [])
        {
            if (BadPathValue(path, "", language) is { } bad)
            {
                return bad;
            }
        }
        foreach (var path in parse.GetValue(Previous) ?? [])
        {
            if (BadPathValue(path, "--previous", language) is { } bad)
            {
                return bad;
            }
        }
        foreach (var option in new[] { FilesFrom, ConfigPath, BaselinePath, WriteBaseline })
        {
            if (parse.GetValue(option) is { } path && BadPathValue(path, option.Name, language) is { } bad)
            {
                return bad;
            }
        }
        return null;
    }

    private static string? BadPathValue(string path, string option, Language language)
    {
        var empty = string.IsNullOrWhiteSpace(path);
        if (!empty && !path.Contains('\0'))
        {
            return null;
        }
        return language == Language.English
            ? $"reportlint: {(option.Length == 0 ? "a path to check" : option)} is {(empty ? "empty (an unset variable?)" : "a path holding a NUL character")}; give a file or folder."
            : $"reportlint: {(option.Length == 0 ? "要检查的路径中有一个" : option + " 的值")}{(empty ? "是空的（变量没有设置？）" : "含有 NUL 字符")}，请给出文件或目录。";
    }

    /// <summary>
    /// The paths in a --files-from list: one per line, as written (a file name holding $(…), quotes or spaces is a
    /// name, never a command), blank lines skipped. Null, said on standard error, when the list cannot be read.
    /// </summary>
    private static List<string>? ListedPaths(string list, Language language)
    {
        const int limit = 64 * 1024 * 1024;
        string? error = null;
        try
        {
            // "-": the list on standard input (find … | reportlint --files-from -).
            byte[]? read;
            if (list == InputFiles.StandardInput)
            {
                using var stdin = Console.OpenStandardInput();
                read = FileBytes.ReadUpTo(stdin, limit);
            }
            else
            {
                read = FileBytes.ReadAll(list, limit).Bytes;
            }
            if (read is { } bytes)
            {
                var text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
                if (!text.Contains('\0'))
                {
                    return [.. text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
                }
                error = language == Language.English
                    ? "it holds NUL characters: one path per line is expected (find -print, not -print0)"
                    : "含有 NUL 字符：应每行一个路径（用 find -print，不要用 -print0）";
            }
            else
            {
                error = language == Language.English ? "over 64 MB" : "超过 64 MB";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (why, whyEn) = FileBytes.Why(e, list);
            error = language == Language.English ? whyEn : why;
        }
        catch (DecoderFallbackException)
        {
            error = language == Language.English ? "not UTF-8" : "不是 UTF-8 编码";
        }
        Stderr.Line(language == Language.English
            ? $"reportlint: --files-from {list}: cannot read the list ({error})."
            : $"reportlint: --files-from {list}：无法读取路径列表（{error}）。");
        return null;
    }

    internal static IFindingFormatter Formatter(string format, Language language, TemplateRegistry templates) => format switch
    {
        "json" => new JsonFormatter(),
        "sarif" => new SarifFormatter(RuleCatalog.All(templates), language, typeof(LintCommand).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"),
        "msbuild" => new MsBuildFormatter(language),
        "github" => new GithubFormatter(language),
        _ => new TextFormatter(language, colour: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null),
    };

    /// <summary>
    /// A configuration or baseline error stops the run: said on standard error, and for the machine formats also as
    /// their own output, so a SARIF upload or a JSON reader gets the error rather than an empty file.
    /// </summary>
    private static int Fail(Finding error, Language language, ParseResult parse, TemplateRegistry templates)
    {
        // Shown as the findings' paths are (relative to here): an absolute path made the output differ between machines.
        error = error with { File = InputFiles.Display(error.File) };
        WriteError(error, language);
        var format = parse.GetValue(Format)!;
        if (format is "json" or "sarif" or "github")
        {
            var formatter = Formatter(format, language, templates);
            var result = new FileResult(error.File, [error]);
            var counter = new SummaryCounter();
            counter.Add(result);
            formatter.Begin(Console.Out);
            formatter.WriteFile(Console.Out, result);
            formatter.End(Console.Out, counter.ToSummary(TimeSpan.Zero));
        }
        return ExitCodes.InputError;
    }

    /// <summary>An input or configuration error on standard error, as file(line,column): error RLxxxx: message.</summary>
    internal static void WriteError(Finding error, Language language) =>
        Stderr.Line($"{error.File}({error.Line},{error.Column}): error {error.RuleId}: {error.MessageIn(language)}");
}
