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

public sealed record BoundSum(EquatableArray<BoundExpr> Items) : BoundExpr(ValueKind.Number);

public sealed record BoundUnary(string Operator, BoundExpr Operand, ValueKind ResultKind) : BoundExpr(ResultKind);

public sealed record BoundBinary(string Operator, BoundExpr Left, BoundExpr Right, ValueKind ResultKind) : BoundExpr(ResultKind);

public sealed record BoundCall(string Function, EquatableArray<BoundExpr> Arguments, ValueKind ResultKind) : BoundExpr(ResultKind);
