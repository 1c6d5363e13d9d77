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

    [Fact]
    public void Generated_patterns_match_what_the_regular_expression_they_stand_for_matches()
    {
        // The patterns' meaning as a regular expression (what Glob was built as), against the matcher that replaced it.
        var random = new Random(20261123);
        string[] pieces = ["a", "b", "/", "*", "**", "**/", "?", ".", "A"];
        var matched = 0;
        for (var n = 0; n < 4_000; n++)
        {
            var pattern = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            var path = new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => "ab/.A"[random.Next(5)])]);
            var expected = AsRegex(pattern).IsMatch(path);
            new Glob(pattern).IsMatch(path).ShouldBe(expected, $"{pattern} against {path}");
            matched += expected ? 1 : 0;
        }
        matched.ShouldBeGreaterThan(400);
    }

    private static System.Text.RegularExpressions.Regex AsRegex(string pattern)
    {
        var text = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                text.Append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : System.Text.RegularExpressions.Regex.Escape(c.ToString()));
            }
        }
        return new(text.Append("\\z").ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.NonBacktracking);
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
