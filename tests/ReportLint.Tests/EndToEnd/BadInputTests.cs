using System.Text;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>Each kind of bad input, through the real process: a clear located message, the right exit code, no crash.</summary>
public class BadInputTests
{
    public static TheoryData<string> Cases => new() { "not_utf8", "bom", "huge", "deep", "empty", "empty_directory", "missing_path", "dangling_link", "named_pipe" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_bad_file_among_good_ones(string name)
    {
        var directory = ReportLintProcess.Workspace();
        var target = Path.Combine(directory, "reports", "bad.json");
        var extra = new List<string> { "reports" };
        switch (name)
        {
            case "not_utf8":
                File.WriteAllBytes(target, [.. Encoding.UTF8.GetBytes("{\"agency\": {\"name\": \""), 0xBA, 0xF4, 0xBA, 0xCD, .. Encoding.UTF8.GetBytes("\"}}")]);
                break;
            case "bom":
                File.WriteAllBytes(target, [.. Encoding.UTF8.GetPreamble(), .. File.ReadAllBytes(Path.Combine(directory, "reports", "002_d7e6bacd7eea9ab0.json"))]);
                break;
            case "huge":
                using (var stream = File.Create(target))
                {
                    stream.SetLength(17L * 1024 * 1024);
                }
                break;
            case "deep":
                File.WriteAllText(target, "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}");
                break;
            case "empty":
                File.WriteAllText(target, "");
                break;
            case "empty_directory":
                Directory.CreateDirectory(Path.Combine(directory, "nothing"));
                extra.Add("nothing");
                break;
            case "missing_path":
                extra.Add("no/such/report.json");
                break;
            case "dangling_link":
                File.CreateSymbolicLink(target, Path.Combine(directory, "gone.json"));
                break;
            case "named_pipe":
                // A FIFO no one writes to: opening it waits for a writer, and the whole run waited forever.
                NamedPipe.Create(target);
                break;
        }

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, [.. extra, "--format", "msbuild"]);
        (stdout + stderr).ShouldNotContain("   at ");
        exit.ShouldBe(name == "bom" ? 0 : 2);
        // The example reports' own (real) findings are tested elsewhere; this snapshot is about the bad input.
        Snapshot.Match(this, string.Join("\n", stdout.Split('\n').Where(l => !l.StartsWith("reports/0", StringComparison.Ordinal))), name);
    }

    [Fact]
    public void Standard_input_is_read_when_the_path_is_a_dash()
    {
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "{ \"decisions\": 815 }", "{ \"decisions\": \"815件\" }");
        var (exit, stdout, _) = ReportLintProcess.RunWithInput(Paths.RepoRoot, Encoding.UTF8.GetBytes(json), "-", "--format", "msbuild");
        exit.ShouldBe(1);
        stdout.Split('\n').Where(l => l.Contains("RL1006")).ShouldHaveSingleItem().ShouldBe("-(22,45): error RL1006: 表二 / 行政处罚 / 本年处理决定数量 填写的是“815件”，不是数字。请只填阿拉伯数字，单位已在表头中规定。");
    }

    [Fact]
    public void Standard_input_past_the_size_limit_is_not_read_further_and_is_reported()
    {
        // 20 MB of spaces: before, standard input was read whole whatever its size (`yes | reportlint -` filled memory
        // to 2 GB and failed with .NET's "Stream was too long").
        var (exit, stdout, _) = ReportLintProcess.RunWithInput(Paths.RepoRoot, Enumerable.Repeat((byte)' ', 20 * 1024 * 1024).ToArray(), "-", "--format", "msbuild");
        exit.ShouldBe(2);
        stdout.Split('\n').Where(l => l.Contains("RL0101")).ShouldHaveSingleItem()
            .ShouldBe("-(1,1): error RL0101: 输入超过上限 16 MB，未再读取；年度报告文件不应如此之大。");
    }

    [Fact]
    public void A_device_that_says_it_is_empty_is_read_as_it_comes()
    {
        // /dev/zero has length 0 like an empty file, and was reported as "empty"; it gives bytes without end.
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "/dev/zero", "--format", "msbuild");
        (stdout + stderr).ShouldNotContain("   at ");
        exit.ShouldBe(2);
        stdout.Split('\n').Where(l => l.Contains("RL0101")).ShouldHaveSingleItem().ShouldBe("/dev/zero(1,1): error RL0101: 输入超过上限 16 MB，未再读取；年度报告文件不应如此之大。");
    }

    [Fact]
    public void A_pipe_given_as_a_path_is_read_like_standard_input_and_not_by_the_pairing_pass()
    {
        // /dev/stdin here is a pipe, as `reportlint <(curl …)` gives one. Before, it ended the run with a stack trace
        // ("Stream does not support seeking": a pipe has no length), and the pass that pairs reports with last year's
        // would have read it first, leaving nothing for the check. The second file makes that pass run.
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "{ \"decisions\": 815 }", "{ \"decisions\": \"815件\" }");
        var (exit, stdout, stderr) = ReportLintProcess.RunWithInput(Paths.RepoRoot, Encoding.UTF8.GetBytes(json), "/dev/stdin", "examples/002_d7e6bacd7eea9ab0.json", "--format", "msbuild");
        (stdout + stderr).ShouldNotContain("   at ");
        exit.ShouldBe(1);
        stdout.Split('\n').Where(l => l.Contains("RL1006")).ShouldHaveSingleItem().ShouldStartWith("/dev/stdin(22,45): error RL1006: ");
        stdout.ShouldContain("examples/002_d7e6bacd7eea9ab0.json(");

        var (tooLong, output, _) = ReportLintProcess.RunWithInput(Paths.RepoRoot, Enumerable.Repeat((byte)' ', 20 * 1024 * 1024).ToArray(), "/dev/stdin", "--format", "msbuild");
        tooLong.ShouldBe(2);
        output.Split('\n').Where(l => l.Contains("RL0101")).ShouldHaveSingleItem().ShouldBe("/dev/stdin(1,1): error RL0101: 输入超过上限 16 MB，未再读取；年度报告文件不应如此之大。");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // folder permissions as Unix modes
    public void A_pattern_walks_only_as_deep_as_it_reaches()
    {
        // "*.json" walked the whole tree below: an unreadable folder it could never match failed the run (exit 2), and
        // a pattern in a folder that does not exist walked the working directory.
        var directory = ReportLintProcess.Workspace();
        var locked = Path.Combine(directory, "reports", "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (exit, stdout, stderr) = ReportLintProcess.RunWithoutPrivileges(Path.Combine(directory, "reports"), "*.json", "--format", "msbuild");
            (stdout + stderr).ShouldNotContain("RL0101");
            exit.ShouldBe(0);
            stdout.ShouldContain("000_1c6b722cb07b2c5a.json(");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // "./000_….json" matched */*.json.
        var (deeperExit, deeper, _) = ReportLintProcess.Run(Path.Combine(directory, "reports"), "*/*.json", "--format", "msbuild");
        deeperExit.ShouldBe(2);
        deeper.Trim().ShouldBe("*/*.json(1,1): error RL0101: 没有文件符合模式：*/*.json");

        var (missingExit, missing, _) = ReportLintProcess.Run(directory, "reprots/*.json", "--format", "msbuild");
        missingExit.ShouldBe(2);
        missing.Trim().ShouldBe("reprots/*.json(1,1): error RL0101: 没有文件符合模式：reprots/*.json（目录 reprots 不存在）");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // folder permissions as Unix modes
    public void A_folder_that_cannot_be_read_is_reported_and_the_rest_is_checked()
    {
        // Before, such a folder was left out without a word (the listing ignored folders it could not open): its
        // reports went unchecked and the run passed.
        var directory = ReportLintProcess.Workspace();
        var locked = Path.Combine(directory, "reports", "locked");
        Directory.CreateDirectory(locked);
        File.Copy(Path.Combine(Paths.Examples, "000_1c6b722cb07b2c5a.json"), Path.Combine(locked, "inside.json"));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (exit, stdout, stderr) = ReportLintProcess.RunWithoutPrivileges(directory, "reports", "--format", "msbuild");
            (stdout + stderr).ShouldNotContain("   at ");
            exit.ShouldBe(2);
            stdout.Split('\n').Where(l => l.Contains("RL0101")).ShouldHaveSingleItem()
                .ShouldBe("reports/locked(1,1): error RL0101: 无法读取目录 reports/locked：没有读取权限。其中的报告没有检查。");
            stdout.ShouldContain("reports/000_1c6b722cb07b2c5a.json(");
            stdout.ShouldNotContain("inside.json");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("msbuild")]
    [InlineData("github")]
    public void Control_characters_in_a_report_or_a_file_name_are_shown_not_acted_on(string format)
    {
        // A cell's text with terminal escapes (clear the screen, set the window title, bell) and a line feed followed by
        // a GitHub Actions command, in a file whose name holds the same line feed. Before, the text and msbuild outputs
        // printed them raw: the terminal obeyed, and the line feed started a line "::error::…" of its own.
        var directory = ReportLintProcess.Workspace();
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "{ \"decisions\": 815 }",
            "{ \"decisions\": \"815\\u001b[2J\\u001b]0;title\\u0007\\n::error::injected\" }");
        File.WriteAllText(Path.Combine(directory, "reports", "x\n::error::named\u001b[31m.json"), json);

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "reports", "--format", format);
        exit.ShouldBe(1);
        (stdout + stderr).ShouldNotContain("\u001b");
        (stdout + stderr).ShouldNotContain("\u0007");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotContain(l => l.StartsWith("::error::", StringComparison.Ordinal));
        var finding = lines.Where(l => l.Contains("RL1006")).ShouldHaveSingleItem();
        finding.ShouldContain("815␛[2J␛]0;title␇␊::error::injected");
        if (format == "msbuild")
        {
            finding.ShouldStartWith("reports/x␊::error::named␛[31m.json(22,45): error RL1006: ");
            // Findings, and the tool's own closing line on rules it could not judge.
            lines.ShouldAllBe(l => l.StartsWith("reports/", StringComparison.Ordinal) || l.StartsWith("reportlint: 未检查的跨年度规则", StringComparison.Ordinal));
        }
        if (format == "github")
        {
            lines.ShouldAllBe(l => l.StartsWith("::error file=", StringComparison.Ordinal) || l.StartsWith("::warning file=", StringComparison.Ordinal) || l.StartsWith("::notice file=", StringComparison.Ordinal)
                || l.StartsWith("::notice title=reportlint::", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Reports_in_hidden_folders_and_hidden_files_are_checked_but_not_version_control_folders()
    {
        // Hidden entries used to be skipped without a word: a folder holding only .report.json had "no .json files".
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        var reports = Path.Combine(directory, "reports");
        Directory.CreateDirectory(Path.Combine(reports, ".github", "reports"));
        File.Move(Path.Combine(reports, "2023_hongzequ.json"), Path.Combine(reports, ".github", "reports", ".hongzequ.json"));
        Directory.CreateDirectory(Path.Combine(reports, ".git"));
        File.WriteAllText(Path.Combine(reports, ".git", "broken.json"), "{");

        var (exit, stdout, _) = ReportLintProcess.Run(directory, "reports", "--format", "msbuild");

        exit.ShouldBe(1);
        stdout.ShouldContain("reports/.github/reports/.hongzequ.json(");
        stdout.ShouldNotContain(".git/broken.json");
    }

    [Theory]
    [InlineData("msbuild")]
    [InlineData("text")]
    public void A_cell_holding_an_azure_pipelines_command_cannot_run_it(string format)
    {
        // The agent reads ##vso[…] anywhere in a log line: a submitted report could set a pipeline variable.
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json"), Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"),
            "{ \"decisions\": 815 }", "{ \"decisions\": \"##vso[task.setvariable variable=PWNED]yes ##[error]x\" }"));

        var (_, stdout, _) = ReportLintProcess.Run(directory, "reports", "--format", format);

        stdout.ShouldNotContain("##vso[");
        stdout.ShouldNotContain("##[");
        stdout.ShouldContain("＃#vso[task.setvariable variable=PWNED]yes ＃#[error]x");
    }

    [Fact]
    public void Glob_patterns_select_files()
    {
        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "examples/**/00?_*.json", "tests/fixtures/**/2023_*.json", "--format", "msbuild");
        exit.ShouldBe(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("reportlint: ", StringComparison.Ordinal)).ToList();
        lines.Where(l => l.Contains(": error ")).ShouldAllBe(l => l.StartsWith("tests/fixtures/expected/2023_hongzequ.json("));
        lines.Select(l => l[..l.IndexOf('(')]).Distinct().Order().ShouldBe(
            ["examples/000_1c6b722cb07b2c5a.json", "examples/002_d7e6bacd7eea9ab0.json", "examples/003_33dd7dc401233ec9.json", "tests/fixtures/expected/2023_hongzequ.json"]);
    }
}
