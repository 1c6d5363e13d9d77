using ReportLint.Validation;

namespace ReportLint.Findings;

/// <summary>
/// One problem found in one report file: what rule, where (1-based line and column in the file), which cell,
/// the message in Chinese and English, and for arithmetic rules every operand with its value.
/// </summary>
public sealed record Finding(
    string File,
    string RuleId,
    Severity Severity,
    string Message,
    string MessageEn,
    int Line,
    int Column)
{
    public string? CellKey { get; init; }

    public string? CellLabel { get; init; }

    public string? CellLabelEn { get; init; }

    public Arithmetic? Arithmetic { get; init; }

    public string? Template { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    /// <summary>
    /// For a report field of the wrong form (RL0104), the field: <c>year</c>, <c>agency.kind</c>, <c>units.…</c>,
    /// <c>tables.requests</c>, <c>published</c>… — so that a command can tell the fields it uses from the others.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>True when the file could not be checked at all (unreadable, malformed, unknown template): exit code 2.</summary>
    public bool IsInputError { get; init; }

    public string MessageIn(Language language) => language == Language.English ? MessageEn : Message;
}

/// <summary>Both sides of a failed comparison and their difference, each side with the cells it adds up.</summary>
public sealed record Arithmetic(Side? Lhs, Side? Rhs, decimal? Difference);

public sealed record Side(IReadOnlyList<Operand> Terms, decimal Total);

public sealed record Operand(string CellKey, string Label, string LabelEn, int Sign, string Value, string ValueEn);
