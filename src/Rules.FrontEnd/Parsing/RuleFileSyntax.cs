using ReportLint.Rules.Grammar;
using ReportLint.Rules.Model;

namespace ReportLint.Rules.Parsing;

// What one rule file says, as written, with a location for everything a diagnostic may point at.
// Nothing is resolved here: references are checked by the binder, which sees every file.

public sealed record RuleFileSyntax(
    string Path,
    Located<string>? Template,
    string? Title,
    string? TitleEn,
    Located<string>? Years,
    Located<string>? Extends,
    EquatableArray<TableSyntax> Tables,
    EquatableArray<RuleSyntax> Rules,
    EquatableArray<Located<string>> RemoveRules,
    EquatableArray<RuleDiagnostic> Diagnostics);

public sealed record TableSyntax(
    Located<string> Id,
    string? Short,
    string? ShortEn,
    string? Label,
    string? LabelEn,
    EquatableArray<ColumnSyntax> Columns,
    EquatableArray<GroupSyntax> Groups,
    EquatableArray<RowSyntax> Rows,
    EquatableArray<Located<string>> RemoveRows,
    EquatableArray<Located<string>> RemoveColumns,
    EquatableArray<Located<string>> RemoveGroups,
    Located<string>? Replace)
{
    /// <summary><c>replace: true</c>: this table is defined here wholesale; nothing of the inherited one is kept.</summary>
    public bool ReplacesInherited => Replace?.Value == "true";
}

public sealed record ColumnSyntax(Located<string> Id, string? Label, string? LabelEn, Located<string>? Type, Located<string>? Unit);

public sealed record GroupSyntax(Located<string> Id, string? Label, string? LabelEn);

public sealed record RowSyntax(
    Located<string> Id,
    string? Label,
    string? LabelEn,
    string? Block,
    Located<string>? Group,
    EquatableArray<Located<string>> Columns,
    Located<string>? After);

public sealed record RuleSyntax(
    Located<string> Id,
    SourceSpan Span,
    string? Name,
    Located<string>? Severity,
    Located<string>? Basis,
    Located<string>? Table,
    Located<string>? Each,
    EquatableArray<Located<string>> Types,
    ExpressionSyntax? When,
    ExpressionSyntax? Check,
    Located<string>? Tolerance,
    string? Title,
    string? TitleEn,
    MessageSyntax? Message,
    MessageSyntax? MessageEn,
    string? Why,
    string? ExamplePass,
    string? ExampleFail);

/// <summary>An expression as written (for display) and as parsed (null when it did not parse; the error is in the file's diagnostics).</summary>
public sealed record ExpressionSyntax(string Text, SourceSpan Span, Expr? Tree);

/// <summary>A message split into literal text and <c>{placeholder}</c> parts, each located in the file.</summary>
public sealed record MessageSyntax(string Text, SourceSpan Span, EquatableArray<MessagePart> Parts);

public sealed record MessagePart(string Text, bool IsPlaceholder, SourceSpan Span);
