using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>The built reportlint, run as a process the way CI runs it.</summary>
public class CliTests
{
    private static (int ExitCode, string Out, string Err) Run(string workingDirectory, params string[] args) => ReportLintProcess.Run(workingDirectory, args);

    private static string CopyOfExamples() => ReportLintProcess.Workspace();

    private static string WithoutTime(string text) => ReportLintProcess.WithoutTime(text);

    [Fact]
    public void The_example_reports_have_no_errors()
    {
        // They are real reports: 新城区 2024 says “均已办结” while carrying 5 requests forward (a warning), and some
        // government reports do not cover 社会评议/责任追究 (info). None breaks a table relation.
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "examples/");
        stderr.ShouldBeEmpty();
        exit.ShouldBe(0);
        stdout.ShouldContain("共检查 5 个文件：0 个错误，1 个警告");
    }

    [Theory]
    [InlineData("rules", "reportlint rules [options]")]
    [InlineData("import", "reportlint import <paths>... [options]")]
    [InlineData("explain", "reportlint explain <rule> [options]")]
    [InlineData("export", "reportlint export <paths>... [options]")]
    [InlineData(null, "reportlint [<paths>...] [command] [options]")]
    public void Each_command_s_help_shows_its_own_arguments_only(string? command, string usage)
    {
        // Before, every subcommand's help began "reportlint <paths>... rules" and listed the report paths the check
        // takes among its arguments, as if `rules` took report files.
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, command is null ? ["--help"] : [command, "--help"]);
        exit.ShouldBe(0, stderr);
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        lines[lines.IndexOf("Usage:") + 1].ShouldBe(usage);
        stdout.Contains("Report files (.json)").ShouldBe(command is null);
    }

    [Fact]
    public void One_changed_number_gives_exactly_one_finding_at_its_line_and_column()
    {
        var directory = CopyOfExamples();
        var file = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(file, Lint.Mutate(File.ReadAllText(file), "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 9"));

        var (exit, stdout, _) = Run(directory, "reports", "--format", "msbuild");

        exit.ShouldBe(1);
        stdout.Split('\n').Where(l => l.Contains(": error ")).ShouldHaveSingleItem()
            .ShouldBe("reports/000_1c6b722cb07b2c5a.json(54,101): error RL1004: 【行政复议】总计填 9，但结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 5 = 7，相差 2。");
        File.ReadAllLines(file)[53][100..].ShouldStartWith("9 }");
    }

    [Fact]
    public void A_malformed_file_among_good_ones_exits_2_and_the_others_are_still_checked()
    {
        var directory = CopyOfExamples();
        File.WriteAllText(Path.Combine(directory, "reports", "broken.json"), "{ \"year\": 2024, }");
        var (exit, stdout, stderr) = Run(directory, "reports");
        exit.ShouldBe(2);
        stderr.ShouldBeEmpty();
        Snapshot.Match(this, WithoutTime(stdout));
    }

    [Fact]
    public void Many_files_are_checked_on_all_cores_and_reported_in_path_order_with_nothing_lost()
    {
        // More files than one work range (64), so workers check them in parallel; a missing path argument and a
        // malformed file land among them. Every copy of a report must give that report's findings, in path order.
        var directory = Scratch.Directory("many");
        var reports = Path.Combine(directory, "reports");
        Directory.CreateDirectory(reports);
        var examples = Directory.GetFiles(Paths.Examples, "*.json").Order(StringComparer.Ordinal).ToArray();
        for (var copy = 0; copy < 40; copy++)
        {
            foreach (var example in examples)
            {
                File.Copy(example, Path.Combine(reports, $"{copy:D2}_{Path.GetFileName(example)}"));
            }
        }
        File.WriteAllText(Path.Combine(reports, "17_broken.json"), "{ \"year\": 2024, }");

        var (exit, stdout, stderr) = Run(directory, "reports", "reports/33_missing.json", "--format", "json");

        exit.ShouldBe(2);
        stderr.ShouldBeEmpty();
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (File: f.GetProperty("file").GetString()!, Rule: f.GetProperty("ruleId").GetString()!, Line: f.GetProperty("line").GetInt32(), Column: f.GetProperty("column").GetInt32()))
            .ToList();
        findings.Select(f => f.File).ShouldBe(findings.Select(f => f.File).Order(StringComparer.Ordinal), "findings in path order");
        // The broken file is a file checked; the missing path is not.
        json.RootElement.GetProperty("summary").GetProperty("files").GetInt32().ShouldBe(40 * examples.Length + 1);
        findings.Where(f => f.File == "reports/17_broken.json").ShouldHaveSingleItem().Rule.ShouldStartWith("RL01");
        findings.Where(f => f.File == "reports/33_missing.json").ShouldHaveSingleItem().Rule.ShouldStartWith("RL01");
        foreach (var example in examples.Select(Path.GetFileName))
        {
            var first = findings.Where(f => f.File == $"reports/00_{example}").Select(f => (f.Rule, f.Line, f.Column)).ToList();
            for (var copy = 1; copy < 40; copy++)
            {
                findings.Where(f => f.File == $"reports/{copy:D2}_{example}").Select(f => (f.Rule, f.Line, f.Column)).ShouldBe(first, $"copy {copy} of {example}");
            }
        }
        findings.Count(f => f.Rule == "RL1108").ShouldBe(40, "新城区's “均已办结” warning, once per copy");
    }

    [Fact]
    public void Text_output_in_english_shows_the_cells_and_the_arithmetic()
    {
        var (exit, stdout, _) = Run(Paths.RepoRoot, "tests/fixtures/expected/2023_hongzequ.json", "--lang", "en");
        exit.ShouldBe(1);
        Snapshot.Match(this, WithoutTime(stdout));
    }

    [Fact]
    public void Trial_format_reports_are_checked_as_2019_without_any_option()
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "tests/fixtures/trial/", "--format", "msbuild", "--fail-on", "warning");
        stderr.ShouldBeEmpty();
        exit.ShouldBe(1);
        // The trial fixtures are table-only; their info-level narrative findings are not what this test is about.
        var lines = stdout.Trim().Split('\n').Where(l => !l.Contains(": message ") && !l.StartsWith("reportlint: ", StringComparison.Ordinal)).ToList();
        lines.ShouldAllBe(l => l.StartsWith("tests/fixtures/trial/2020_with_errors.json("));
        lines.Count.ShouldBe(10);
        stdout.ShouldContain("error RL1401: 【行政许可】上一年项目数量 10 + 本年增/减 -12 = -2");

        var (cleanExit, cleanOut, _) = Run(Paths.RepoRoot, "tests/fixtures/trial/2019_consistent.json");
        cleanExit.ShouldBe(0);
        cleanOut.ShouldContain("共检查 1 个文件：0 个错误");
    }

    [Theory]
    [InlineData("no/such/file.json")]
    [InlineData("--format", "xml", "examples")]
    [InlineData("--fail-on")]
    public void Usage_and_path_errors_exit_2_without_a_stack_trace(params string[] args)
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, args);
        exit.ShouldBe(2);
        (stdout + stderr).ShouldNotContain("   at ");
    }

    [Theory]
    // Each was an internal error with a stack trace (exit 3); --write-baseline '' only after the whole run.
    [InlineData("reportlint: 要检查的路径中有一个是空的（变量没有设置？），请给出文件或目录。", "examples", "")]
    [InlineData("reportlint: --config 的值是空的（变量没有设置？），请给出文件或目录。", "examples", "--config", "")]
    [InlineData("reportlint: --previous 的值是空的（变量没有设置？），请给出文件或目录。", "examples", "--previous", "")]
    [InlineData("reportlint: --write-baseline 的值是空的（变量没有设置？），请给出文件或目录。", "examples", "--write-baseline", " ")]
    public void An_empty_path_is_a_usage_error(string says, params string[] args)
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, [.. args.Select(a => a.Replace("\\0", "\0", StringComparison.Ordinal))]);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe(says);
    }

    [Fact]
    public void A_path_that_names_no_report_is_not_counted_as_a_checked_file()
    {
        // "共检查 3 个文件" when two of the three did not exist.
        var (exit, stdout, _) = Run(Paths.RepoRoot, "no/such.json", "no/*.json", "examples/000_1c6b722cb07b2c5a.json");
        exit.ShouldBe(2);
        stdout.ShouldContain("共检查 1 个文件：2 个错误");
    }

    [Fact]
    public void Standard_input_works_for_a_list_and_says_it_is_not_paired_with_last_year()
    {
        // --files-from - was "找不到这个文件"; a report piped in with --previous was silently left unpaired.
        var list = System.Text.Encoding.UTF8.GetBytes("examples/000_1c6b722cb07b2c5a.json\n");
        var (exit, stdout, _) = ReportLintProcess.RunWithInput(Paths.RepoRoot, list, "--files-from", "-", "--format", "msbuild");
        exit.ShouldBe(0);
        stdout.ShouldContain("examples/000_1c6b722cb07b2c5a.json(10,873): warning RL1108:");

        var report = File.ReadAllBytes(Path.Combine(Paths.Fixtures, "expected", "2024_hongzequ.json"));
        (_, stdout, _) = ReportLintProcess.RunWithInput(Paths.RepoRoot, report, "-", "--previous", "tests/fixtures/expected/2023_hongzequ.json", "--format", "msbuild");
        stdout.ShouldContain("-(1,1): warning RL0117: 从标准输入（-）读取的报告不与 --previous 给出的上一年度报告配对");
    }

    [Fact]
    public void Previous_takes_one_path_the_reports_after_it_are_checked()
    {
        // "--previous last-year/ this-year.json" took this-year.json as last year's too: it was never checked, exit 0.
        var (exit, stdout, _) = Run(Paths.RepoRoot, "examples/000_1c6b722cb07b2c5a.json", "--previous", "tests/fixtures/expected", "tests/fixtures/trial/2020_with_errors.json", "--format", "msbuild");
        exit.ShouldBe(1);
        stdout.ShouldContain("tests/fixtures/trial/2020_with_errors.json(");
        stdout.ShouldContain(": error RL1401: ");
    }

    [Fact]
    public void A_misspelt_option_is_named_with_the_one_meant_not_taken_for_two_missing_files()
    {
        // "--formatt json" was "找不到文件或目录：--formatt" and "…：json", and the run went on in text format.
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "examples", "--formatt", "json");
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe("reportlint: 没有 --formatt 这个选项，是否应为 --format？（用法见 reportlint --help）。");
    }

    [Fact]
    public void An_unknown_template_on_the_command_line_is_one_usage_error_naming_the_one_for_that_year()
    {
        // --template 2020 (a year, not a template) was reported as "unknown template" against every file checked.
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "examples", "--template", "2020");
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe("reportlint: --template 2020：没有这个模板。可用的模板：2019（2019–2020 年度）、2021（2021– 年度）。2020 年度的报告适用模板 2019。");
        (exit, _, stderr) = Run(Paths.RepoRoot, "examples", "--template", "x", "--lang", "en");
        exit.ShouldBe(2);
        stderr.Trim().ShouldBe("reportlint: --template x: there is no such template; templates: 2019 (report years 2019–2020), 2021 (report years 2021–).");
    }

    [Theory]
    // System.CommandLine's own messages were English whatever --lang said; its Chinese resources cannot load under
    // invariant globalization, so the CLI says them again.
    [InlineData(new[] { "examples", "--format", "xml" }, "reportlint: “xml”不是可用的值；可用：text、json、sarif、msbuild、github。")]
    [InlineData(new string[0], "reportlint: 没有给出要检查的报告：请写出文件、目录或通配模式，如 reportlint reports/。")]
    [InlineData(new[] { "examples", "--fail-on" }, "reportlint: 选项 --fail-on 后面缺少它的值。")]
    [InlineData(new[] { "examples", "--format", "json", "--format", "sarif" }, "reportlint: 选项 --format 只能给一个值，这里给了 2 个。")]
    [InlineData(new[] { "import", "examples", "--year", "abc" }, "reportlint: 选项 --year 的值“abc”不是整数。")]
    public void Command_line_mistakes_are_explained_in_Chinese(string[] args, string says)
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, args);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe(says + "\n用法见 reportlint --help。");
    }

    [Theory]
    // Were accepted: the report was imported under a template that does not fit its year (RL0109 when checked).
    [InlineData(new[] { "import", "examples", "--template", "2019", "--year", "2024" }, "reportlint import: --template 2019 适用于 2019–2020 年度，--year 2024 不在其中。2024 年度的报告适用模板 2021。")]
    [InlineData(new[] { "import", "examples", "--year", "20244" }, "reportlint import: --year 20244：不是有效的报告年度（应在 2008 到 2999 之间，如 2024）。")]
    public void A_year_the_template_does_not_cover_is_a_usage_error(string[] args, string says)
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, args);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe(says);
    }

    [Fact]
    public void Explain_shows_each_template_s_version_of_a_rule_that_differs()
    {
        // explain RL1008 showed 2021's title and checks under "模板: 2019, 2021"; 2019's RL1008 is titled and typed otherwise.
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "explain", "RL1008");
        exit.ShouldBe(0, stderr);
        // The title expected is the one rules/2019.yaml gives its RL1008.
        File.ReadAllText(Path.Combine(Paths.Rules, "2019.yaml")).ShouldContain("件数和增减数必须是整数");
        stdout.ShouldContain("模板 2019 中这条规则是：\n  件数和增减数必须是整数");
        File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "rule-reference.md")).ShouldContain("- in template 2019: **件数和增减数必须是整数**");
    }

    [Theory]
    // Were "没有规则 1002", "没有规则 ＲＬ１００２" and "没有规则 UNREADABLE-FILE": the rule's name is what rules and the docs show.
    [InlineData("1002", "RL1002 (requests-row-total)")]
    [InlineData("ＲＬ１００２", "RL1002 (requests-row-total)")]
    [InlineData("unreadable-file", "RL0101 (unreadable-file)")]
    public void Explain_takes_a_rule_as_people_write_it(string written, string shows)
    {
        var (exit, stdout, _) = Run(Paths.RepoRoot, "explain", written);
        exit.ShouldBe(0);
        stdout.ShouldStartWith(shows);
    }

    [Theory]
    // Each echoed the ESC as it was typed: the terminal took it (here: red text; \e[2J clears the screen).
    [InlineData(new[] { "explain", "RL\u001b[31m1001" }, "reportlint: 没有规则“RL␛[31m1001”")]
    [InlineData(new[] { "examples", "--format", "x\u001b[31m" }, "reportlint: “x␛[31m”不是可用的值")]
    [InlineData(new[] { "examples", "--template", "x\u001b[31m" }, "reportlint: --template x␛[31m：")]
    [InlineData(new[] { "examples", "--config", "x\u001b[31m.yaml" }, "x␛[31m.yaml(1,1): error RL0111")]
    public void What_was_typed_is_echoed_with_its_control_characters_shown_not_acted_on(string[] args, string says)
    {
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, args);
        exit.ShouldBe(2);
        stderr.ShouldStartWith(says);
        stderr.ShouldNotContain('\u001b');
        stdout.ShouldNotContain('\u001b');
    }

    [Fact]
    public void Explain_suggests_the_rule_meant()
    {
        var (exit, _, stderr) = Run(Paths.RepoRoot, "explain", "RL1030");
        exit.ShouldBe(2);
        stderr.Trim().ShouldBe("reportlint: 没有规则“RL1030”，是否应为 RL1003？/ no rule 'RL1030'; did you mean RL1003?");
    }

    [Fact]
    public void Explain_RL0000_says_what_the_build_error_of_the_MSBuild_package_means()
    {
        // RL0000 is what a failed `dotnet build` shows last; looking it up used to answer "no rule RL0000" (exit 2).
        var targets = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "ReportLint.MSBuild", "build", "ReportLint.MSBuild.targets"));
        targets.ShouldContain("Code=\"RL0000\"");
        var (exit, stdout, stderr) = Run(Paths.RepoRoot, "explain", "rl0000");
        exit.ShouldBe(0, stderr);
        stdout.ShouldStartWith("RL0000 不是一条检查规则");
        stdout.ShouldContain("docs/msbuild.md");
        var (exitEn, english, _) = Run(Paths.RepoRoot, "explain", "RL0000", "--lang", "en");
        exitEn.ShouldBe(0);
        english.ShouldStartWith("RL0000 is not a rule");
    }

    [Fact]
    public void Command_line_mistakes_stay_in_English_with_lang_en()
    {
        var (exit, _, stderr) = Run(Paths.RepoRoot, "examples", "--lang=en", "--fail-on");
        exit.ShouldBe(2);
        stderr.Trim().ShouldBe("reportlint: Required argument missing for option: '--fail-on'.\nSee 'reportlint --help'.");
    }

    [Fact]
    public void Files_from_a_list_are_taken_as_written_and_a_missing_list_is_a_usage_error()
    {
        // The MSBuild package passes report files this way, so that no file name reaches a shell.
        var directory = ReportLintProcess.Workspace();
        var odd = Path.Combine(directory, "reports", "a \"quoted\" $(name).json");
        File.Copy(Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json"), odd);
        File.WriteAllText(Path.Combine(directory, "list.txt"), odd + "\r\n\nreports/002_d7e6bacd7eea9ab0.json\n");
        var (exit, stdout, _) = Run(directory, "--files-from", "list.txt", "--format", "msbuild");
        exit.ShouldBe(0);
        stdout.ShouldContain("reports/a \"quoted\" $(name).json(10,873): warning RL1108:");
        stdout.ShouldNotContain("reports/000_");

        (exit, stdout, var stderr) = Run(directory, "--files-from", "nope.txt");
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe("reportlint: --files-from nope.txt：无法读取路径列表（找不到这个文件）。");

        // find -print0 output: was an internal error ("Null character in path").
        File.WriteAllText(Path.Combine(directory, "list0.txt"), "reports/000_1c6b722cb07b2c5a.json\0reports/002_d7e6bacd7eea9ab0.json\0");
        (exit, stdout, stderr) = Run(directory, "--files-from", "list0.txt");
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe("reportlint: --files-from list0.txt：无法读取路径列表（含有 NUL 字符：应每行一个路径（用 find -print，不要用 -print0））。");
    }
}
