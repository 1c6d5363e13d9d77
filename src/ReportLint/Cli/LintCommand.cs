using System.CommandLine;
using System.Diagnostics;
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
        Description = "Report files (.json) or directories (searched recursively for *.json). 报告文件或目录。",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Output format: text (for people) or msbuild (path(line,col): error RLxxxx: message).",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<string> Lang = new("--lang")
    {
        Description = "Language of messages: zh (default) or en.",
        DefaultValueFactory = _ => "zh",
    };

    private static readonly Option<string?> Template = new("--template")
    {
        Description = "Check every report against this template (2019 or 2021), whatever it declares; by default the report's template, else its year decides.",
    };

    private static readonly Option<string> FailOn = new("--fail-on")
    {
        Description = "Lowest severity that makes the exit code 1: error (default) or warning.",
        DefaultValueFactory = _ => "error",
    };

    static LintCommand()
    {
        Format.AcceptOnlyFromAmong("text", "msbuild");
        Lang.AcceptOnlyFromAmong("zh", "en");
        FailOn.AcceptOnlyFromAmong("error", "warning");
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "reportlint — 政府信息公开工作年度报告检查工具 / checks government information-disclosure annual reports.\n\n" +
            "Exit codes: 0 no findings at or above --fail-on; 1 findings at or above it; 2 usage or input errors " +
            "(unreadable file, malformed JSON, unknown template); 3 internal error.")
        {
            Paths, Format, Lang, Template, FailOn,
        };
        root.SetAction(Run);
        return root;
    }

    private static int Run(ParseResult parse)
    {
        var stopwatch = Stopwatch.StartNew();
        var language = parse.GetValue(Lang) == "en" ? Language.English : Language.Chinese;
        var (files, problems) = InputFiles.Expand(parse.GetValue(Paths) ?? []);
        var linter = new Linter(TemplateRegistry.Default);
        var templateOverride = parse.GetValue(Template);

        var results = new FileResult[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            IReadOnlyList<Finding> findings;
            try
            {
                findings = linter.Lint(files[i], File.ReadAllBytes(files[i]), templateOverride);
            }
            catch (IOException e)
            {
                findings = [Unreadable(files[i], e.Message)];
            }
            catch (UnauthorizedAccessException e)
            {
                findings = [Unreadable(files[i], e.Message)];
            }
            results[i] = new FileResult(files[i], findings);
        });

        var all = problems.Select(p => new FileResult(p.File, [p])).Concat(results).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        IFindingFormatter formatter = parse.GetValue(Format) switch
        {
            "msbuild" => new MsBuildFormatter(language),
            _ => new TextFormatter(language, colour: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null),
        };
        formatter.Write(Console.Out, all, RunSummary.Of(all, stopwatch.Elapsed));

        var findingsAll = all.SelectMany(r => r.Findings).ToList();
        if (findingsAll.Any(f => f.IsInputError))
        {
            return ExitCodes.InputError;
        }
        var threshold = parse.GetValue(FailOn) == "warning" ? Severity.Warning : Severity.Error;
        return findingsAll.Any(f => f.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static Finding Unreadable(string path, string reason) =>
        new(path, InputRule.Unreadable.Id, InputRule.Unreadable.Severity, $"无法读取文件：{reason}", $"Cannot read the file: {reason}", 1, 1) { IsInputError = true };
}
