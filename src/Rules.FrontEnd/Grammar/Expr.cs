using ReportLint.Rules.Model;
using Sprache;

namespace ReportLint.Rules.Grammar;

/// <summary>
/// The expression syntax tree. Records only (no parser objects), so it can sit in the generator's cached models.
/// Spans are relative to the expression text until <see cref="ExprRelocator"/> moves them into the rule file.
/// </summary>
public abstract record Expr : IPositionAware<Expr>
{
    public SourceSpan Span { get; init; } = SourceSpan.At("", 0, 1, 1);

    public Expr SetPos(Position startPos, int length) =>
        this with { Span = new SourceSpan("", startPos.Pos, startPos.Pos + length, startPos.Line, startPos.Column, startPos.Line, startPos.Column + length) };
}

/// <summary>A number exactly as written (kept as text so that no precision is lost before code is emitted).</summary>
public sealed record NumberLiteral(string Text) : Expr;

public sealed record TextLiteral(string Value) : Expr;

/// <summary>A name or a dotted path: <c>total</c>, <c>disclosed.total</c>, <c>requests.disclosed.total</c>, <c>value</c>.</summary>
public sealed record Reference(EquatableArray<string> Parts) : Expr
{
    public string Path => string.Join(".", Parts);
}

/// <summary><c>from..to</c>: consecutive rows (or columns) of a table, only as an argument of <c>sum</c>.</summary>
public sealed record RangeArgument(Reference From, Reference To) : Expr;

public sealed record Call(string Name, EquatableArray<Expr> Arguments) : Expr;

public sealed record Unary(string Operator, Expr Operand) : Expr;

public sealed record Binary(string Operator, Expr Left, Expr Right) : Expr;
