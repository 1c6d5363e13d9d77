using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary><c>path(line,col): error RL1001: message</c> — the canonical line Visual Studio, Azure DevOps and MSBuild parse.</summary>
public sealed class MsBuildFormatter(Language language) : IFindingFormatter
{
    public void WriteFile(TextWriter output, FileResult file)
    {
        {
            foreach (var finding in file.Findings)
            {
                var severity = finding.Severity switch
                {
                    Severity.Error => "error",
                    Severity.Warning => "warning",
                    _ => "message",
                };
                var message = finding.MessageIn(language).Replace('\n', ' ').Replace('\r', ' ');
                output.WriteLine($"{file.Path}({finding.Line},{finding.Column}): {severity} {finding.RuleId}: {message}");
            }
        }
    }
}
