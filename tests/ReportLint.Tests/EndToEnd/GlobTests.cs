using ReportLint.Configuration;

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
}
