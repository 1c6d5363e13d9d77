using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules.Binding;

/// <summary>
/// Resolves <c>extends:</c>: a template file starts from its base template's tables and rules and changes them.
/// Tables, columns, groups, rows and rules with the id of an inherited one replace it in place; new ones are added
/// (a row after the row named by <c>after:</c>, else at the end); <c>remove-rows</c> and <c>remove-rules</c> drop them.
/// </summary>
internal static class TemplateMerger
{
    public static RuleFileSyntax? Resolve(RuleFileSyntax file, IReadOnlyDictionary<string, RuleFileSyntax> byName, List<RuleDiagnostic> diagnostics)
    {
        var chain = new List<RuleFileSyntax> { file };
        var current = file;
        while (current.Extends is { } extends)
        {
            if (!byName.TryGetValue(extends.Value, out var parent))
            {
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

    private static RuleFileSyntax Apply(RuleFileSyntax baseFile, RuleFileSyntax derived, List<RuleDiagnostic> diagnostics)
    {
        var tables = baseFile.Tables.ToList();
        foreach (var table in derived.Tables)
        {
            var index = tables.FindIndex(t => t.Id.Value == table.Id.Value);
            if (index < 0)
            {
                tables.Add(table);
                continue;
            }
            tables[index] = MergeTable(tables[index], table, diagnostics);
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
            if (index < 0)
            {
                rules.Add(rule);
            }
            else
            {
                rules[index] = rule;
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

    private static TableSyntax MergeTable(TableSyntax baseTable, TableSyntax derived, List<RuleDiagnostic> diagnostics)
    {
        var rows = baseTable.Rows.ToList();
        foreach (var removed in derived.RemoveRows)
        {
            if (rows.RemoveAll(r => r.Id.Value == removed.Value) == 0)
            {
                diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(removed.Span, "行", removed.Value, $"（表 {baseTable.Id.Value}）", "row", $" in table '{baseTable.Id.Value}'"));
            }
        }
        foreach (var row in derived.Rows)
        {
            var index = rows.FindIndex(r => r.Id.Value == row.Id.Value);
            if (index >= 0)
            {
                var old = rows[index];
                rows[index] = row with
                {
                    Label = row.Label ?? old.Label,
                    LabelEn = row.LabelEn ?? old.LabelEn,
                    Block = row.Block ?? old.Block,
                    Group = row.Group ?? old.Group,
                    Columns = row.Columns.Count > 0 ? row.Columns : old.Columns,
                };
                continue;
            }
            if (row.After is { } after)
            {
                var position = rows.FindIndex(r => r.Id.Value == after.Value);
                if (position < 0)
                {
                    diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(after.Span, "行", after.Value, "（after）", "row", " (after)"));
                    rows.Add(row);
                }
                else
                {
                    rows.Insert(position + 1, row);
                }
                continue;
            }
            rows.Add(row);
        }

        return baseTable with
        {
            Short = derived.Short ?? baseTable.Short,
            Label = derived.Label ?? baseTable.Label,
            LabelEn = derived.LabelEn ?? baseTable.LabelEn,
            Columns = MergeById(baseTable.Columns, derived.Columns, c => c.Id.Value),
            Groups = MergeById(baseTable.Groups, derived.Groups, g => g.Id.Value),
            Rows = rows.ToEquatableArray(),
            RemoveRows = EquatableArray<Located<string>>.Empty,
        };
    }

    private static EquatableArray<T> MergeById<T>(EquatableArray<T> items, EquatableArray<T> changes, System.Func<T, string> id)
        where T : System.IEquatable<T>
    {
        var list = items.ToList();
        foreach (var change in changes)
        {
            var index = list.FindIndex(x => id(x) == id(change));
            if (index < 0)
            {
                list.Add(change);
            }
            else
            {
                list[index] = change;
            }
        }
        return list.ToEquatableArray();
    }
}
