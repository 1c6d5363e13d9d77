namespace ReportLint.Rules.Model;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem in a rule file, kept as plain data until it is reported (as a Roslyn diagnostic by the generator,
/// or as text by a test). The message is final text: every argument is already filled in.
/// </summary>
public sealed record RuleDiagnostic(string Id, DiagnosticSeverity Severity, string Message, SourceSpan Span)
{
    public override string ToString() =>
        $"{Span}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Id}: {Message}";
}
