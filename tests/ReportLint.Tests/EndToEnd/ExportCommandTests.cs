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
}
