using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Binding;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules;

/// <summary>The result of binding every rule file of a build: one spec per template, and the problems found.</summary>
public sealed record BoundRuleSet(EquatableArray<TemplateSpec> Templates, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>
/// The front end's entry points: <see cref="Parse"/> reads one file; <see cref="Bind"/> resolves all files together
/// (templates may extend each other). Neither throws for anything a rule file contains.
/// </summary>
public static class RuleCompiler
{
    public static RuleFileSyntax Parse(string path, string text) => RuleFileParser.Parse(path, text);

    public static BoundRuleSet Bind(IEnumerable<RuleFileSyntax> files)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var byName = new Dictionary<string, RuleFileSyntax>(System.StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Template is not null).OrderBy(f => f.Path, System.StringComparer.Ordinal))
        {
            if (byName.TryGetValue(file.Template!.Value, out var first))
            {
                diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(file.Template.Span, "模板 ", file.Template.Value, first.Template!.Span.StartLine,
                    "template (also in " + first.Path + ")"));
                continue;
            }
            byName[file.Template.Value] = file;
        }

        var templates = new List<TemplateSpec>();
        var classNames = new HashSet<string>();
        foreach (var file in byName.Values.OrderBy(f => f.Template!.Value, System.StringComparer.Ordinal))
        {
            var merged = TemplateMerger.Resolve(file, byName, diagnostics);
            if (merged is null)
            {
                continue;
            }
            var before = diagnostics.Count;
            var spec = new TemplateBinder(diagnostics).Bind(merged, file.Path);
            NoteInheritedPlaces(diagnostics, before, file);
            if (spec is not null && classNames.Add(spec.ClassName))
            {
                templates.Add(spec);
            }
        }

        return new BoundRuleSet(templates.ToEquatableArray(), diagnostics.Distinct().ToEquatableArray());
    }

    /// <summary>
    /// A mistake found while binding a derived template may lie in text it inherited (a rule naming a row the derived
    /// template removed). It is reported where that text is, saying which template inherits it, since the base file
    /// on its own is fine.
    /// </summary>
    private static void NoteInheritedPlaces(List<RuleDiagnostic> diagnostics, int from, RuleFileSyntax file)
    {
        for (var i = from; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            if (diagnostic.Span.Path != file.Path)
            {
                var zh = $"（模板“{file.Template!.Value}”继承此处，见 {file.Path}）";
                var en = $" (inherited here by template '{file.Template.Value}', {file.Path})";
                var split = diagnostic.Message.IndexOf(" / ", System.StringComparison.Ordinal);
                diagnostics[i] = diagnostic with
                {
                    Message = split < 0
                        ? diagnostic.Message + zh + en
                        : diagnostic.Message.Substring(0, split) + zh + diagnostic.Message.Substring(split) + en,
                };
            }
        }
    }
}
