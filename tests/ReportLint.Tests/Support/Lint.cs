using System.Text;
using ReportLint.Formatting;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Tests.Support;

/// <summary>Runs the linter in process and renders findings as sorted msbuild lines, the snapshot format.</summary>
public static class Lint
{
    public static readonly Linter Linter = new(TemplateRegistry.Default);

    public static IReadOnlyList<Findings.Finding> Text(string displayPath, string json) =>
        Linter.Lint(displayPath, Encoding.UTF8.GetBytes(json));

    /// <summary>Findings of the report-file checks and the table rules, without the narrative (RL11xx), year-over-year (RL12xx) and statutory (RL13xx) ones.</summary>
    /// <summary>The table rules' findings and the problems of the file, without the note that a group is given as its total (RL0118).</summary>
    public static IReadOnlyList<Findings.Finding> Tables(string displayPath, string json) =>
        Text(displayPath, json).Where(f => IsTableOrInput(f) && f.RuleId != Findings.InputRule.GroupAsTotal.Id).ToList();

    public static bool IsTableOrInput(Findings.Finding finding) => finding.RuleId[..4] is not ("RL11" or "RL12" or "RL13");

    public static string Render(IEnumerable<Findings.Finding> findings, Language language = Language.Chinese)
    {
        var writer = new StringWriter();
        new MsBuildFormatter(language).Write(writer, [new FileResult(findings.FirstOrDefault()?.File ?? "", findings.ToList())], RunSummary.Of([], TimeSpan.Zero));
        return string.Join("\n", writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(l => l, StringComparer.Ordinal));
    }

    public static string Example(string name) => File.ReadAllText(Path.Combine(Paths.Examples, name));

    /// <summary>Changes exactly one place of a real report; fails loudly if the text to change is not there once.</summary>
    public static string Mutate(string json, string from, string to)
    {
        var first = json.IndexOf(from, StringComparison.Ordinal);
        first.ShouldBeGreaterThanOrEqualTo(0, $"'{from}' not in the fixture");
        json.IndexOf(from, first + 1, StringComparison.Ordinal).ShouldBe(-1, $"'{from}' is not unique in the fixture");
        return json[..first] + to + json[(first + from.Length)..];
    }
}
