using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Grammar;
using ReportLint.Rules.Model;

namespace ReportLint.Rules.Binding;

// Binding one expression in the context of one rule instance (a column, a row, or the cell being checked).
internal sealed partial class RuleBinder
{
    private sealed class Context
    {
        public Context(RuleScope scope, TableSpec? table, string? column = null, string? row = null)
        {
            Scope = scope;
            Table = table;
            Column = column;
            Row = row;
        }

        public RuleScope Scope { get; }
        public TableSpec? Table { get; }
        public string? Column { get; }
        public string? Row { get; }
        public List<RuleDiagnostic> Diagnostics { get; set; } = new();
        public Dictionary<string, int> OperandCells { get; } = new();

        public Dictionary<string, int> PreviousOperandCells { get; } = new();

        public List<int> Narratives { get; } = new();

        /// <summary>The report facts read (published, period_start, …), so a finding can point at that field.</summary>
        public List<string> ReportFields { get; } = new();

        public bool UsesPrevious { get; set; }
        public bool Absent { get; set; }
        public bool UsedCells { get; set; }

        /// <summary>Whether "each: is missing" was said for this rule: once, not for every name the check uses.</summary>
        public bool MissingEachSaid { get; set; }

        public void Report(RuleDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
    }

    private BoundExpr? Bind(Expr expr, Context context)
    {
        switch (expr)
        {
            case NumberLiteral number:
                if (!decimal.TryParse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    context.Report(RuleFileDiagnostics.TypeMismatch.At(expr.Span, $"数字“{number.Text}”超出范围 / number '{number.Text}' is out of range"));
                    return null;
                }
                return new BoundNumber(number.Text);
            case TextLiteral:
                context.Report(RuleFileDiagnostics.TypeMismatch.At(expr.Span,
                    "这里不能用带引号的文字：条件和算式只能比较数字 / quoted text cannot be used here: conditions and arithmetic work on numbers"));
                return null;
            case Reference reference:
                return BindReference(reference, context);
            case RangeArgument:
                context.Report(RuleFileDiagnostics.TypeMismatch.At(expr.Span, "范围 a..b 只能写在 sum( ) 里 / a range a..b can only be used inside sum( )"));
                return null;
            case Unary { Operator: "not" } not:
                return Typed(Bind(not.Operand, context), ValueKind.Boolean, not.Operand, context, "not") is { } b ? new BoundUnary("not", b, ValueKind.Boolean) : null;
            case Unary negate:
                return Typed(Bind(negate.Operand, context), ValueKind.Number, negate.Operand, context, "-") is { } n ? new BoundUnary("-", n, ValueKind.Number) : null;
            case Binary binary:
                return BindBinary(binary, context);
            case Call call:
                return BindCall(call, context);
            default:
                return null;
        }
    }

    private BoundExpr? Typed(BoundExpr? bound, ValueKind expected, Expr source, Context context, string where)
    {
        if (bound is null || bound.Kind == expected)
        {
            return bound;
        }
        context.Report(RuleFileDiagnostics.TypeMismatch.At(source.Span, expected == ValueKind.Number
            ? $"“{where}”两边应为数，这里是一个条件 / '{where}' needs numbers, but this is a condition"
            : $"“{where}”两边应为条件（如 a = b），这里是一个数 / '{where}' needs conditions (such as a = b), but this is a number"));
        return null;
    }

    private BoundExpr? BindBinary(Binary binary, Context context)
    {
        var (operandKind, resultKind) = binary.Operator switch
        {
            "and" or "or" => (ValueKind.Boolean, ValueKind.Boolean),
            "+" or "-" or "*" or "/" => (ValueKind.Number, ValueKind.Number),
            _ => (ValueKind.Number, ValueKind.Boolean),
        };
        var left = Typed(Bind(binary.Left, context), operandKind, binary.Left, context, binary.Operator);
        var right = Typed(Bind(binary.Right, context), operandKind, binary.Right, context, binary.Operator);
        if (binary.Operator == "/" && right is BoundNumber { Text: var divisor }
            && decimal.TryParse(divisor, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d == 0)
        {
            // A division by zero is never judged, so the rule would never fire — and not be listed as skipped either.
            context.Report(RuleFileDiagnostics.TypeMismatch.At(binary.Right.Span, "不能除以 0：这条规则永远不会得出结果 / division by zero: the rule could never be judged"));
            return null;
        }
        return left is null || right is null ? null : new BoundBinary(binary.Operator, left, right, resultKind);
    }

    private BoundExpr? BindCall(Call call, Context context)
    {
        var args = call.Arguments;
        switch (call.Name)
        {
            case "sum":
            {
                if (args.Count == 0)
                {
                    return ArityError(call, context, "sum(…) 至少需要一项 / sum(…) needs at least one argument");
                }
                var items = new List<BoundExpr>();
                foreach (var arg in args)
                {
                    var bound = BindSumArgument(arg, context);
                    if (bound is null)
                    {
                        return null;
                    }
                    items.AddRange(bound);
                }
                return items.Count == 1 ? items[0] : new BoundSum(items.ToEquatableArray());
            }
            case "abs":
            case "whole":
                if (args.Count != 1)
                {
                    return ArityError(call, context, $"{call.Name}(x) 需要一项 / {call.Name}(x) takes one argument");
                }
                return Typed(Bind(args[0], context), ValueKind.Number, args[0], context, call.Name) is { } operand
                    ? new BoundCall(call.Name, new[] { operand }.ToEquatableArray(), call.Name == "whole" ? ValueKind.Boolean : ValueKind.Number)
                    : null;
            case "round":
            {
                if (args.Count is not (1 or 2) || (args.Count == 2 && args[1] is not NumberLiteral) || (args.Count == 2 && ((NumberLiteral)args[1]).Text.Contains(".")))
                {
                    return ArityError(call, context, "round(x) 或 round(x, 小数位数)，小数位数为整数 / round(x) or round(x, digits) with whole-number digits");
                }
                if (args.Count == 2 && !(int.TryParse(((NumberLiteral)args[1]).Text, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) && digits <= MaxRoundDigits))
                {
                    context.Report(RuleFileDiagnostics.TypeMismatch.At(args[1].Span,
                        $"小数位数应在 0 到 {MaxRoundDigits} 之间 / the digits of round( ) must be 0 to {MaxRoundDigits}"));
                    return null;
                }
                var x = Typed(Bind(args[0], context), ValueKind.Number, args[0], context, "round");
                return x is null ? null : new BoundCall("round", (args.Count == 2 ? new[] { x, new BoundNumber(((NumberLiteral)args[1]).Text) } : new[] { x }).ToEquatableArray(), ValueKind.Number);
            }
            case "min":
            case "max":
            {
                if (args.Count < 2)
                {
                    return ArityError(call, context, $"{call.Name}(a, b, …) 至少需要两项 / {call.Name}(a, b, …) needs at least two arguments");
                }
                var bound = args.Select(a => Typed(Bind(a, context), ValueKind.Number, a, context, call.Name)).ToList();
                return bound.Any(b => b is null) ? null : new BoundCall(call.Name, bound.Select(b => b!).ToEquatableArray(), ValueKind.Number);
            }
            case "stated":
            case "mentions":
                return BindNarrative(call, context);
            case "empty":
            {
                if (args.Count != 1 || args[0] is not TextLiteral { Value: var section } || !CheckSection(section, args[0], context))
                {
                    return args.Count == 1 && args[0] is TextLiteral ? null : ArityError(call, context, "empty(\"节名\") 需要一个带引号的节名，如 empty(\"problems\") / empty(\"section\") takes a quoted section name");
                }
                context.UsedCells = true;
                return new BoundSectionEmpty(section);
            }
            case "deadline":
            {
                if (args.Count != 1 || args[0] is not TextLiteral { Value: var date } || !TryMonthDay(date, out var month, out var day))
                {
                    return ArityError(call, context, "deadline(\"MM-DD\") 需要一个带引号的月日，如 deadline(\"03-31\") / deadline(\"MM-DD\") takes a quoted month and day such as \"03-31\"");
                }
                return new BoundDeadline(month, day);
            }
            case "blank":
            case "text":
            {
                if (args.Count != 1 || args[0] is not Reference)
                {
                    return ArityError(call, context, $"{call.Name}(x) 需要一个单元格，如 {call.Name}(value) / {call.Name}(x) takes one cell, e.g. {call.Name}(value)");
                }
                var cell = Bind(args[0], context);
                if (cell is not (null or BoundCell or BoundCurrentCell))
                {
                    // What a cell holds is known for this year's cells only (last year's report is read as numbers).
                    context.Report(RuleFileDiagnostics.TypeMismatch.At(args[0].Span,
                        $"{call.Name}( ) 只能用于本年报告的单元格，如 {call.Name}(value) 或 {call.Name}(requests.disclosed.total)，不能用于上年的单元格或 report. 信息 / " +
                        $"{call.Name}( ) takes a cell of this year's report, not last year's cell or a report. value"));
                    return null;
                }
                return cell is null ? null : new BoundCall(call.Name, new[] { cell }.ToEquatableArray(), ValueKind.Boolean);
            }
            default:
                context.Report(RuleFileDiagnostics.UnknownFunction.At(call.Span,
                    $"没有名为“{call.Name}”的函数；可用：{string.Join("、", Functions)} / unknown function '{call.Name}'; available: {string.Join(", ", Functions)}"));
                return null;
        }
    }

    /// <summary>The most decimal places a decimal rounds to.</summary>
    private const int MaxRoundDigits = 28;

    private BoundExpr? ArityError(Call call, Context context, string message)
    {
        context.Report(RuleFileDiagnostics.UnknownFunction.At(call.Span, message));
        return null;
    }

    private static bool TryMonthDay(string text, out int month, out int day)
    {
        month = day = 0;
        var parts = text.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out month) && int.TryParse(parts[1], out day)
            && month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(2001, month);
    }

    private IEnumerable<BoundExpr>? BindSumArgument(Expr arg, Context context)
    {
        var table = context.Table;
        if (arg is Reference { Parts.Count: 1 } name && table is not null && context.Scope == RuleScope.Column
            && table.Groups.FirstOrDefault(g => g.Id == name.Parts[0]) is { } group)
        {
            if (!cellIndex.ContainsKey((table.Id, group.Id, context.Column!)))
            {
                // The group's rows have no cell in this column: the rule does not apply to it, as for a row.
                context.Absent = true;
                return null;
            }
            context.UsedCells = true;
            return new[] { GroupSum(table, group, context.Column!) };
        }
        if (arg is RangeArgument range)
        {
            if (table is null || context.Scope is not (RuleScope.Column or RuleScope.Row) || range.From.Parts.Count != 1 || range.To.Parts.Count != 1)
            {
                context.Report(RuleFileDiagnostics.TypeMismatch.At(range.Span,
                    "范围 a..b 只能用于逐列（each: column，行的范围）或逐行（each: row，列的范围）的规则，两端写行或列的 id / a range a..b needs an each: column (rows) or each: row (columns) rule, with plain ids at both ends"));
                return null;
            }
            var ids = context.Scope == RuleScope.Column ? table.Rows.Select(r => r.Id).ToList() : table.Columns.Select(c => c.Id).ToList();
            var from = ids.IndexOf(range.From.Parts[0]);
            var to = ids.IndexOf(range.To.Parts[0]);
            var what = context.Scope == RuleScope.Column ? ("行", "row") : ("列", "column");
            if (from < 0 || to < 0)
            {
                var missing = from < 0 ? range.From : range.To;
                context.Report(RuleFileDiagnostics.UnknownReference.At(missing.Span, what.Item1, missing.Path, $"（表 {table.Id}）", what.Item2, $" in table '{table.Id}'"));
                return null;
            }
            if (from > to)
            {
                context.Report(RuleFileDiagnostics.TypeMismatch.At(range.Span,
                    $"范围 {range.From.Path}..{range.To.Path} 的起点在终点之后 / range {range.From.Path}..{range.To.Path} runs backwards"));
                return null;
            }
            context.UsedCells = true;
            if (context.Scope == RuleScope.Row)
            {
                return ids.GetRange(from, to - from + 1)
                    .Where(c => cellIndex.ContainsKey((table.Id, context.Row!, c)))
                    .Select(c => (BoundExpr)new BoundCell(cellIndex[(table.Id, context.Row!, c)]))
                    .ToList();
            }
            // Rows of a group that lies wholly inside the range count as the group, so a group reported as one row still adds up.
            var items = new List<BoundExpr>();
            var rows = table.Rows.Skip(from).Take(to - from + 1).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (row.Group is { } groupId && table.Groups.First(g => g.Id == groupId) is var g && g.Rows.All(r => rows.Any(x => x.Id == r)))
                {
                    if (g.Rows[0] == row.Id && cellIndex.ContainsKey((table.Id, g.Id, context.Column!)))
                    {
                        items.Add(GroupSum(table, g, context.Column!));
                    }
                    continue;
                }
                if (cellIndex.TryGetValue((table.Id, row.Id, context.Column!), out var cell))
                {
                    items.Add(new BoundCell(cell));
                }
            }
            return items;
        }
        var bound = Typed(Bind(arg, context), ValueKind.Number, arg, context, "sum");
        return bound is null ? null : new[] { bound };
    }

    /// <summary>When a name that is no row of this rule's table is another table, or a row of one: how to write that table's cell.</summary>
    private (string? Zh, string? En) OtherTableHint(string name, TableSpec current)
    {
        if (tables.FirstOrDefault(t => t.Id == name && t.Id != current.Id) is { } other)
        {
            // A table without rows or columns (a mistake reported on its own) has no cell to show.
            var example = other.Rows.Count > 0 && other.Columns.Count > 0 ? $"{other.Id}.{other.Rows[0].Id}.{other.Columns[0].Id}" : $"{other.Id}.行.列";
            return ($"“{name}”是另一张表；另一张表的单元格要写全 表.行.列 三段，如 {example}",
                $"'{name}' is another table: a cell of another table takes all three parts, table.row.column, e.g. {example}");
        }
        if (tables.FirstOrDefault(t => t.Id != current.Id && t.Columns.Count > 0 && t.Rows.Any(r => r.Id == name)) is { } owner)
        {
            return ($"“{name}”是表 {owner.Id} 的行；另一张表的单元格要写全 表.行.列 三段，如 {owner.Id}.{name}.{owner.Columns[0].Id}",
                $"'{name}' is a row of table '{owner.Id}': a cell of another table takes all three parts, e.g. {owner.Id}.{name}.{owner.Columns[0].Id}");
        }
        return (null, null);
    }

    private BoundGroupSum GroupSum(TableSpec table, GroupSpec group, string column) =>
        new(cellIndex[(table.Id, group.Id, column)],
            group.Rows.Where(r => cellIndex.ContainsKey((table.Id, r, column))).Select(r => cellIndex[(table.Id, r, column)]).ToEquatableArray());

    private BoundExpr? BindReference(Reference reference, Context context)
    {
        var parts = reference.Parts;
        if (parts.Count >= 1 && parts[0] == "report")
        {
            return BindReportValue(reference, context);
        }
        if (parts.Count >= 2 && parts[0] == "previous")
        {
            var inner = string.Join(".", parts.Skip(1));
            var alsoCurrent = context.OperandCells.ContainsKey(inner);
            if (parts[1] is "previous" or "report" or "value")
            {
                // Last year's report is read for its cells only; previous.report.year would silently read this year's.
                context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "上年单元格", reference.Path,
                    "：previous. 后面只能写单元格，如 previous.requests.carried_forward.total；上年报告的 report. 信息和 value 不能用",
                    "previous-year cell", ": previous. takes a cell, such as previous.requests.carried_forward.total; last year's report. values and value cannot be used"));
                return null;
            }
            var current = BindReference(new Reference(parts.Skip(1).ToEquatableArray()) { Span = reference.Span }, context);
            if (current is not BoundCell cell)
            {
                return current;
            }
            if (!alsoCurrent)
            {
                // Only the previous year's cell is named here; the same path may still be used for this year elsewhere.
                context.OperandCells.Remove(inner);
            }
            context.PreviousOperandCells[reference.Path] = cell.Index;
            context.UsesPrevious = true;
            return new BoundPreviousCell(cell.Index);
        }
        if (parts.Count == 1 && parts[0] == "value")
        {
            if (context.Scope != RuleScope.Cell)
            {
                context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "名称", "value", "：value 只能用于 each: cell 的规则",
                    "name", ": 'value' only exists in 'each: cell' rules"));
                return null;
            }
            context.UsedCells = true;
            return new BoundCurrentCell();
        }

        string? tableId, rowId, columnId;
        switch (parts.Count)
        {
            case 1 when context.Scope == RuleScope.Column:
                (tableId, rowId, columnId) = (context.Table!.Id, parts[0], context.Column);
                break;
            case 1 when context.Scope == RuleScope.Row:
                (tableId, rowId, columnId) = (context.Table!.Id, context.Row, parts[0]);
                break;
            case 2 when context.Table is not null:
                (tableId, rowId, columnId) = (context.Table.Id, parts[0], parts[1]);
                break;
            case 3:
                (tableId, rowId, columnId) = (parts[0], parts[1], parts[2]);
                break;
            case 1 when context.Scope == RuleScope.Report && context.Table is { } named && (named.Rows.Any(r => r.Id == parts[0]) || named.Groups.Any(g => g.Id == parts[0]) || named.Columns.Any(c => c.Id == parts[0])):
                // A rule with table: but no each: names rows (or columns) as an each: column (or row) rule does: said once,
                // not as one "unknown cell" per name.
                if (!context.MissingEachSaid)
                {
                    context.MissingEachSaid = true;
                    var isColumn = named.Columns.Any(c => c.Id == parts[0]) && !named.Rows.Any(r => r.Id == parts[0]);
                    context.Report(RuleFileDiagnostics.Structure.At(reference.Span, isColumn
                        ? $"“{parts[0]}”是表 {named.Id} 的列：对每一行检查的规则要写 each: row（是否漏写了 each:？） / '{parts[0]}' is a column of table '{named.Id}': a rule checked for each row needs 'each: row' (is 'each:' missing?)"
                        : $"“{parts[0]}”是表 {named.Id} 的行：对每一列检查的规则要写 each: column（是否漏写了 each:？） / '{parts[0]}' is a row of table '{named.Id}': a rule checked for each column needs 'each: column' (is 'each:' missing?)"));
                }
                return null;
            default:
                context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "单元格", reference.Path,
                    context.Table is null ? "：请写成 表.行.列，如 requests.disclosed.total" : "：请写成 行.列 或 表.行.列",
                    "cell", context.Table is null ? ": write table.row.column, e.g. requests.disclosed.total" : ": write row.column or table.row.column"));
                return null;
        }

        var table = tables.FirstOrDefault(t => t.Id == tableId);
        if (table is null)
        {
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "表", tableId!, $"；可用：{string.Join("、", tables.Select(t => t.Id))}",
                "table", $"; expected one of: {string.Join(", ", tables.Select(t => t.Id))}"));
            return null;
        }
        var row = table.Rows.FirstOrDefault(r => r.Id == rowId);
        var group = table.Groups.FirstOrDefault(g => g.Id == rowId);
        if (row is null && group is null && parts.Count < 3 && OtherTableHint(rowId!, table) is var (hintZh, hintEn) && hintZh is not null)
        {
            // "appeals.review" in a 表三 rule read as row "appeals" of 表三; "review" as a 表三 row: another table's cell
            // needs all three parts.
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "行", rowId!, $"（表 {table.Id}）；{hintZh}", "row", $" in table '{table.Id}'; {hintEn}"));
            return null;
        }
        if (row is null && group is null)
        {
            var (zh, en) = Names.Suggestions(table.Rows.Select(r => r.Id).Concat(table.Groups.Select(g => g.Id)), rowId!);
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "行", rowId!, $"（表 {table.Id}）；{zh}", "row", $" in table '{table.Id}'{en}"));
            return null;
        }
        if (group is not null && row is null && context.Scope == RuleScope.Column && parts.Count == 1)
        {
            context.Report(RuleFileDiagnostics.TypeMismatch.At(reference.Span,
                $"“{rowId}”是一组行，请写 sum({rowId}) / '{rowId}' is a group of rows: write sum({rowId})"));
            return null;
        }
        var column = table.Columns.FirstOrDefault(c => c.Id == columnId);
        if (column is null)
        {
            var (zh, en) = Names.Suggestions(table.Columns.Select(c => c.Id), columnId!);
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "列", columnId!, $"（表 {table.Id}）；{zh}", "column", $" in table '{table.Id}'{en}"));
            return null;
        }
        if (!cellIndex.TryGetValue((table.Id, rowId!, columnId!), out var index))
        {
            var iterated = (context.Scope == RuleScope.Column && parts.Count == 1) || (context.Scope == RuleScope.Row && parts.Count == 1);
            if (iterated)
            {
                context.Absent = true;
                return null;
            }
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "单元格", $"{table.Id}.{rowId}.{columnId}", "：这一行没有这一列",
                "cell", ": that row has no such column"));
            return null;
        }
        context.UsedCells = true;
        context.OperandCells[reference.Path] = index;
        return new BoundCell(index);
    }

    private static readonly (string Name, ValueKind Kind)[] ReportValues =
    {
        ("year", ValueKind.Number), ("published", ValueKind.Number), ("period_start", ValueKind.Number), ("period_end", ValueKind.Number),
        ("government", ValueKind.Boolean), ("department", ValueKind.Boolean),
    };

    private BoundExpr? BindReportValue(Reference reference, Context context)
    {
        var name = reference.Parts.Count == 2 ? reference.Parts[1] : null;
        var match = ReportValues.FirstOrDefault(v => v.Name == name);
        if (match.Name is null)
        {
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "报告信息", reference.Path,
                $"；可用：{string.Join("、", ReportValues.Select(v => "report." + v.Name))}", "report value", $"; expected one of: {string.Join(", ", ReportValues.Select(v => "report." + v.Name))}"));
            return null;
        }
        context.UsedCells = true;
        context.ReportFields.Add(match.Name);
        return new BoundReportValue(match.Name, match.Kind);
    }
}
