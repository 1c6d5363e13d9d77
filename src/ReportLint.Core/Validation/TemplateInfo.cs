namespace ReportLint.Validation;

// The runtime description of a template, emitted as static data by the generator from the rule YAML.

public sealed record ColumnInfo(string Id, string Label, string LabelEn, CellType Type, string? Unit);

public sealed record GroupInfo(string Id, string Label, string LabelEn, string[] Rows);

public sealed record RowInfo(string Id, string Label, string LabelEn, string? Block, string? Group, string[] Columns);

public sealed record TableInfo(string Id, string Short, string ShortEn, string Label, string LabelEn, ColumnInfo[] Columns, GroupInfo[] Groups, RowInfo[] Rows);

public sealed record CellInfo(
    int Index,
    string Table,
    string Row,
    string Column,
    CellType Type,
    bool IsGroupTotal,
    string? Group,
    string TableLabel,
    string RowLabel,
    string ColumnLabel,
    string TableLabelEn,
    string RowLabelEn,
    string ColumnLabelEn)
{
    public string Key { get; } = Table + "." + Row + "." + Column;

    /// <summary>How people name the cell: 表三 / （一）予以公开 / 自然人.</summary>
    public string Label(Language language) => language == Language.English
        ? $"{TableLabelEn} / {RowLabelEn} / {ColumnLabelEn}"
        : $"{TableLabel} / {RowLabel} / {ColumnLabel}";
}

public sealed record MessagePart(PlaceholderKind Kind, string Text, int Operand);

/// <summary>A cell added (+1) or subtracted (-1) on one side of a comparison; for a group, its total cell and its rows.</summary>
/// <summary>A cell a side of a comparison adds up (for the arithmetic in findings); <paramref name="Previous"/>: of last year's report.</summary>
public sealed record Term(int Sign, int Cell, int[] GroupRows, bool Previous = false);

public sealed record RuleInstanceInfo(string Subject, string SubjectLabel, string SubjectLabelEn, int[] Operands, int[] PreviousOperands, int[] Narratives, string[] ReportFields, Term[] Lhs, Term[] Rhs);

/// <summary>A phrase pattern rules look for in a narrative section (docs/rules.md, “Narrative”).</summary>
public sealed record NarrativeInfo(string Section, string Pattern);

public sealed record RuleInfo(
    string Id,
    string Name,
    Severity Severity,
    string Basis,
    RuleScope Scope,
    string? Table,
    string Title,
    string TitleEn,
    string Why,
    string? ExamplePass,
    string? ExampleFail,
    string Check,
    string? When,
    decimal Tolerance,
    bool IsComparison,
    bool UsesPrevious,
    MessagePart[] Message,
    MessagePart[] MessageEn,
    string[] OperandNames,
    RuleInstanceInfo[] Instances,
    int[] CellTargets,
    string SourceFile,
    int SourceLine);

public enum Language
{
    Chinese,
    English,
}
