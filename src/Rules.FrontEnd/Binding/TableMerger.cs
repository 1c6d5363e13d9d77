using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules.Binding;

/// <summary>
/// One table of a template that extends another. Either <c>replace: true</c> (the table is written out in full and
/// nothing is inherited), or a list of changes to the inherited table, applied in this order: <c>remove-rows</c>,
/// <c>remove-groups</c>, <c>remove-columns</c>; then columns, groups and rows with an inherited id change it in place
/// and new ones are added (a row after the row named by <c>after:</c>, else at the end).
/// </summary>
internal static class TableMerger
{
    /// <summary>A table the base template does not have: there is nothing to replace or remove.</summary>
    public static TableSyntax AddNew(TableSyntax table, List<RuleDiagnostic> diagnostics)
    {
        if (table.ReplacesInherited)
        {
            diagnostics.Add(RuleFileDiagnostics.BadExtends.At(table.Replace!.Span,
                $"被继承的模板中没有表“{table.Id.Value}”，replace: true 没有可替换的表；新表不需要写 replace / " +
                $"the inherited template has no table '{table.Id.Value}' to replace; a new table needs no 'replace'"));
        }
        ReportUnknown(table.RemoveRows, "行", "row", "remove-rows", table.Id.Value, diagnostics);
        ReportUnknown(table.RemoveGroups, "分组", "group", "remove-groups", table.Id.Value, diagnostics);
        ReportUnknown(table.RemoveColumns, "列", "column", "remove-columns", table.Id.Value, diagnostics);
        return Settled(table);
    }

    public static TableSyntax Merge(TableSyntax inherited, TableSyntax change, List<RuleDiagnostic> diagnostics)
    {
        if (change.ReplacesInherited)
        {
            foreach (var removal in change.RemoveRows.Concat(change.RemoveGroups).Concat(change.RemoveColumns))
            {
                diagnostics.Add(RuleFileDiagnostics.BadExtends.At(removal.Span,
                    $"表“{change.Id.Value}”已用 replace: true 整表重写，不需要再删除继承的内容；请删去 remove-… / " +
                    $"table '{change.Id.Value}' is replaced wholesale ('replace: true'): there is nothing inherited to remove"));
            }
            return Settled(change);
        }

        var table = inherited.Id.Value;
        var rows = inherited.Rows.ToList();
        foreach (var removed in change.RemoveRows)
        {
            if (rows.RemoveAll(r => r.Id.Value == removed.Value) == 0)
            {
                Unknown(removed, "行", "row", "remove-rows", table, diagnostics);
            }
        }
        var groups = inherited.Groups.ToList();
        foreach (var removed in change.RemoveGroups)
        {
            if (groups.RemoveAll(g => g.Id.Value == removed.Value) == 0)
            {
                Unknown(removed, "分组", "group", "remove-groups", table, diagnostics);
            }
        }
        var columns = inherited.Columns.ToList();
        foreach (var removed in change.RemoveColumns)
        {
            if (columns.RemoveAll(c => c.Id.Value == removed.Value) == 0)
            {
                Unknown(removed, "列", "column", "remove-columns", table, diagnostics);
            }
        }

        foreach (var row in change.Rows)
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
                    var (zh, en) = Names.Suggestions(rows.Select(r => r.Id.Value), after.Value);
                    diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(after.Span, "行", after.Value, $"（after）；{zh}", "row", $" (after){en}"));
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

        rows = DropRemovedColumns(rows, change.RemoveColumns, table, diagnostics);
        rows = ReleaseOrphans(rows, change.RemoveGroups, table, diagnostics);

        return Settled(inherited with
        {
            Short = change.Short ?? inherited.Short,
            ShortEn = change.ShortEn ?? inherited.ShortEn,
            Label = change.Label ?? inherited.Label,
            LabelEn = change.LabelEn ?? inherited.LabelEn,
            Columns = MergeById(columns, change.Columns, c => c.Id.Value, (old, c) => c with
            {
                Label = c.Label ?? old.Label,
                LabelEn = c.LabelEn ?? old.LabelEn,
                Type = c.Type ?? old.Type,
                Unit = c.Unit ?? old.Unit,
            }),
            Groups = MergeById(groups, change.Groups, g => g.Id.Value, (old, g) => g with
            {
                Label = g.Label ?? old.Label,
                LabelEn = g.LabelEn ?? old.LabelEn,
            }),
            Rows = rows.ToEquatableArray(),
        });
    }

    /// <summary>Rows that list their columns lose the removed ones; a row left with none would silently get every column.</summary>
    private static List<RowSyntax> DropRemovedColumns(List<RowSyntax> rows, EquatableArray<Located<string>> removed, string table, List<RuleDiagnostic> diagnostics)
    {
        if (removed.Count == 0)
        {
            return rows;
        }
        var result = new List<RowSyntax>();
        foreach (var row in rows)
        {
            if (row.Columns.Count == 0)
            {
                result.Add(row);
                continue;
            }
            var kept = row.Columns.Where(c => !removed.Any(r => r.Value == c.Value)).ToList();
            if (kept.Count == 0)
            {
                var cause = removed.First(r => row.Columns.Any(c => c.Value == r.Value));
                diagnostics.Add(RuleFileDiagnostics.BadExtends.At(cause.Span,
                    $"删除列后，表“{table}”的行“{row.Id.Value}”没有剩下任何列；请把这一行写进 remove-rows，或为它写 columns / " +
                    $"after removing columns, row '{row.Id.Value}' of table '{table}' has none left: remove the row too or give it columns"));
            }
            result.Add(row with { Columns = kept.ToEquatableArray() });
        }
        return result;
    }

    /// <summary>
    /// A removed group whose rows are still there is reported once, here; the rows then stand alone so that the
    /// binder does not report the same mistake again at each row in the inherited file.
    /// </summary>
    private static List<RowSyntax> ReleaseOrphans(List<RowSyntax> rows, EquatableArray<Located<string>> removedGroups, string table, List<RuleDiagnostic> diagnostics)
    {
        foreach (var removed in removedGroups)
        {
            var orphans = rows.Where(r => r.Group?.Value == removed.Value).Select(r => r.Id.Value).ToList();
            if (orphans.Count > 0)
            {
                diagnostics.Add(RuleFileDiagnostics.BadExtends.At(removed.Span,
                    $"分组“{removed.Value}”已删除，但表“{table}”中的行 {string.Join("、", orphans)} 仍属于它；请把这些行写进 remove-rows，或为它们另写 group / " +
                    $"group '{removed.Value}' is removed but rows {string.Join(", ", orphans)} of table '{table}' still belong to it: remove them too or give them another group"));
            }
        }
        return rows.Select(r => r.Group is { } g && removedGroups.Any(x => x.Value == g.Value) ? r with { Group = null } : r).ToList();
    }

    private static void ReportUnknown(EquatableArray<Located<string>> ids, string what, string whatEn, string key, string table, List<RuleDiagnostic> diagnostics)
    {
        foreach (var id in ids)
        {
            Unknown(id, what, whatEn, key, table, diagnostics);
        }
    }

    private static void Unknown(Located<string> id, string what, string whatEn, string key, string table, List<RuleDiagnostic> diagnostics) =>
        diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(id.Span, what, id.Value, $"（表 {table} 的 {key}）", whatEn, $" in table '{table}' ({key})"));

    /// <summary>The merged table, with the instructions that produced it cleared.</summary>
    private static TableSyntax Settled(TableSyntax table) => table with
    {
        RemoveRows = EquatableArray<Located<string>>.Empty,
        RemoveColumns = EquatableArray<Located<string>>.Empty,
        RemoveGroups = EquatableArray<Located<string>>.Empty,
        Replace = null,
    };

    /// <summary>Items with an inherited id change it key by key (<paramref name="merge"/>); new ones are added at the end.</summary>
    private static EquatableArray<T> MergeById<T>(List<T> items, EquatableArray<T> changes, System.Func<T, string> id, System.Func<T, T, T> merge)
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
                list[index] = merge(list[index], change);
            }
        }
        return list.ToEquatableArray();
    }
}
