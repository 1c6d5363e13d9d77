using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules.Binding;

/// <summary>
/// Resolves <c>extends:</c>: a template file starts from its base template's tables and rules and changes them.
/// Tables are merged by <see cref="TableMerger"/> (or replaced wholesale with <c>replace: true</c>). A rule with the id
/// of an inherited one changes it key by key: the keys written replace the inherited ones, the others are kept.
/// New rules are added; <c>remove-rules</c> drops inherited ones first.
/// </summary>
internal static class TemplateMerger
{
    /// <param name="unreadable">Rule files whose template could not be read (their own YAML errors are reported): a base
    /// in one of them is not also "not found".</param>
    public static RuleFileSyntax? Resolve(RuleFileSyntax file, IReadOnlyDictionary<string, RuleFileSyntax> byName, IReadOnlyList<string> unreadable, List<RuleDiagnostic> diagnostics)
    {
        if (file.Extends is null)
        {
            ReportInheritanceKeysWithoutExtends(file, diagnostics);
            return file;
        }

        var chain = new List<RuleFileSyntax> { file };
        var current = file;
        while (current.Extends is { } extends)
        {
            if (!byName.TryGetValue(extends.Value, out var parent))
            {
                if (unreadable.Any(path => string.Equals(System.IO.Path.GetFileNameWithoutExtension(path), extends.Value, System.StringComparison.Ordinal)))
                {
                    // rules/2021.yaml has a YAML error: that error is the one to fix, not "2019 extends an unknown 2021".
                    return null;
                }
                diagnostics.Add(RuleFileDiagnostics.BadExtends.At(extends.Span,
                    $"找不到被继承的模板“{extends.Value}”；可用：{string.Join("、", byName.Keys.OrderBy(k => k, System.StringComparer.Ordinal))} / " +
                    $"extends names unknown template '{extends.Value}'"));
                return null;
            }
            if (chain.Contains(parent))
            {
                diagnostics.Add(RuleFileDiagnostics.BadExtends.At(extends.Span,
                    $"模板继承形成了循环：{string.Join(" → ", chain.Select(c => c.Template?.Value))} → {parent.Template?.Value} / templates extend each other in a cycle"));
                return null;
            }
            chain.Add(parent);
            current = parent;
        }

        var merged = chain[chain.Count - 1];
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            merged = Apply(merged, chain[i], diagnostics);
        }
        return merged;
    }

    /// <summary>remove-…, replace and after only mean something against an inherited template; elsewhere they would be silently ignored.</summary>
    private static void ReportInheritanceKeysWithoutExtends(RuleFileSyntax file, List<RuleDiagnostic> diagnostics)
    {
        var misplaced = file.RemoveRules.Select(r => (Key: "remove-rules", r.Span))
            .Concat(file.Tables.SelectMany(t => t.RemoveRows.Select(r => (Key: "remove-rows", r.Span))
                .Concat(t.RemoveColumns.Select(c => (Key: "remove-columns", c.Span)))
                .Concat(t.RemoveGroups.Select(g => (Key: "remove-groups", g.Span)))
                .Concat(t.ReplacesInherited ? new[] { (Key: "replace", t.Replace!.Span) } : Enumerable.Empty<(string, SourceSpan)>())
                .Concat(t.Rows.Where(r => r.After is not null).Select(r => (Key: "after", r.After!.Span)))));
        foreach (var (key, span) in misplaced)
        {
            diagnostics.Add(RuleFileDiagnostics.BadExtends.At(span,
                $"“{key}”只能用在继承其他模板（extends:）的文件中；本文件没有 extends，请删去它 / '{key}' only applies in a file with 'extends:'; this file extends nothing"));
        }
    }

    private static RuleFileSyntax Apply(RuleFileSyntax baseFile, RuleFileSyntax derived, List<RuleDiagnostic> diagnostics)
    {
        // Merging by id would otherwise fold a second entry with the same id into the first, key by key, unseen.
        ReportDuplicates(derived.Tables.Select(t => t.Id), "表 ", "table", diagnostics);
        foreach (var table in derived.Tables)
        {
            ReportDuplicates(table.Columns.Select(c => c.Id), "列 ", "column", diagnostics);
            ReportDuplicates(table.Groups.Select(g => g.Id), "分组 ", "group", diagnostics);
            ReportDuplicates(table.Rows.Select(r => r.Id), "行 ", "row", diagnostics);
        }
        ReportDuplicates(derived.Rules.Select(r => r.Id), "规则 ", "rule", diagnostics);

        var tables = baseFile.Tables.ToList();
        foreach (var table in derived.Tables)
        {
            var index = tables.FindIndex(t => t.Id.Value == table.Id.Value);
            if (index < 0)
            {
                tables.Add(TableMerger.AddNew(table, diagnostics));
            }
            else
            {
                tables[index] = TableMerger.Merge(tables[index], table, diagnostics);
            }
        }

        var rules = baseFile.Rules.ToList();
        foreach (var removed in derived.RemoveRules)
        {
            if (rules.RemoveAll(r => r.Id.Value == removed.Value) == 0)
            {
                diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(removed.Span, "规则", removed.Value, "（remove-rules）", "rule", " (remove-rules)"));
            }
        }
        foreach (var rule in derived.Rules)
        {
            var index = rules.FindIndex(r => r.Id.Value == rule.Id.Value);
            if (index < 0 && rule.Title is null && rule.Why is null && rule.Message is null)
            {
                // Written like a change to an inherited rule (only the keys that change), but no inherited rule has this id:
                // a mistyped id (RL1030 for RL1003). Told as a new rule missing its texts, the officer would have written
                // them and added a rule, leaving the one they meant unchanged.
                var nearest = EditDistance.Nearest(rule.Id.Value, baseFile.Rules.Select(r => r.Id.Value).ToList(), 2);
                diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(rule.Id.Span, "要修改的继承规则", rule.Id.Value,
                    $"：模板“{baseFile.Template?.Value}”没有这个编号的规则{(nearest is null ? "" : $"，是否应为“{nearest}”？")}（新规则要写 title、why 和 message）",
                    "inherited rule to change", $": template '{baseFile.Template?.Value}' has no rule with this id{(nearest is null ? "" : $"; did you mean '{nearest}'?")} (a new rule needs title, why and message)"));
                continue;
            }
            if (index < 0)
            {
                rules.Add(rule);
            }
            else
            {
                rules[index] = MergeRule(rules[index], rule);
            }
        }

        return derived with
        {
            Tables = tables.ToEquatableArray(),
            Rules = rules.ToEquatableArray(),
            Title = derived.Title ?? baseFile.Title,
            TitleEn = derived.TitleEn ?? baseFile.TitleEn,
            Years = derived.Years ?? baseFile.Years,
            Extends = null,
            RemoveRules = EquatableArray<Located<string>>.Empty,
        };
    }

    private static void ReportDuplicates(IEnumerable<Located<string>> ids, string what, string whatEn, List<RuleDiagnostic> diagnostics)
    {
        var first = new Dictionary<string, SourceSpan>(System.StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (first.TryGetValue(id.Value, out var span))
            {
                diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(id.Span, what, id.Value, span.StartLine, whatEn, "", ""));
            }
            else
            {
                first[id.Value] = id.Span;
            }
        }
    }

    /// <summary>An inherited rule changed in place: what the derived file writes wins, the rest is inherited.</summary>
    private static RuleSyntax MergeRule(RuleSyntax inherited, RuleSyntax change) => change with
    {
        Name = change.Name ?? inherited.Name,
        Severity = change.Severity ?? inherited.Severity,
        Basis = change.Basis ?? inherited.Basis,
        Table = change.Table ?? inherited.Table,
        Each = change.Each ?? inherited.Each,
        Types = change.Types.Count > 0 ? change.Types : inherited.Types,
        When = change.When ?? inherited.When,
        Check = change.Check ?? inherited.Check,
        Tolerance = change.Tolerance ?? inherited.Tolerance,
        Title = change.Title ?? inherited.Title,
        TitleEn = change.TitleEn ?? inherited.TitleEn,
        Message = change.Message ?? inherited.Message,
        MessageEn = change.MessageEn ?? inherited.MessageEn,
        Why = change.Why ?? inherited.Why,
        ExamplePass = change.ExamplePass ?? inherited.ExamplePass,
        ExampleFail = change.ExampleFail ?? inherited.ExampleFail,
    };
}
