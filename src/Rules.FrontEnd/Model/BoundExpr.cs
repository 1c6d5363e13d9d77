namespace ReportLint.Rules.Model;

public enum ValueKind
{
    Number,
    Boolean,
}

/// <summary>An expression with every reference resolved to a cell index and every operand type-checked.</summary>
public abstract record BoundExpr(ValueKind Kind);

public sealed record BoundNumber(string Text) : BoundExpr(ValueKind.Number);

public sealed record BoundCell(int Index) : BoundExpr(ValueKind.Number);

/// <summary>The cell a cell rule is looking at (<c>value</c>).</summary>
public sealed record BoundCurrentCell() : BoundExpr(ValueKind.Number);

/// <summary>A group's value: its group-total cell when the report gives one, else the sum of its rows.</summary>
public sealed record BoundGroupSum(int GroupCell, EquatableArray<int> RowCells) : BoundExpr(ValueKind.Number);

/// <summary>The number a phrase pattern finds in a narrative section (<c>stated("overview", "收到*申请{n}件")</c>).</summary>
public sealed record BoundStated(int Pattern) : BoundExpr(ValueKind.Number);

/// <summary>Whether a narrative section contains a phrase (<c>mentions("overview", "均已办结")</c>).</summary>
public sealed record BoundMentions(int Pattern) : BoundExpr(ValueKind.Boolean);

/// <summary>Whether a narrative section is missing or blank (<c>empty("problems")</c>).</summary>
public sealed record BoundSectionEmpty(string Section) : BoundExpr(ValueKind.Boolean);

/// <summary>A cell of last year's report of the same agency (<c>previous.carried_forward</c>).</summary>
public sealed record BoundPreviousCell(int Index) : BoundExpr(ValueKind.Number);

/// <summary>A fact about the report itself: <c>report.year</c>, <c>report.published</c>, <c>report.government</c>, …</summary>
public sealed record BoundReportValue(string Name, ValueKind ResultKind) : BoundExpr(ResultKind);

/// <summary><c>deadline("03-31")</c>: that day of the year after the report year, counted like <c>report.published</c>.</summary>
public sealed record BoundDeadline(int Month, int Day) : BoundExpr(ValueKind.Number);

public sealed record BoundSum(EquatableArray<BoundExpr> Items) : BoundExpr(ValueKind.Number);

public sealed record BoundUnary(string Operator, BoundExpr Operand, ValueKind ResultKind) : BoundExpr(ResultKind);

public sealed record BoundBinary(string Operator, BoundExpr Left, BoundExpr Right, ValueKind ResultKind) : BoundExpr(ResultKind);

public sealed record BoundCall(string Function, EquatableArray<BoundExpr> Arguments, ValueKind ResultKind) : BoundExpr(ResultKind);
