using System.CommandLine;
using System.Diagnostics;
using ReportLint.Findings;
using ReportLint.Formatting;
using ReportLint.Importing;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary>
/// <c>reportlint import</c>: turn published reports (web text, pdftotext output, HTML, PDF, Word) into report JSON, with a
/// diagnostic for every cell that could not be read (docs/importing.md).
/// </summary>
public static class ImportCommand
{
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".pdf", ".docx"];

    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Published reports: .txt (web text or pdftotext -layout output), .html/.htm, .pdf (needs poppler's pdftotext), .docx, or directories of them. 已发布的报告文件或目录。",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Where to write the JSON: a file (one input file) or a directory (one .json per input; always for a directory or pattern given). Default: standard output for one input.",
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Format of the import diagnostics: text, json, sarif, msbuild, github (as for checking).",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<string?> Template = new("--template") { Description = $"The template the reports follow ({TemplateOption.Names()}); by default the report year decides." };

    private static readonly Option<int?> Year = new("--year") { Description = "The report year, when the source does not state it." };

    private static readonly Option<string?> Agency = new("--agency") { Description = "The agency's name, when the source does not state it." };

    private static readonly Option<string?> Kind = new("--kind") { Description = "The agency's kind: government, department or other (default: from its name)." };

    static ImportCommand()
    {
        Format.AcceptOnlyFromAmong("text", "json", "sarif", "msbuild", "github");
        Kind.AcceptOnlyFromAmong("government", "department", "other");
    }

    public static Command Create()
    {
        var command = new Command("import",
            "Turn published reports (web text, HTML, PDF) into report JSON. 将已发布的报告（网页文字、HTML、PDF）转换为 JSON。\n" +
            "Exit codes: 0 every cell read; 1 import errors (cells not read); 2 unreadable input or usage error; 3 internal error.")
        {
            Paths, Output, Format, LintCommand.Lang, Template, Year, Agency, Kind,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var language = LintCommand.LanguageOf(parse);
        if (TemplateOption.Problem("reportlint import", parse.GetValue(Template), parse.GetValue(Year), language, TemplateRegistry.Default) is { } usage)
        {
            Stderr.Line(usage);
            return ExitCodes.InputError;
        }
        var paths = parse.GetValue(Paths) ?? [];
        var (files, problems) = InputFiles.Expand(paths, Extensions);
        var output = parse.GetValue(Output);
        // A directory or a pattern given is a directory written, however many files it holds today: `import pages/ -o json`
        // over a folder of one report wrote a file named json, and a directory once a second report was added.
        var many = files.Count > 1 || Array.Exists(paths, p => p != "-" && (Directory.Exists(p) || Configuration.Glob.IsPattern(p)));
        var toDirectory = output is not null && (many || Directory.Exists(output) || output.EndsWith('/') || output.EndsWith('\\'));
        if (output is null && files.Count > 1)
        {
            Stderr.Line(language == Language.English
                ? $"reportlint import: {files.Count} files to import; name a directory for them with -o DIR."
                : $"reportlint import：要导入 {files.Count} 个文件，请用 -o 目录 指定写到哪里。");
            return ExitCodes.InputError;
        }
        if (files.HasStandardInput)
        {
            Stderr.Line(language == Language.English ? "reportlint import: reading standard input is not supported; name the file." : "reportlint import：不支持从标准输入导入，请给出文件名。");
            return ExitCodes.InputError;
        }
        if (toDirectory)
        {
            Directory.CreateDirectory(output!);
        }

        var options = new ImportOptions(parse.GetValue(Template), parse.GetValue(Year), parse.GetValue(Agency), parse.GetValue(Kind));
        var importer = new ReportImporter(TemplateRegistry.Default);
        // Diagnostics go to standard output, unless the JSON itself does.
        var diagnosticsOut = output is null ? Console.Error : Console.Out;
        var formatter = parse.GetValue(Format) == "text"
            ? new TextFormatter(language, colour: output is null ? !Console.IsErrorRedirected : !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null, importing: true)
            : LintCommand.Formatter(parse.GetValue(Format)!, language, TemplateRegistry.Default);
        var clock = Stopwatch.StartNew();
        var counter = new SummaryCounter();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inputErrors = problems.Count > 0;
        var worst = (Severity?)null;
        var imported = 0;

        formatter.Begin(diagnosticsOut);
        foreach (var problem in problems)
        {
            // A source that is not there is the importer's RL0201, as `explain RL0201` says, not the checker's RL0101.
            Emit(new FileResult(problem.File, [problem with { RuleId = ImportRules.Unreadable.Id }]));
        }
        // Files are imported in parallel (PDF conversion dominates) and written in path order.
        var results = files.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(file => (File: file, Result: importer.Import(file.FullPath!, file.DisplayPath, options)));
        foreach (var (file, result) in results)
        {
            var findings = result.Findings.ToList();
            if (result.Report is { } report)
            {
                imported++;
                var target = output is null ? null : toDirectory ? Path.Combine(output, UniqueName(file.FullPath!, names)) : output;
                try
                {
                    Write(report, target);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    findings.Add(new Finding(file.DisplayPath, ImportRules.Unreadable.Id, Severity.Error,
                        $"无法写入 {target}：{e.Message}", $"Cannot write {target}: {e.Message}", 1, 1) { IsInputError = true });
                }
            }
            Emit(new FileResult(file.DisplayPath, findings));
        }
        formatter.End(diagnosticsOut, counter.ToSummary(clock.Elapsed) with { Imported = imported });

        return inputErrors ? ExitCodes.InputError : worst == Severity.Error ? ExitCodes.Findings : ExitCodes.Clean;

        void Emit(FileResult result)
        {
            counter.Add(result);
            foreach (var finding in result.Findings)
            {
                inputErrors |= finding.IsInputError;
                worst = worst is null || finding.Severity > worst ? finding.Severity : worst;
            }
            formatter.WriteFile(diagnosticsOut, result);
        }
    }

    private static void Write(ImportedReport report, string? target)
    {
        if (target is null)
        {
            using var stdout = Console.OpenStandardOutput();
            ImportedReportWriter.Write(report, stdout);
            stdout.Write("\n"u8);
            return;
        }
        using var file = File.Create(target);
        ImportedReportWriter.Write(report, file);
        file.Write("\n"u8);
    }

    /// <summary>report.txt → report.json; a second report.pdf in the same run → report-2.json.</summary>
    private static string UniqueName(string path, HashSet<string> taken)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var name = stem + ".json";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{stem}-{n}.json";
        }
        return name;
    }
}
