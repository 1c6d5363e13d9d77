using ReportLint.Findings;

namespace ReportLint.Importing;

/// <summary>The diagnostics of one import, each pointing at a line of the source file.</summary>
public sealed class ImportDiagnostics(string path)
{
    public List<Finding> Findings { get; } = [];

    public Finding Add(InputRule rule, int line, int column, string message, string messageEn, string? cellKey = null, string? cellLabel = null, string? cellLabelEn = null)
    {
        var finding = new Finding(path, rule.Id, rule.Severity, message, messageEn, Math.Max(1, line), Math.Max(1, column))
        {
            CellKey = cellKey,
            CellLabel = cellLabel,
            CellLabelEn = cellLabelEn,
            IsInputError = rule.StopsChecking,
        };
        Findings.Add(finding);
        return finding;
    }

    /// <summary>Records a diagnostic that ends the import of this file; throw what it returns.</summary>
    public ImportStoppedException Stop(InputRule rule, int line, int column, string message, string messageEn) =>
        new(Add(rule, line, column, message, messageEn));
}

public sealed class ImportStoppedException(Finding finding) : Exception(finding.MessageEn)
{
    public Finding Finding { get; } = finding;
}
