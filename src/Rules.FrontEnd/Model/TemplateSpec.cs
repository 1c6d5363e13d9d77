
namespace ReportLint.Rules.Model;

// The bound, checked form of a template: what the emitter turns into a validator.
// Records of strings, numbers, enums and equatable arrays only, so unchanged templates compare equal
// and the generator skips re-emitting them.




public sealed record TemplateSpec(
    string Name,
    string ClassName,
    string Title,
    string TitleEn,
    int FirstYear,
    int LastYear,
    string SourcePath,
    EquatableArray<TableSpec> Tables,
    EquatableArray<CellSpec> Cells,
    EquatableArray<RuleSpec> Rules,
    EquatableArray<NarrativeSpec> Narratives);

/// <summary>A phrase pattern some rule looks for in a narrative section; numbered per template.</summary>
public sealed record NarrativeSpec(string Section, string Pattern);

public sealed record TableSpec(
    string Id,
    string Short,
    string ShortEn,
    string Label,
    string LabelEn,
    EquatableArray<ColumnSpec> Columns,
    EquatableArray<GroupSpec> Groups,
    EquatableArray<RowSpec> Rows);

public sealed record ColumnSpec(string Id, string Label, string LabelEn, CellType Type, string? Unit);

public sealed record GroupSpec(string Id, string Label, string LabelEn, EquatableArray<string> Rows);

public sealed record RowSpec(string Id, string Label, string LabelEn, string? Block, string? Group, EquatableArray<string> Columns);

/// <summary>
/// One value slot of a report. Group-total cells (<see cref="IsGroupTotal"/>) hold a group reported as one row
/// (e.g. （六）其他处理 without its sub-rows); they are empty when the sub-rows are given.
/// </summary>
public sealed record CellSpec(
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
    public string Key => Table + "." + Row + "." + Column;
}


public sealed record MessageSegment(PlaceholderKind Kind, string Text, int Operand);

public sealed record RuleSpec(
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
    string CheckText,
    string? WhenText,
    string? Tolerance,
    bool IsComparison,
    bool UsesPrevious,
    EquatableArray<MessageSegment> Message,
    EquatableArray<MessageSegment> MessageEn,
    EquatableArray<string> OperandNames,
    EquatableArray<RuleInstance> Instances,
    EquatableArray<int> CellTargets,
    SourceSpan Span);

/// <summary>
/// The rule bound to one column, row or (for cell rules, with <see cref="Current"/>) any cell.
/// <see cref="Operands"/> gives the cell of each of the rule's <see cref="RuleSpec.OperandNames"/> (-1: not a single cell);
/// <see cref="Lhs"/>/<see cref="Rhs"/> list the cells a comparison adds up, for the arithmetic shown to people.
/// </summary>
public sealed record RuleInstance(
    string Subject,
    int SubjectCell,
    BoundExpr? When,
    BoundExpr Check,
    EquatableArray<int> Operands,
    EquatableArray<int> PreviousOperands,
    EquatableArray<int> Narratives,
    EquatableArray<string> ReportFields,
    EquatableArray<Term> Lhs,
    EquatableArray<Term> Rhs);

/// <summary>
/// A cell added (+1) or subtracted (-1) on one side; for a group, the group-total cell and its rows; <paramref name="Previous"/>:
/// the cell of last year's report.
/// </summary>
public sealed record Term(int Sign, int Cell, EquatableArray<int> GroupRows, bool Previous = false);
