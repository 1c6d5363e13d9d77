using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=RL1001::message</c>.</summary>
public sealed class GithubFormatter(Language language) : IFindingFormatter
{
    public void WriteFile(TextWriter output, FileResult file)
    {
        foreach (var finding in file.Findings)
        {
            var command = finding.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            output.WriteLine($"::{command} file={Property(Quoted.Visible(finding.File))},line={finding.Line},col={finding.Column},title={Property(finding.RuleId)}::{Data(Quoted.Visible(finding.MessageIn(language)))}");
        }
    }

    /// <summary>Rules that could not be judged, as a notice on the run (the text format lists them; here they went unsaid).</summary>
    public void End(TextWriter output, RunSummary summary)
    {
        if (summary.SkippedSentence(language) is { } skipped)
        {
            output.WriteLine($"::notice title=reportlint::{Data(skipped)}");
        }
    }

    // Escaping as GitHub's toolkit does it (core/command.ts): data escapes % CR LF; properties also : and ,.
    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
