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

    public static BoundRuleSet Bind(IEnumerable<RuleFileSyntax> rulesFiles)
    {
        var files = rulesFiles.ToList();
        var diagnostics = new List<RuleDiagnostic>();
        var byName = new Dictionary<string, RuleFileSyntax>(System.StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Template is not null).OrderBy(f => f.Path, System.StringComparer.Ordinal))
        {
            if (byName.TryGetValue(file.Template!.Value, out var first))
            {
                // The first definition is in another file: said in both languages (the Chinese used to give only a line number).
                var where = System.IO.Path.GetFileName(first.Path);
                diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(file.Template.Span, "模板 ", file.Template.Value, first.Template!.Span.StartLine,
                    "template", $" {where} ", $"in {where} "));
                continue;
            }
            byName[file.Template.Value] = file;
        }

        var unreadable = files.Where(f => f.Template is null).Select(f => f.Path).ToList();
        var templates = new List<TemplateSpec>();
        var inherited = new Dictionary<RuleDiagnostic, RuleDiagnostic>();
        var classNames = new Dictionary<string, string>(System.StringComparer.Ordinal);
        // Where each template's years are written, to point at the second of two that overlap.
        var yearsAt = new List<SourceSpan>();
        foreach (var file in byName.Values.OrderBy(f => f.Template!.Value, System.StringComparer.Ordinal))
        {
            var merged = TemplateMerger.Resolve(file, byName, unreadable, diagnostics);
            if (merged is null)
            {
                continue;
            }
            var before = diagnostics.Count;
            var spec = new TemplateBinder(diagnostics).Bind(merged, file.Path);
            NoteInheritedPlaces(diagnostics, before, file, inherited);
            if (spec is null)
            {
                continue;
            }
            if (classNames.TryGetValue(spec.ClassName, out var other))
            {
                diagnostics.Add(RuleFileDiagnostics.InvalidIdentifier.At(file.Template!.Span, "模板名称", spec.Name,
                    $"与模板“{other}”只差 - 和 _，生成的代码中会用同一个名字；请换一个名称", "template name", $"it differs from template '{other}' only in '-' and '_', which the generated code cannot tell apart; choose another name"));
                continue;
            }
            classNames[spec.ClassName] = spec.Name;
            templates.Add(spec);
            yearsAt.Add(file.Years?.Span ?? file.Template!.Span);
        }
        CheckYearsDoNotOverlap(templates, yearsAt, diagnostics);

        // A mistake in a base file is reported there once: not again for each template that inherits it — even when the
        // inheriting template words it differently (its own rows suggested for a misspelt one).
        var reported = new HashSet<(string, SourceSpan)>(diagnostics.Where(d => !inherited.ContainsKey(d)).Select(d => (d.Id, d.Span)));
        diagnostics.RemoveAll(d => inherited.TryGetValue(d, out var original) && reported.Contains((original.Id, original.Span)));

        return new BoundRuleSet(templates.ToEquatableArray(), diagnostics.Distinct().ToEquatableArray());
    }

    /// <summary>
    /// A report's year chooses its template, so no year may belong to two: a copied file whose years were not changed
    /// (or a derived file that inherits its base's) would otherwise silently take the other template's reports.
    /// </summary>
    private static void CheckYearsDoNotOverlap(List<TemplateSpec> templates, List<SourceSpan> yearsAt, List<RuleDiagnostic> diagnostics)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            for (var j = i + 1; j < templates.Count; j++)
            {
                var (a, b) = (templates[i], templates[j]);
                if (a.FirstYear <= b.LastYear && b.FirstYear <= a.LastYear)
                {
                    diagnostics.Add(RuleFileDiagnostics.Structure.At(yearsAt[j],
                        $"模板“{b.Name}”适用于{Years(b, true)}，与模板“{a.Name}”的{Years(a, true)}重叠：同一年度的报告只能按一个模板检查。请用 years 写出互不重叠的年度，如 years: 2019-2020 和 years: 2021- / " +
                        $"template '{b.Name}' applies to {Years(b, false)}, which overlaps template '{a.Name}' ({Years(a, false)}): a report year must choose one template. Give them years that do not overlap, such as years: 2019-2020 and years: 2021-"));
                }
            }
        }
    }

    private static string Years(TemplateSpec t, bool chinese) => (t.FirstYear, t.LastYear) switch
    {
        (0, 9999) => chinese ? "所有年度（没有写 years）" : "every year (no 'years')",
        (var first, 9999) => chinese ? $" {first} 年起" : $"{first} on",
        var (first, last) when first == last => chinese ? $" {first} 年" : $"{first}",
        var (first, last) => chinese ? $" {first}–{last} 年" : $"{first}–{last}",
    };

    /// <summary>
    /// A mistake found while binding a derived template may lie in text it inherited (a rule naming a row the derived
    /// template removed). It is reported where that text is, saying which template inherits it, since the base file
    /// on its own is fine.
    /// </summary>
    private static void NoteInheritedPlaces(List<RuleDiagnostic> diagnostics, int from, RuleFileSyntax file, Dictionary<RuleDiagnostic, RuleDiagnostic> inherited)
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
                inherited[diagnostics[i]] = diagnostic;
            }
        }
    }
}
