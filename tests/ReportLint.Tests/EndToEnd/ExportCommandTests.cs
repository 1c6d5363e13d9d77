using System.Text.Json.Nodes;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>`reportlint export` as a user runs it: what it writes, where, and what it refuses.</summary>
public class ExportCommandTests
{
    private const string Example = "000_1c6b722cb07b2c5a.json";

    /// <summary>A scratch folder holding the example report as a.json.</summary>
    private static string WithReport(out string report)
    {
        var directory = Scratch.Directory("export");
        report = Path.Combine(directory, "a.json");
        File.Copy(Path.Combine(Paths.Examples, Example), report);
        return directory;
    }

    [Theory]
    // `export a.json -o a.json` emptied a.json (the output was opened first) and then failed on an empty file.
    [InlineData("a.json")]
    [InlineData("./sub/../a.json")]
    [InlineData("FULL")]
    public void An_output_that_is_a_named_input_is_refused_before_it_is_written(string output)
    {
        var directory = WithReport(out var report);
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        var before = File.ReadAllBytes(report);
        output = output == "FULL" ? report : output;

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", "a.json", "--format", "json", "-o", output);

        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain($"reportlint export：输出文件 {output} 也是要导出的报告之一");
        stderr.ShouldContain("请用 -o 指定另一个文件");
        File.ReadAllBytes(report).ShouldBe(before);
    }

    [Fact]
    public void An_output_that_is_a_link_to_an_input_is_refused_and_said_in_English_with_lang_en()
    {
        var directory = WithReport(out var report);
        File.CreateSymbolicLink(Path.Combine(directory, "link.json"), "a.json");
        Directory.CreateSymbolicLink(Path.Combine(directory, "folder-link"), directory);
        var before = File.ReadAllBytes(report);

        foreach (var output in new[] { "link.json", "folder-link/a.json" })
        {
            var (exit, _, stderr) = ReportLintProcess.Run(directory, "export", "a.json", "-o", output, "--lang", "en");

            exit.ShouldBe(2, output);
            stderr.ShouldContain($"reportlint export: the output file {output} is also one of the reports to export (a.json); writing it would overwrite that report.");
            File.ReadAllBytes(report).ShouldBe(before);
        }
    }

    [Theory]
    // The second run read its own first output, emptied by opening it, as a report: RL0101 "the file is empty", exit 2.
    [InlineData("json", "reports")]
    [InlineData("csv", "reports/**/*.json")]
    public void An_earlier_export_in_the_folder_being_exported_is_left_out_and_replaced(string format, string input)
    {
        var directory = ReportLintProcess.Workspace();
        var output = Path.Combine(directory, "reports", "all.json");

        var first = ReportLintProcess.Run(directory, "export", input, "--format", format, "-o", "reports/all.json");
        var firstOutput = File.ReadAllBytes(output);
        var second = ReportLintProcess.Run(directory, "export", input, "--format", format, "-o", "reports/all.json");

        first.ExitCode.ShouldBe(0, first.Err);
        second.ExitCode.ShouldBe(0, second.Err);
        second.Err.ShouldBeEmpty();
        File.ReadAllBytes(output).ShouldBe(firstOutput);
        File.ReadAllText(output).ShouldNotContain("all.json");
    }

    [Fact]
    public void An_export_left_in_the_folder_being_checked_is_named_as_an_export()
    {
        // Checked as a report, it was "JSON 格式错误 … 最外层应为一个 { … } 对象": a file reportlint wrote itself.
        var directory = ReportLintProcess.Workspace();
        ReportLintProcess.Run(directory, "export", "reports", "--format", "json", "-o", "reports/all.json").ExitCode.ShouldBe(0);

        var (exit, stdout, _) = ReportLintProcess.Run(directory, "reports", "--format", "msbuild");

        exit.ShouldBe(2);
        stdout.ShouldContain("reports/all.json(1,1): error RL0102: 这是 reportlint export 导出的数据（每格一行），不是报告文件，没有检查。请把导出文件写到所检查的目录之外。");
    }

    [Fact]
    public void A_report_in_the_folder_being_exported_is_not_overwritten_by_naming_it_as_the_output()
    {
        var directory = WithReport(out var report);
        var before = File.ReadAllBytes(report);

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", ".", "-o", "a.json");

        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("输出文件 a.json 也是要导出的报告之一，写入会覆盖这份报告。");
        File.ReadAllBytes(report).ShouldBe(before);
    }

    [Fact]
    public void Every_row_ends_with_the_unit_of_its_value()
    {
        // 采购总金额 was exported without its unit, which each 2019 report states (元 here, 万元 there): a sum mixed the two.
        var directory = Scratch.Directory("export");
        var trial = File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"));
        File.WriteAllText(Path.Combine(directory, "yuan.json"), trial);
        File.WriteAllText(Path.Combine(directory, "wanyuan.json"), Lint.Mutate(trial, "\"proactive.procurement.amount\": \"元\"", "\"proactive.procurement.amount\": \"万元\""));
        File.Copy(Path.Combine(Paths.Examples, Example), Path.Combine(directory, "2021.json"));

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", ".");

        exit.ShouldBe(0, stderr);
        var rows = Lines(stdout);
        rows[0].ShouldBe("file,agency,kind,year,template,table,table_label,row,row_label,column,column_label,value,value_kind,unit");
        Row(rows, "yuan.json", "procurement", "amount").ShouldBe("yuan.json,示例县市场监督管理局（虚构）,department,2019,2019,proactive,表二,procurement,政府集中采购,amount,采购总金额,251000,number,元");
        Row(rows, "wanyuan.json", "procurement", "amount").ShouldEndWith(",251000,number,万元");
        Row(rows, "2021.json", "fees", "amount").ShouldEndWith(",本年收费金额（单位：万元）,3821.28,number,万元");
        Row(rows, "2021.json", "penalty", "decisions").ShouldEndWith(",815,number,");
        Row(rows, "yuan.json", "procurement", "projects").ShouldEndWith(",6,number,");

        var json = JsonNode.Parse(ReportLintProcess.Run(directory, "export", ".", "--format", "json").Out)!.AsArray().Select(r => r!.AsObject()).ToList();
        json.ShouldAllBe(r => r.Last().Key == "unit");
        json.Single(r => Is(r, "wanyuan.json", "procurement", "amount"))["unit"]!.GetValue<string>().ShouldBe("万元");
        json.Single(r => Is(r, "2021.json", "fees", "amount"))["unit"]!.GetValue<string>().ShouldBe("万元");
        json.Single(r => Is(r, "2021.json", "penalty", "decisions"))["unit"].ShouldBeNull();
    }

    [Fact]
    public void A_group_given_as_its_total_and_as_its_rows_is_an_error_and_only_the_rows_are_written()
    {
        // Written twice — （六）其他处理 as its total row and as its three rows — with exit 0: a sum over the rows counted
        // those requests twice. The checker calls it RL0108.
        var directory = Scratch.Directory("export");
        File.WriteAllText(Path.Combine(directory, "twice.json"), Lint.Mutate(Lint.Example(Example), "\"results_total\":",
            "\"other_processing\": { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 },\n      \"results_total\":"));
        File.Copy(Path.Combine(Paths.Examples, "003_33dd7dc401233ec9.json"), Path.Combine(directory, "total.json"));

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", ".");

        exit.ShouldBe(2);
        stderr.ShouldContain("twice.json(");
        stderr.ShouldContain("error RL0108: （六）其他处理 既按合计行“other_processing”填报，又填了子项（no_correction、fee_unpaid、other_handling）。只能二选一。");
        var rows = Lines(stdout);
        rows.Count(r => r.StartsWith("twice.json,", StringComparison.Ordinal)).ShouldBe(200);
        rows.ShouldNotContain(r => r.StartsWith("twice.json,", StringComparison.Ordinal) && r.Contains(",other_processing,", StringComparison.Ordinal));
        rows.Count(r => r.StartsWith("twice.json,", StringComparison.Ordinal) && r.Contains(",other_handling,", StringComparison.Ordinal)).ShouldBe(7);
        // The other file is still written, its group as the one row it gives.
        rows.Count(r => r.StartsWith("total.json,", StringComparison.Ordinal) && r.Contains(",other_processing,", StringComparison.Ordinal)).ShouldBe(7);
        stderr.ShouldNotContain("total.json");
    }

    [Theory]
    // Each was written as an empty field (or under a unit in doubt) with exit 0 and not a word; the checker calls each RL0104.
    [InlineData(Example, "\"kind\": \"government\"", "\"kind\": \"bureau\"", "error RL0104: agency.kind 只能是 government（人民政府）、department（政府部门）或 other，不能是“bureau”。")]
    [InlineData(Example, "\"year\": 2024,", "\"year\": 2024.5,", "error RL0104: year（报告年度）应为整数年份，如 2024。")]
    [InlineData(Example, "\"agency\": { \"name\": \"呼和浩特市新城区人民政府\", \"kind\": \"government\" },", "", "error RL0104: 缺少 agency.name（报告机关名称）。")]
    [InlineData(Example, "\"kind\": \"government\"", "\"kind\": 1", "error RL0104: agency.kind 应为文字。")]
    [InlineData("trial/2019_consistent.json", "\"proactive.procurement.amount\": \"元\"", "\"proactive.procurement.amount\": \"千元\"", "error RL0104: units.proactive.procurement.amount 只能是 \"元\" 或 \"万元\"")]
    // Not exported, so not the export's concern (the checker still reports it).
    [InlineData(Example, "\"published\": \"2025-02-05\"", "\"published\": \"2025/02/05\"", null)]
    public void A_field_the_rows_carry_in_a_wrong_form_is_an_error_and_the_rows_are_still_written(string fixture, string from, string to, string? error)
    {
        var directory = Scratch.Directory("export");
        var source = fixture == Example ? Path.Combine(Paths.Examples, fixture) : Path.Combine(Paths.Fixtures, fixture);
        File.WriteAllText(Path.Combine(directory, "odd.json"), Lint.Mutate(File.ReadAllText(source), from, to));

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", "odd.json");

        if (error is null)
        {
            exit.ShouldBe(0, stderr);
            stderr.ShouldBeEmpty();
        }
        else
        {
            exit.ShouldBe(2);
            stderr.ShouldStartWith("odd.json(");
            stderr.ShouldContain(error);
        }
        Lines(stdout).Length.ShouldBeGreaterThan(190);
    }

    [Theory]
    // --format json held the whole export in memory to the end (about 170 KB a report; 3000 reports took 520 MB) and, with
    // 32 MB for the heap, failed with an OutOfMemoryException on these 400. CSV never did; it is the yardstick.
    [InlineData("json")]
    [InlineData("csv")]
    public void Four_hundred_reports_are_exported_in_a_32_MB_heap(string format)
    {
        var directory = Scratch.Directory("export");
        var reports = Directory.CreateDirectory(Path.Combine(directory, "reports")).FullName;
        var report = File.ReadAllBytes(Path.Combine(Paths.Examples, Example));
        for (var i = 0; i < 400; i++)
        {
            File.WriteAllBytes(Path.Combine(reports, $"{i:D3}.json"), report);
        }

        var (exit, _, stderr) = ReportLintProcess.RunWithEnvironment(directory, null,
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x2000000" }, "export", "reports", "--format", format, "-o", "all." + format);

        exit.ShouldBe(0, stderr);
        var output = File.ReadAllText(Path.Combine(directory, "all." + format));
        if (format == "json")
        {
            output.ShouldStartWith("[\n  {\n    \"file\": \"reports/000.json\",\n");
            output.ShouldEndWith("    \"unit\": null\n  }\n]\n");
        }
        output.Split("reports/399.json").Length.ShouldBe(201, "the last report's 200 cells are all there");
    }

    [Fact]
    public void A_group_given_as_its_total_is_exported_in_its_place_in_the_table()
    {
        // 003 gives （六）其他处理 as one row; it was exported after 四、结转下年度继续办理, the last row of 表三.
        var directory = Scratch.Directory("export");
        File.Copy(Path.Combine(Paths.Examples, "003_33dd7dc401233ec9.json"), Path.Combine(directory, "003.json"));
        File.Copy(Path.Combine(Paths.Examples, Example), Path.Combine(directory, "000.json"));

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", ".");

        exit.ShouldBe(0, stderr);
        var rows = Lines(stdout);
        RowOrder(rows, "003.json").ShouldBe(["confirmation", "other_processing", "results_total", "carried_forward"]);
        RowOrder(rows, "000.json").ShouldBe(["confirmation", "no_correction", "fee_unpaid", "other_handling", "results_total", "carried_forward"]);
    }

    /// <summary>The rows of 表三 from （五）5. on, in the order the file's cells are exported, each once.</summary>
    private static string[] RowOrder(string[] rows, string file) =>
        [.. rows.Where(r => r.StartsWith(file + ",", StringComparison.Ordinal) && r.Contains(",requests,表三,", StringComparison.Ordinal))
            .Select(r => r.Split(',')[7]).Distinct().SkipWhile(r => r != "confirmation")];

    [Fact]
    public void Text_a_spreadsheet_could_run_gets_an_apostrophe_and_a_lone_dash_is_kept_as_written()
    {
        // A lone "-", which reports write for "nothing", was exported as '-. The escape stays on anything that could run.
        (string Written, string Exported)[] cases =
        [
            ("-", "-"),
            ("-8", "-8"),
            ("-1.5", "-1.5"),
            ("无", "无"),
            ("－", "－"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("=", "'="),
            ("--", "'--"),
            ("-1,000", "\"'-1,000\""),
            ("-1.", "'-1."),
            ("\t=1", "'\t=1"),
        ];
        var report = JsonNode.Parse(Lint.Example(Example))!;
        var columns = new[] { "natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total" };
        var cells = new[] { "disclosed", "partly_disclosed" }.SelectMany(row => columns.Select(column => (Row: row, Column: column))).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            report["tables"]!["requests"]![cells[i].Row]![cells[i].Column] = cases[i].Written;
        }
        var directory = Scratch.Directory("export");
        File.WriteAllText(Path.Combine(directory, "text.json"), report.ToJsonString());

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", "text.json");
        var json = JsonNode.Parse(ReportLintProcess.Run(directory, "export", "text.json", "--format", "json").Out)!.AsArray();

        // "-8" and "-1.5" are numbers in quotes: an error of the file (RL0107), exported as written, of kind invalid.
        exit.ShouldBe(2);
        stderr.Split('\n').Count(l => l.Contains("error RL0107:", StringComparison.Ordinal) && l.Contains("数字加了引号", StringComparison.Ordinal)).ShouldBe(2, stderr);
        var rows = Lines(stdout);
        var wrong = cases.Select((c, i) => (Case: c, Row: Row(rows, "text.json", cells[i].Row, cells[i].Column)))
            .Where(x => !x.Row.EndsWith($",{x.Case.Exported},{(x.Case.Written is "-8" or "-1.5" ? "invalid" : "text")},", StringComparison.Ordinal))
            .Select(x => $"{x.Case.Written} → {x.Row}").ToList();
        wrong.ShouldBeEmpty();
        // JSON is no spreadsheet: the text stays as written there.
        json.Single(r => Is(r!.AsObject(), "text.json", "partly_disclosed", "total"))!["value"]!.GetValue<string>().ShouldBe("\t=1");
    }

    private static string[] Lines(string stdout) => stdout.TrimEnd('\n').Split('\n');

    /// <summary>The CSV row of a file's cell.</summary>
    private static string Row(string[] rows, string file, string row, string column) =>
        rows.Single(r => r.StartsWith(file + ",", StringComparison.Ordinal) && r.Contains($",{row},", StringComparison.Ordinal) && r.Contains($",{column},", StringComparison.Ordinal));

    private static bool Is(JsonObject row, string file, string rowId, string column) =>
        (string?)row["file"] == file && (string?)row["row"] == rowId && (string?)row["column"] == column;
}
