using System.Text.RegularExpressions;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Guide;

/// <summary>
/// The example of docs/adding-a-template-year.md, read from the page itself, so the guide and its test cannot drift
/// apart: the made-up rules/2099.yaml, and the line that ends rules/2021.yaml's years.
/// </summary>
public static class GuideExample
{
    public static string GuidePath => Path.Combine(Paths.RepoRoot, "docs", "adding-a-template-year.md");

    public static string Guide { get; } = File.ReadAllText(GuidePath).Replace("\r\n", "\n");

    private static IReadOnlyList<string> YamlBlocks { get; } =
        Regex.Matches(Guide, "```yaml\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Step 4: the whole file, as the guide prints it.</summary>
    public static string Template2099 { get; } = YamlBlocks.Single(b => b.StartsWith("# rules/2099.yaml\n", StringComparison.Ordinal));

    /// <summary>Step 2: the changed line of rules/2021.yaml.</summary>
    public static string ClosedYearsLine { get; } =
        YamlBlocks.Single(b => b.StartsWith("# rules/2021.yaml, changed line\n", StringComparison.Ordinal)).Split('\n')[1];

    public static string Rules2021 { get; } = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml"));

    /// <summary>rules/2021.yaml with step 2 applied.</summary>
    public static string Rules2021Closed { get; } = ReplaceYears(Rules2021, ClosedYearsLine);

    private static string ReplaceYears(string yaml, string yearsLine)
    {
        var lines = yaml.Split('\n');
        lines.Count(l => l.StartsWith("years: ", StringComparison.Ordinal)).ShouldBe(1);
        return string.Join("\n", lines.Select(l => l.StartsWith("years: ", StringComparison.Ordinal) ? yearsLine : l));
    }
}
