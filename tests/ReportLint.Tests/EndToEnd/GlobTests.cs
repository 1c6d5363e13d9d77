using ReportLint.Configuration;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>File patterns in .reportlint.yaml overrides and on the command line.</summary>
public class GlobTests
{
    [Fact]
    public void A_pattern_of_many_wildcards_is_matched_in_linear_time_not_timed_out()
    {
        // Backtracking, "*a*a*…*b" against a long name of a's ran into the regex time limit, which ended the run (exit 3;
        // fuzzing). Non-backtracking matching answers at once.
        var glob = new Glob(string.Concat(Enumerable.Repeat("*a", 12)) + "*b");

        glob.IsMatch(new string('a', 5_000) + ".json").ShouldBeFalse();
        glob.IsMatch(new string('a', 5_000) + "b").ShouldBeTrue();
        new Glob("archive/**/*.json").IsMatch("archive/2023/x.json").ShouldBeTrue();
        new Glob("archive/**/*.json").IsMatch("other/x.json").ShouldBeFalse();
    }

    // No path is that long; building the matcher for 240,000 characters took 24 s (fuzzing).
    private static readonly string TooLong = "reports/" + string.Concat(Enumerable.Repeat("报告*", 2_000)) + ".json";

    [Fact]
    public void A_pattern_longer_than_any_path_in_the_configuration_is_refused_before_it_is_built()
    {
        var directory = ReportLintProcess.Workspace();
        var path = Path.Combine(directory, ".reportlint.yaml");
        File.WriteAllText(path, $"overrides:\n  - files: [\"{TooLong}\"]\n    rules:\n      RL1004: off\n");

        var (config, error) = ConfigLoader.Load(path);

        config.ShouldBeNull();
        error.ShouldNotBeNull().Message.ShouldBe("files 中的模式超过 4096 个字符，不会有文件符合。");
        (error.Line, error.Column).ShouldBe((2, 12));
    }

    [Fact]
    public void A_pattern_longer_than_any_path_on_the_command_line_is_named_cut_short()
    {
        var (exit, stdout, _) = ReportLintProcess.Run(ReportLintProcess.Workspace(), TooLong);

        exit.ShouldBe(2);
        stdout.ShouldContain("RL0101  模式超过 4096 个字符，不会有文件符合：reports/报告*报告*");
        stdout.Length.ShouldBeLessThan(1_000);
    }
}
