using ReportLint.Rules.Model;

namespace ReportLint.Rules.Diagnostics;

/// <summary>A kind of mistake in a rule file. Ids are never reused; each has a section in the doc page.</summary>
public sealed record DiagnosticKind(string Id, string Title, string MessageFormat, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public string HelpLink => RuleFileDiagnostics.HelpBase + "#" + Id.ToLowerInvariant();

    /// <summary>Longer than any id a template has; what the rule file wrote is quoted up to this many characters.</summary>
    public const int MaxQuoted = 100;

    public RuleDiagnostic At(SourceSpan span, params object[] args)
    {
        // An argument the message puts in quotes (“{1}”) is what the rule file wrote: an identifier of 100,000
        // characters was quoted whole, twice, in one build error.
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is string text && MessageFormat.Contains("“{" + i + "}”"))
            {
                args[i] = Brief(text);
            }
        }
        return new(Id, Severity, string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), span);
    }

    /// <summary>What the rule file wrote, as a message quotes it: cut at <see cref="MaxQuoted"/> characters with “…”.</summary>
    public static string Brief(string text) =>
        text.Length <= MaxQuoted ? text : text.Substring(0, char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted) + "…";
}

/// <summary>
/// The one catalog of rule-file diagnostics (RL0001–RL0099). Messages are Chinese first, then English,
/// and say what to do. Documented in docs/rule-file-diagnostics.md.
/// </summary>
public static class RuleFileDiagnostics
{
    public const string HelpBase = "docs/rule-file-diagnostics.md";

    public static readonly DiagnosticKind YamlSyntax = new(
        "RL0001", "YAML syntax error",
        "YAML 格式错误：{0}（技术信息：{1}） / YAML syntax error: {1}");

    public static readonly DiagnosticKind Structure = new(
        "RL0002", "Rule file structure",
        "{0}");

    public static readonly DiagnosticKind UnknownReference = new(
        "RL0003", "Unknown reference",
        "找不到 {0}“{1}”{2} / unknown {3} '{1}'{4}");

    public static readonly DiagnosticKind ExpressionSyntax = new(
        "RL0004", "Expression syntax error",
        "表达式有误 / expression error: {0}");

    public static readonly DiagnosticKind TypeMismatch = new(
        "RL0005", "Type mismatch",
        "{0}");

    public static readonly DiagnosticKind DuplicateId = new(
        "RL0006", "Duplicate id",
        "{0}“{1}”重复定义，首次定义在{4}第 {2} 行 / duplicate {3} '{1}', first defined {5}on line {2}");

    public static readonly DiagnosticKind UnknownPlaceholder = new(
        "RL0007", "Placeholder names nothing",
        "消息中的占位符 {{{0}}} 没有对应的值；可用：{1} / placeholder {{{0}}} names nothing; available: {1}");

    public static readonly DiagnosticKind NeverApplies = new(
        "RL0008", "Rule can never apply",
        "规则 {0} 永远不会生效：{1} / rule {0} can never apply: {2}");

    public static readonly DiagnosticKind InvalidIdentifier = new(
        "RL0009", "Invalid identifier",
        "{0}“{1}”不符合要求：{2} / invalid {3} '{1}': {4}");

    public static readonly DiagnosticKind UnknownFunction = new(
        "RL0010", "Unknown function or wrong arguments",
        "{0}");

    public static readonly DiagnosticKind BadPattern = new(
        "RL0012", "Invalid phrase pattern or section",
        "{0}");

    public static readonly DiagnosticKind BadExtends = new(
        "RL0011", "Template inheritance problem",
        "{0}");
}
