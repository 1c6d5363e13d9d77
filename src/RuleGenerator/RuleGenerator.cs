using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ReportLint.Generator;

/// <summary>
/// rules/*.yaml (AdditionalFiles marked <c>ReportLintRules="true"</c>) → parse → bind/check → one validator class
/// per template, plus a catalog of all templates. Problems in a rule file are reported as build errors located in it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class RuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var ruleFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => pair.Right.GetOptions(pair.Left).TryGetValue("build_metadata.AdditionalFiles.ReportLintRules", out var flag)
                && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.RuleFiles);

        var parsed = ruleFiles
            .Select(static (file, token) => ParseRuleFile(file, token))
            .WithTrackingName(TrackingNames.Parse);

        context.RegisterSourceOutput(parsed, static (spc, file) =>
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                spc.ReportDiagnostic(ToDiagnostic(diagnostic));
            }
        });

        var bound = parsed.Collect()
            .Select(static (files, token) => BindAll(files, token))
            .WithTrackingName(TrackingNames.Bind);

        context.RegisterSourceOutput(bound.Select(static (set, _) => set.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(ToDiagnostic(diagnostic));
            }
        });

        var templates = bound
            .SelectMany(static (set, _) => set.Templates)
            .WithTrackingName(TrackingNames.Templates);

        context.RegisterSourceOutput(templates, static (spc, template) =>
            spc.AddSource(template.ClassName + ".g.cs", Emitter.EmitTemplate(template)));

        var catalog = bound
            .Select(static (set, _) => set.Templates.Select(t => t.ClassName).ToEquatableArrayOfStrings())
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (spc, classNames) =>
            spc.AddSource("TemplateCatalog.g.cs", Emitter.EmitCatalog(classNames)));
    }
}

internal static class EnumerableExtensions
{
    public static Rules.Model.EquatableArray<string> ToEquatableArrayOfStrings(this System.Collections.Generic.IEnumerable<string> items) =>
        new(items);
}
