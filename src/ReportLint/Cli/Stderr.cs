using ReportLint.Findings;

namespace ReportLint.Cli;

/// <summary>
/// Messages on standard error that repeat what was typed or named — an option's value, a path, a rule id — with their
/// control characters shown, not acted on (<see cref="Quoted.Visible"/>): <c>reportlint explain $'\e[2J'</c> cleared
/// the terminal. The message's own line breaks are kept.
/// </summary>
internal static class Stderr
{
    public static void Line(string message) => Console.Error.WriteLine(Quoted.VisibleLines(message));
}
