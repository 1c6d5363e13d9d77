using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ReportLint.Rules;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Generator;

public sealed partial class RuleGenerator
{
    /// <summary>Reads one rule file through the shared front end. A failure of our own becomes a diagnostic, never an exception.</summary>
    private static RuleFileSyntax ParseRuleFile(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        try
        {
            return RuleCompiler.Parse(file.Path, text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var diagnostic = new RuleDiagnostic("RL0099", Rules.Model.DiagnosticSeverity.Error,
                $"读取规则文件时出现内部错误，请报告此问题 / internal error while reading the rule file: {e.GetType().Name}: {e.Message}",
                SourceSpan.At(file.Path, 0, 1, 1));
            return new RuleFileSyntax(file.Path, null, null, null, null, null,
                EquatableArray<Rules.Parsing.TableSyntax>.Empty, EquatableArray<RuleSyntax>.Empty,
                EquatableArray<Located<string>>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static BoundRuleSet BindAll(System.Collections.Immutable.ImmutableArray<RuleFileSyntax> files, CancellationToken cancellationToken)
    {
        try
        {
            return RuleCompiler.Bind(files);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var path = files.Length > 0 ? files[0].Path : "rules";
            var diagnostic = new RuleDiagnostic("RL0099", Rules.Model.DiagnosticSeverity.Error,
                $"检查规则时出现内部错误，请报告此问题 / internal error while binding rules: {e.GetType().Name}: {e.Message}",
                SourceSpan.At(path, 0, 1, 1));
            return new BoundRuleSet(EquatableArray<TemplateSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static Diagnostic ToDiagnostic(RuleDiagnostic diagnostic)
    {
        var descriptor = new DiagnosticDescriptor(
            diagnostic.Id,
            diagnostic.Id,
            "{0}",
            "ReportLint.Rules",
            diagnostic.Severity == Rules.Model.DiagnosticSeverity.Error ? Microsoft.CodeAnalysis.DiagnosticSeverity.Error : Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: Rules.Diagnostics.RuleFileDiagnostics.HelpBase + "#" + diagnostic.Id.ToLowerInvariant());
        var span = diagnostic.Span;
        var location = Location.Create(
            span.Path,
            new TextSpan(span.StartOffset, Math.Max(0, span.EndOffset - span.StartOffset)),
            new LinePositionSpan(new LinePosition(span.StartLine - 1, span.StartColumn - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        return Diagnostic.Create(descriptor, location, diagnostic.Message);
    }
}
