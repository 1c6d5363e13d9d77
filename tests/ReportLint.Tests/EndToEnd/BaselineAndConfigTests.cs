using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

public class BaselineAndConfigTests
{
    [Fact]
    public void Baseline_round_trip_suppresses_known_findings_shows_new_ones_and_reports_stale_entries()
    {
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        ReportLintProcess.Run(directory, "reports").ExitCode.ShouldBe(1);

        var write = ReportLintProcess.Run(directory, "reports", "--write-baseline", "baseline.json");
        write.ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(directory, "baseline.json")).ShouldContain("\"cell\": \"appeals.review.total\"");

        var clean = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild");
        clean.ExitCode.ShouldBe(0);
        // No finding; only the closing line on the year-over-year rules it could not judge.
        clean.Out.Trim().ShouldStartWith("reportlint: 未检查的跨年度规则");
        clean.Out.Trim().Split('\n').ShouldHaveSingleItem();

        // A new mistake in another report shows; the known ones stay suppressed.
        var xincheng = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(xincheng, Lint.Mutate(File.ReadAllText(xincheng), "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 9"));
        var changed = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild");
        changed.ExitCode.ShouldBe(1);
        changed.Out.Trim().Split('\n').Where(l => !l.StartsWith("reportlint: ", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldStartWith("reports/000_1c6b722cb07b2c5a.json(54,101): error RL1004:");

        // Fixing a baselined mistake makes its entry stale, and it is reported so the baseline only shrinks.
        var hongze = Path.Combine(directory, "reports", "2023_hongzequ.json");
        File.WriteAllText(hongze, Lint.Mutate(File.ReadAllText(hongze), "\"other_result\": 0, \"pending\": 0, \"total\": 0 },\n      \"direct_suit\"", "\"other_result\": 0, \"pending\": 0, \"total\": 11 },\n      \"direct_suit\""));
        var stale = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild");
        // Located at its entry in the baseline (was 1:1), and the baseline is not counted as a checked file.
        var baselineLines = File.ReadAllLines(Path.Combine(directory, "baseline.json"));
        var cellLine = Array.FindIndex(baselineLines, l => l.Contains("\"cell\": \"appeals.review.total\"", StringComparison.Ordinal));
        var entryLine = Array.FindLastIndex(baselineLines, cellLine, l => l.Trim() == "{") + 1;
        stale.Out.Split('\n').Where(l => l.Contains("RL0113", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldBe(
            $"baseline.json({entryLine},5): warning RL0113: 基线记录 RL1004（洪泽区人民政府，2023 年度，appeals.review.total）中有 1 条已不再出现，问题已改正：请用 --write-baseline 更新基线，让它只减不增。");
        var summary = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json");
        summary.Out.ShouldContain($"共检查 {Directory.GetFiles(Path.Combine(directory, "reports")).Length} 个文件");
    }

    [Theory]
    [InlineData("--config", "nope.yaml", "error RL0111: 无法读取配置文件：找不到这个文件。")]
    [InlineData("--baseline", "nope.json", "error RL0112: 无法读取基线文件：找不到这个文件。")]
    [InlineData("--config", "reports", "error RL0111: 无法读取配置文件：这是一个目录，不是文件。")]
    public void A_configuration_or_baseline_that_cannot_be_read_is_said_in_Chinese(string option, string path, string says)
    {
        // Was .NET's English inside the Chinese sentence: 无法读取配置文件：Could not find file '…/nope.yaml'.
        var directory = ReportLintProcess.Workspace();
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports", option, path);
        exit.ShouldBe(2);
        stderr.ShouldContain(says);
    }

    [Fact]
    public void A_baseline_rewritten_while_one_is_applied_keeps_what_it_suppressed()
    {
        // Used to write an empty baseline: the findings the old one suppressed were left out, and came back next run.
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        ReportLintProcess.Run(directory, "reports", "--write-baseline", "first.json").ExitCode.ShouldBe(0);
        ReportLintProcess.Run(directory, "reports", "--baseline", "first.json", "--write-baseline", "second.json").ExitCode.ShouldBe(0);

        File.ReadAllText(Path.Combine(directory, "second.json")).ShouldBe(File.ReadAllText(Path.Combine(directory, "first.json")));
        ReportLintProcess.Run(directory, "reports", "--baseline", "second.json").ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("no/such/folder/baseline.json", "目录不存在")]
    [InlineData("reports", "这是一个目录")]
    public void A_baseline_that_cannot_be_written_is_said_before_the_run_and_exits_2_not_3(string path, string why)
    {
        // Was said only after the whole run had printed its findings, as "cannot write the output".
        var directory = ReportLintProcess.Workspace();
        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "reports", "--write-baseline", path);
        exit.ShouldBe(2);
        stderr.ShouldContain($"无法写入基线文件 {path}（{why}），没有开始检查。");
        stderr.ShouldNotContain("   at ");
        stdout.ShouldBeEmpty();
        File.Exists(Path.Combine(directory, "no", "such")).ShouldBeFalse();
    }

    [Fact]
    public void A_baseline_entry_of_one_agency_does_not_hide_another_agencys_finding()
    {
        // An unknown field (RL0110) above "agency" was recorded with agency "" and then hid the same rule's findings
        // in every report of that year, and never went stale.
        var directory = ReportLintProcess.Workspace();
        var xincheng = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        var beihai = Path.Combine(directory, "reports", "002_d7e6bacd7eea9ab0.json");
        File.WriteAllText(xincheng, Lint.Mutate(File.ReadAllText(xincheng), "\"template\": \"2021\",", "\"template\": \"2021\", \"foo\": 1,"));
        ReportLintProcess.Run(directory, "reports/000_1c6b722cb07b2c5a.json", "--write-baseline", "baseline.json").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(directory, "baseline.json")).ShouldContain("\"agency\": \"呼和浩特市新城区人民政府\"");

        File.WriteAllText(beihai, Lint.Mutate(File.ReadAllText(beihai), "\"template\": \"2021\",", "\"template\": \"2021\", \"typo_field\": 1,"));
        var run = ReportLintProcess.Run(directory, "reports/002_d7e6bacd7eea9ab0.json", "--baseline", "baseline.json", "--format", "msbuild");
        run.Out.Split('\n').Where(l => l.Contains("RL0110", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("reports/002_d7e6bacd7eea9ab0.json(2,");
    }

    [Fact]
    public void A_stale_entry_follows_the_configuration_and_warnings_as_errors()
    {
        // RL0113 stayed a warning with --warnings-as-errors and whatever the configuration said; and a rule switched off
        // for some files by an override had its entries for those files called fixed.
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        ReportLintProcess.Run(directory, "reports", "--write-baseline", "baseline.json").ExitCode.ShouldBe(0);
        var hongze = Path.Combine(directory, "reports", "2023_hongzequ.json");
        File.WriteAllText(hongze, Lint.Mutate(File.ReadAllText(hongze), "\"other_result\": 0, \"pending\": 0, \"total\": 0 },\n      \"direct_suit\"", "\"other_result\": 0, \"pending\": 0, \"total\": 11 },\n      \"direct_suit\""));

        var strict = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--warnings-as-errors", "--format", "msbuild");
        strict.ExitCode.ShouldBe(1);
        strict.Out.ShouldContain(": error RL0113: ");

        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), "rules:\n  RL0113: off\n");
        ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild").Out.ShouldNotContain("RL0113");

        // Undo the fix; switch RL1004 off for that file only: its entry is not called fixed.
        File.WriteAllText(hongze, File.ReadAllText(Path.Combine(Paths.Fixtures, "expected", "2023_hongzequ.json")));
        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), "overrides:\n  - files: [\"reports/2023_*.json\"]\n    rules:\n      RL1004: off\n");
        ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild").Out.ShouldNotContain("RL0113");
    }

    [Theory]
    [InlineData("rules:\n  RL9999: off\n", "2:3", "没有编号为“RL9999”的规则")]
    [InlineData("rules:\n  RL1108: warning\noverrides:\n  - files: [\"a/*.json\"]\n    rules:\n      rl1004: off\n", "6:7", "是否应为 RL1004？")]
    [InlineData("- RL1004\n", "1:1", "应是“项: 值”的映射")]
    [InlineData("rules:\n  RL1004: warning\n---\nrules:\n  RL1004: off\n", "4:1", "文档分隔符")]
    [InlineData("rules:\n  RL0101: off\n", "2:3", "RL0101（无法读取文件）不能在配置中设置")]
    // Were accepted and did nothing: the override applied to other files than meant, or to none.
    [InlineData("overrides:\n  - files: [\"a/**\"]\n    excludes: [\"b\"]\n    rules:\n      RL1108: off\n", "3:5", "overrides 的一项中没有“excludes”这一项")]
    [InlineData("overrides:\n  - files: {}\n    rules:\n      RL1108: off\n", "2:12", "files 应为文件模式或其列表")]
    [InlineData("overrides:\n  - files: \"\"\n    rules:\n      RL1108: off\n", "2:12", "files 应为文件模式或其列表")]
    // Were YamlDotNet's English, the tab located on the line above it.
    [InlineData("rules:\n\tRL1108: off\n", "2:1", "YAML 格式错误：这里用了制表符（Tab）")]
    [InlineData("rules:\n  RL1108: off\n  RL1108: warning\n", "3:3", "YAML 格式错误：同一个键在这里写了第二次")]
    [InlineData("rules：\n  RL1108: off\n", "1:6", "“rules”后面是全角冒号“：”")]
    // No YAML error at all (one piece of text where a mapping was meant): were "应是映射" at 1:1, the colon not named.
    [InlineData("fail-on： warning\n", "1:8", "“fail-on”后面是全角冒号“：”")]
    [InlineData("rules:\n  RL1108： off\n", "2:9", "“RL1108”后面是全角冒号“：”")]
    [InlineData("rules:\n  RL1004: off\n  RL1108： warning\n", "3:9", "“RL1108”后面是全角冒号“：”")]
    // Crashed with exit 3 or a stack overflow (fuzzing): failures of the YAML library itself, and absurd nesting.
    [InlineData("overrides:\n  - files: [\"archive/**/*.json\"\n    rules:\n      RL1004: off\n", "1:1", "请检查括号是否成对")]
    [InlineData("rules:\n  : off\n", "1:1", "请检查括号是否成对")]
    [InlineData("...\nrules: {}\n", "1:1", "请检查括号是否成对")]
    [InlineData("rules:\n  RL1004: \"\\ud800\\u0041\"\n", "1:1", "请检查括号是否成对")]
    [InlineData("rules: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", "1:508", "嵌套超过 500 层")]
    // Exit 3 (a self-referencing alias), a stack overflow that ended the process (the same as a key), and an internal
    // error (nesting after a comment ended by \r alone, which the nesting check skipped; located counting lines by \n,
    // as every location is). Fuzzing.
    [InlineData("rules:\n  w: &b [*b]\n", "2:6", "不支持 YAML 的锚点和别名")]
    [InlineData("? &b [*b]\n: 1\n", "1:3", "不支持 YAML 的锚点和别名")]
    [InlineData("fail-on: error # note\rrules: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", "1:530", "嵌套超过 500 层")]
    public void A_configuration_mistake_that_used_to_be_ignored_is_an_input_error(string yaml, string at, string says)
    {
        // A misspelt rule id left the rule it meant as it was; a list or a second document was read as no configuration.
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), yaml);
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports");
        exit.ShouldBe(2);
        var (line, column) = (at.Split(':')[0], at.Split(':')[1]);
        // Relative to the working directory, as findings are (it was the absolute path: different on every machine).
        stderr.ShouldStartWith($".reportlint.yaml({line},{column}): error RL0111: ");
        stderr.ShouldContain(says);
    }

    [Theory]
    [InlineData("json", "\"ruleId\": \"RL0112\"")]
    [InlineData("sarif", "\"ruleId\": \"RL0112\"")]
    [InlineData("github", "::error file=")]
    public void A_broken_baseline_is_in_the_machine_formats_own_output_too(string format, string expected)
    {
        // Only standard error had it: a SARIF upload got an empty file and no annotation showed.
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, "baseline.json"), "{ \"entries\": [ { \"rule\": 1 } ] }");
        var (exit, stdout, _) = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", format);
        exit.ShouldBe(2);
        stdout.ShouldContain(expected);
        if (format != "github")
        {
            System.Text.Json.JsonDocument.Parse(stdout).ShouldNotBeNull();
        }
    }

    [Fact]
    public void Entries_for_reports_not_checked_or_rules_switched_off_are_not_called_fixed()
    {
        // Checking one file against a baseline of the whole folder said every other agency's entries were "已改正",
        // and a rule switched off in the configuration had its entries called fixed too.
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        ReportLintProcess.Run(directory, "reports", "--write-baseline", "baseline.json").ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(directory, "baseline.json")).ShouldContain("洪泽区人民政府");

        var one = ReportLintProcess.Run(directory, "reports/000_1c6b722cb07b2c5a.json", "--baseline", "baseline.json", "--format", "msbuild");
        one.Out.ShouldNotContain("RL0113");

        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), "rules:\n  RL1004: off\n");
        var off = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json", "--format", "msbuild");
        off.Out.ShouldNotContain("RL0113");
    }

    [Theory]
    [InlineData("{ \"version\": 2, \"entries\": [] }", "不是第 1 版的 reportlint 基线文件")]
    [InlineData("{ \"entries\": [] }", "不是第 1 版的 reportlint 基线文件")]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"RL1004\", \"agency\": \"甲\", \"year\": 2023, \"cell\": \"\", \"count\": 0 } ] }", "第 1 条记录应有")]
    [InlineData("{ \"version\": 1,\n \"entries\": [ { \"rule\": \"RL1004\" } ] }", "第 1 条记录应有")]
    [InlineData("{ \"version\": 1,\n \"entries\": [ {", "JSON 格式错误（第 2 行）")]
    // Was reported as a stale entry whose problem "was fixed".
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"RL9999\", \"agency\": \"洪泽区人民政府\", \"year\": 2023, \"cell\": \"\" } ] }", "第 1 条记录的规则“RL9999”不存在")]
    // Crashed with exit 3 (fuzzing): half a surrogate pair in an entry.
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"RL1004\", \"agency\": \"\\uD800\", \"year\": 2024, \"cell\": \"x\" } ] }", "文字中有无法转换的 \\u 转义")]
    public void A_baseline_that_is_not_one_is_said_in_words(string json, string says)
    {
        // These were accepted (a version 2 file, a count of 0 that was never stale) or said in .NET's English
        // ("The given key was not present in the dictionary").
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, "baseline.json"), json);
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json");
        exit.ShouldBe(2);
        stderr.ShouldContain("error RL0112: 无法读取基线文件：" + says);
    }

    [Fact]
    public void A_baseline_saved_with_a_byte_order_mark_is_read()
    {
        // Notepad's "UTF-8" writes one; it was "JSON 格式错误（第 1 行）", though report files with one are read.
        var directory = ReportLintProcess.Workspace();
        ReportLintProcess.Run(directory, "reports", "--write-baseline", "baseline.json").ExitCode.ShouldBe(0);
        var path = Path.Combine(directory, "baseline.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json");

        exit.ShouldBe(0, stdout + stderr);
        (stdout + stderr).ShouldNotContain("RL0112");
    }

    [Fact]
    public void A_configuration_saved_as_GBK_or_UTF16_is_said_in_words_and_an_empty_rules_section_is_none()
    {
        // GBK was “RL1108 的级别……不能是“�ر�””, UTF-16 without a byte order mark an English YAML error.
        var directory = ReportLintProcess.Workspace();
        var config = Path.Combine(directory, ".reportlint.yaml");
        foreach (var bytes in new byte[][] { [.. "rules:\n  RL1108: "u8, 0xB9, 0xD8, 0xB1, 0xD5, (byte)'\n'], System.Text.Encoding.Unicode.GetBytes("rules:\n  RL1108: off\n") })
        {
            File.WriteAllBytes(config, bytes);
            var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports");
            exit.ShouldBe(2);
            stderr.ShouldContain(".reportlint.yaml(1,1): error RL0111: 配置文件不是 UTF-8 编码");
        }
        // Every line under rules: commented out was "rules 应为映射".
        File.WriteAllText(config, "rules:\n#  RL1108: off\n");
        ReportLintProcess.Run(directory, "reports").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void A_baseline_saved_as_GBK_is_said_in_words()
    {
        // Was a stack trace (exit 3): .NET could not transcode the GBK bytes of 示例 (saved as "ANSI" in Notepad).
        var directory = ReportLintProcess.Workspace();
        File.WriteAllBytes(Path.Combine(directory, "baseline.json"),
            [.. "{ \"version\": 1, \"entries\": [ { \"rule\": \"RL1004\", \"agency\": \""u8, 0xCA, 0xBE, 0xC0, 0xFD, .. "\", \"year\": 2020, \"cell\": \"\" } ] }"u8]);
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json");
        exit.ShouldBe(2);
        stderr.ShouldContain("error RL0112: 无法读取基线文件：文件不是 UTF-8 编码");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_broken_baseline_file_is_an_input_error()
    {
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, "baseline.json"), "{ \"entries\": [ { \"rule\": 1 } ] }");
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports", "--baseline", "baseline.json");
        exit.ShouldBe(2);
        stderr.ShouldContain("RL0112");
    }

    [Fact]
    public void Configuration_changes_severities_switches_rules_off_and_overrides_per_path()
    {
        var directory = ReportLintProcess.Workspace("2023_hongzequ.json");
        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), """
            rules:
              RL1004: warning
            overrides:
              - files: ["reports/2023_*.json"]
                rules:
                  RL1004: off
            """);
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        File.Copy(Path.Combine(directory, "reports", "2023_hongzequ.json"), Path.Combine(directory, "sub", "other.json"));

        // Found by walking up from a subfolder of the project.
        var (exit, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "sub"), "../reports", ".", "--format", "msbuild");
        exit.ShouldBe(0);
        var rl1004 = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("RL1004")).ToList();
        rl1004.Count.ShouldBe(2);
        rl1004.ShouldAllBe(l => l.StartsWith("other.json(") && l.Contains(": warning RL1004:"));
        ReportLintProcess.Run(Path.Combine(directory, "sub"), ".", "--fail-on", "warning").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void A_mistake_in_the_configuration_is_located_and_exits_2()
    {
        var directory = ReportLintProcess.Workspace();
        File.WriteAllText(Path.Combine(directory, ".reportlint.yaml"), "rules:\n  RL1004: loud\n");
        var (exit, _, stderr) = ReportLintProcess.Run(directory, "reports");
        exit.ShouldBe(2);
        stderr.ShouldContain(".reportlint.yaml(2,11): error RL0111:");
    }

    [Fact]
    public void A_configuration_or_baseline_that_is_huge_or_a_named_pipe_is_refused_at_once()
    {
        // Before, a 3 GB .reportlint.yaml was read whole (24 s, 4 GB of memory) and ended in a stack trace (exit 3), and
        // a named pipe as configuration or baseline made the run wait forever.
        var directory = ReportLintProcess.Workspace();
        using (var huge = File.Create(Path.Combine(directory, ".reportlint.yaml")))
        {
            huge.SetLength(3L * 1024 * 1024 * 1024);
        }
        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "reports", "--format", "msbuild");
        (stdout + stderr).ShouldNotContain("   at ");
        exit.ShouldBe(2);
        stderr.ShouldContain(".reportlint.yaml(1,1): error RL0111: 配置文件超过 1 MB，未读取：.reportlint.yaml 只需几行。");

        File.Delete(Path.Combine(directory, ".reportlint.yaml"));
        NamedPipe.Create(Path.Combine(directory, "pipe.yaml"));
        NamedPipe.Create(Path.Combine(directory, "pipe.json"));
        var (configExit, _, _) = ReportLintProcess.Run(directory, "reports", "--config", "pipe.yaml", "--format", "msbuild");
        configExit.ShouldBe(0); // a pipe nothing writes to reads as empty: an empty configuration
        var (baselineExit, baselineOut, baselineErr) = ReportLintProcess.Run(directory, "reports", "--baseline", "pipe.json", "--format", "msbuild");
        baselineExit.ShouldBe(2);
        (baselineOut + baselineErr).ShouldContain("error RL0112: 无法读取基线文件：");
    }
}
