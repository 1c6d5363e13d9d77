using System;
using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules.Binding;

/// <summary>Binds a merged template: checks its tables and ids, lays out its cells, then binds its rules.</summary>
internal sealed class TemplateBinder
{
    private readonly List<RuleDiagnostic> diagnostics;

    public TemplateBinder(List<RuleDiagnostic> diagnostics) => this.diagnostics = diagnostics;

    public TemplateSpec? Bind(RuleFileSyntax file, string sourcePath)
    {
        var name = file.Template!;
        if (!Names.IsTemplateName(name.Value))
        {
            diagnostics.Add(RuleFileDiagnostics.InvalidIdentifier.At(name.Span, "模板名称", name.Value,
                "只能包含字母、数字、- 和 _，以字母或数字开头，最多 32 个字符", "template name",
                "use letters, digits, '-' and '_', starting with a letter or digit, at most 32 characters"));
            return null;
        }

        var (firstYear, lastYear) = Years(file.Years);
        var tables = new List<TableSpec>();
        var cells = new List<CellSpec>();
        var seenTables = new Dictionary<string, SourceSpan>();
        foreach (var table in file.Tables)
        {
            if (!CheckId(table.Id, "表", "table", seenTables))
            {
                continue;
            }
            var bound = BindTable(table);
            tables.Add(bound);
            AddCells(bound, cells);
        }

        var narratives = new List<NarrativeSpec>();
        var rules = new RuleBinder(diagnostics, tables, cells, narratives).BindAll(file.Rules);
        return new TemplateSpec(
            name.Value,
            Names.ClassNameFor(name.Value),
            file.Title ?? name.Value,
            file.TitleEn ?? file.Title ?? name.Value,
            firstYear,
            lastYear,
            sourcePath,
            tables.ToEquatableArray(),
            cells.ToEquatableArray(),
            rules.ToEquatableArray(),
            narratives.ToEquatableArray());
    }

    private (int First, int Last) Years(Located<string>? years)
    {
        if (years is null)
        {
            return (0, 9999);
        }
        var text = years.Value.Trim();
        // 2019–2020 as reportlint's own messages print it, or with a dash, a full-width hyphen, ~ or 至.
        var parts = text.Replace('–', '-').Replace('—', '-').Replace('－', '-').Replace('~', '-').Replace('～', '-').Replace("至", "-").Split('-');
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], out var first)
            && (parts.Length == 1 || parts[1].Length == 0 || int.TryParse(parts[1], out _)))
        {
            var last = parts.Length == 1 ? first : parts[1].Length == 0 ? 9999 : int.Parse(parts[1]);
            if (first <= last)
            {
                return (first, last);
            }
        }
        diagnostics.Add(RuleFileDiagnostics.Structure.At(years.Span,
            $"years 写法有误：“{text}”；应写作 2021-（2021 年起）或 2019-2020 / 'years' must look like 2021- or 2019-2020"));
        // No years at all, so no overlap with another template is reported as well (it said "all years, no 'years'").
        return (-1, -2);
    }

    private bool CheckId(Located<string> id, string what, string whatEn, Dictionary<string, SourceSpan> seen)
    {
        if (!Names.IsCellId(id.Value))
        {
            diagnostics.Add(RuleFileDiagnostics.InvalidIdentifier.At(id.Span, what + " id", id.Value,
                "只能用小写英文字母、数字和下划线，以字母开头，且不能是 and、or、not、value", whatEn + " id",
                "use lower-case letters, digits and '_', starting with a letter; not and/or/not/value"));
            return false;
        }
        if (seen.TryGetValue(id.Value, out var first))
        {
            diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(id.Span, what + " id ", id.Value, first.StartLine, whatEn + " id", "", ""));
            return false;
        }
        seen[id.Value] = id.Span;
        return true;
    }

    private TableSpec BindTable(TableSyntax table)
    {
        var seen = new Dictionary<string, SourceSpan>();
        var columns = new List<ColumnSpec>();
        foreach (var column in table.Columns)
        {
            if (!CheckId(column.Id, "列", "column", seen))
            {
                continue;
            }
            var type = CellTypeOf(column.Type);
            columns.Add(new ColumnSpec(column.Id.Value, column.Label ?? column.Id.Value, column.LabelEn ?? column.Id.Value, type, UnitOf(column.Unit, type)));
        }

        var groups = new List<(GroupSyntax Syntax, List<string> Rows)>();
        foreach (var group in table.Groups)
        {
            if (CheckId(group.Id, "分组", "group", seen))
            {
                groups.Add((group, new List<string>()));
            }
        }

        var rows = new List<RowSpec>();
        foreach (var row in table.Rows)
        {
            if (!CheckId(row.Id, "行", "row", seen))
            {
                continue;
            }
            string? groupId = null;
            if (row.Group is { } group)
            {
                var match = groups.FirstOrDefault(g => g.Syntax.Id.Value == group.Value);
                if (match.Syntax is null)
                {
                    diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(group.Span, "分组", group.Value, $"（表 {table.Id.Value} 的 groups 中没有）",
                        "group", $" (not among the groups of table '{table.Id.Value}')"));
                }
                else
                {
                    match.Rows.Add(row.Id.Value);
                    groupId = group.Value;
                }
            }
            var rowColumns = new List<string>();
            foreach (var column in row.Columns)
            {
                if (columns.Any(c => c.Id == column.Value))
                {
                    rowColumns.Add(column.Value);
                }
                else
                {
                    diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(column.Span, "列", column.Value, $"（表 {table.Id.Value}）",
                        "column", $" in table '{table.Id.Value}'"));
                }
            }
            rows.Add(new RowSpec(row.Id.Value, row.Label ?? row.Id.Value, row.LabelEn ?? row.Id.Value, row.Block, groupId,
                (rowColumns.Count > 0 ? rowColumns : columns.Select(c => c.Id)).ToEquatableArray()));
        }

        foreach (var (group, members) in groups.Where(g => g.Rows.Count == 0))
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(group.Id.Span,
                $"分组“{group.Id.Value}”中没有任何行；请在行上写 group: {group.Id.Value} / group '{group.Id.Value}' has no rows (put 'group: {group.Id.Value}' on its rows)"));
        }

        return new TableSpec(
            table.Id.Value,
            table.Short ?? table.Label ?? table.Id.Value,
            // English output names the table this way; without short-en, as the Chinese does (表三).
            table.ShortEn ?? table.Short ?? table.Label ?? table.Id.Value,
            table.Label ?? table.Id.Value,
            table.LabelEn ?? table.Label ?? table.Id.Value,
            columns.ToEquatableArray(),
            groups.Where(g => g.Rows.Count > 0)
                .Select(g => new GroupSpec(g.Syntax.Id.Value, g.Syntax.Label ?? g.Syntax.Id.Value, g.Syntax.LabelEn ?? g.Syntax.Id.Value, g.Rows.ToEquatableArray()))
                .ToEquatableArray(),
            rows.ToEquatableArray());
    }

    private CellType CellTypeOf(Located<string>? type)
    {
        switch (type?.Value)
        {
            case null:
            case "count":
                return CellType.Count;
            case "money":
                return CellType.Money;
            case "signed":
                return CellType.Signed;
            default:
                diagnostics.Add(RuleFileDiagnostics.Structure.At(type.Span,
                    $"未知的单元格类型“{type.Value}”；可用：count（件数）、money（金额，可有小数）、signed（可为负的增减数） / unknown cell type '{type.Value}'; expected count, money or signed"));
                return CellType.Count;
        }
    }

    private string? UnitOf(Located<string>? unit, CellType type)
    {
        if (unit is null)
        {
            return null;
        }
        if (System.Array.IndexOf(ColumnUnits.Known, unit.Value) < 0)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(unit.Span,
                $"未知的单位“{unit.Value}”；可用：{string.Join("、", ColumnUnits.Known)}（as-reported：格式未规定单位，由报告注明） / " +
                $"unknown unit '{unit.Value}'; expected one of: {string.Join(", ", ColumnUnits.Known)} (as-reported: the format states none, each report says)"));
            return null;
        }
        if (unit.Value == ColumnUnits.AsReported && type != CellType.Money)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(unit.Span,
                "unit: as-reported 只用于金额列（type: money） / 'unit: as-reported' is only for money columns (type: money)"));
            return null;
        }
        return unit.Value;
    }

    private static void AddCells(TableSpec table, List<CellSpec> cells)
    {
        foreach (var row in table.Rows)
        {
            var group = row.Group is null ? null : table.Groups.First(g => g.Id == row.Group);
            foreach (var columnId in row.Columns)
            {
                var column = table.Columns.First(c => c.Id == columnId);
                cells.Add(new CellSpec(cells.Count, table.Id, row.Id, column.Id, column.Type, false, row.Group, table.Short,
                    group is null ? row.Label : group.Label + " " + row.Label, column.Label, table.ShortEn,
                    group is null ? row.LabelEn : group.LabelEn + " " + row.LabelEn, column.LabelEn));
            }
        }
        foreach (var group in table.Groups)
        {
            var firstRow = table.Rows.First(r => r.Id == group.Rows[0]);
            foreach (var columnId in firstRow.Columns)
            {
                var column = table.Columns.First(c => c.Id == columnId);
                cells.Add(new CellSpec(cells.Count, table.Id, group.Id, column.Id, column.Type, true, group.Id, table.Short,
                    group.Label, column.Label, table.ShortEn, group.LabelEn, column.LabelEn));
            }
        }
    }
}
