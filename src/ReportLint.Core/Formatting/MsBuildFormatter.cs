using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary><c>path(line,col): error RL1001: message</c> — the canonical line Visual Studio, Azure DevOps and MSBuild parse.</summary>
public sealed class MsBuildFormatter(Language language) : IFindingFormatter
{
    public void WriteFile(TextWriter output, FileResult file)
    {
        // One line per finding, whatever a message or a file name holds: control characters are shown, not acted on.
        var path = Quoted.Visible(file.Path);
        foreach (var finding in file.Findings)
        {
            var severity = finding.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "message",
            };
            output.WriteLine($"{path}({finding.Line},{finding.Column}): {severity} {finding.RuleId}: {Quoted.Visible(finding.MessageIn(language))}");
        }
    }

    /// <summary>
    /// Rules that could not be judged, as a plain line (no file, so no canonical form): in a build they were otherwise
    /// passed over in silence, where the text format lists them.
    /// </summary>
    public void End(TextWriter output, RunSummary summary)
    {
        if (summary.SkippedSentence(language) is { } skipped)
        {
            output.WriteLine($"reportlint: {skipped}");
        }
    }
}
