using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Grammar;
using ReportLint.Rules.Model;
using ReportLint.Rules.Parsing;

namespace ReportLint.Rules.Binding;

/// <summary>
/// Binds rules: resolves every reference to a cell of the template, type-checks expressions, expands
/// <c>each: column</c> and <c>each: row</c> rules into one instance per column or row, and checks message placeholders.
/// </summary>
internal sealed class RuleBinder
{
    private static readonly string[] Functions = { "sum", "abs", "round", "min", "max", "blank", "text", "whole" };

    private readonly List<RuleDiagnostic> diagnostics;
    private readonly List<TableSpec> tables;
    private readonly Dictionary<(string Table, string Row, string Column), int> cellIndex;

    public RuleBinder(List<RuleDiagnostic> diagnostics, List<TableSpec> tables, List<CellSpec> cells)
    {
        this.diagnostics = diagnostics;
        this.tables = tables;
        cellIndex = cells.ToDictionary(c => (c.Table, c.Row, c.Column), c => c.Index);
        Cells = cells;
    }

    private List<CellSpec> Cells { get; }

    public List<RuleSpec> BindAll(EquatableArray<RuleSyntax> rules)
    {
        var bound = new List<RuleSpec>();
        var seen = new Dictionary<string, SourceSpan>();
        foreach (var rule in rules)
        {
            if (!Names.IsRuleId(rule.Id.Value))
            {
                diagnostics.Add(RuleFileDiagnostics.InvalidIdentifier.At(rule.Id.Span, "规则 id", rule.Id.Value,
                    "应为 RL 加四位数字，如 RL1001（RL0xxx 留给规则文件本身的错误）", "rule id",
                    "use RL followed by four digits, e.g. RL1001 (RL0xxx is reserved for rule-file errors)"));
                continue;
            }
            if (seen.TryGetValue(rule.Id.Value, out var first) && first.Path == rule.Id.Span.Path)
            {
                diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(rule.Id.Span, "规则 id ", rule.Id.Value, first.StartLine, "rule id"));
                continue;
            }
            seen[rule.Id.Value] = rule.Id.Span;
            var spec = BindRule(rule);
            if (spec is not null)
            {
                bound.Add(spec);
            }
        }
        return bound;
    }

    private RuleSpec? BindRule(RuleSyntax rule)
    {
        var ok = true;
        var severity = Severity.Error;
        switch (rule.Severity?.Value)
        {
            case null: break;
            case "error": severity = Severity.Error; break;
            case "warning": severity = Severity.Warning; break;
            case "info": severity = Severity.Info; break;
            default:
                diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Severity.Span,
                    $"severity 只能是 error（错误）、warning（警告）或 info（提示），不能是“{rule.Severity.Value}” / severity must be error, warning or info"));
                ok = false;
                break;
        }

        var basis = rule.Basis?.Value ?? "implied";
        if (basis is not ("official" or "implied" or "statutory"))
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Basis!.Span,
                $"basis 只能是 official（格式明文规定）、implied（由表格结构推出）或 statutory（条例规定），不能是“{basis}” / basis must be official, implied or statutory"));
            ok = false;
        }

        var scope = RuleScope.Report;
        switch (rule.Each?.Value)
        {
            case null: break;
            case "column": scope = RuleScope.Column; break;
            case "row": scope = RuleScope.Row; break;
            case "cell": scope = RuleScope.Cell; break;
            default:
                diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Each.Span,
                    $"each 只能是 column（逐列）、row（逐行）或 cell（逐个单元格），不能是“{rule.Each.Value}” / each must be column, row or cell"));
                return null;
        }

        TableSpec? table = null;
        if (rule.Table is { } tableName)
        {
            table = tables.FirstOrDefault(t => t.Id == tableName.Value);
            if (table is null)
            {
                diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(tableName.Span, "表", tableName.Value,
                    $"；可用：{string.Join("、", tables.Select(t => t.Id))}", "table", $"; expected one of: {string.Join(", ", tables.Select(t => t.Id))}"));
                return null;
            }
        }
        else if (scope is RuleScope.Column or RuleScope.Row)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Each!.Span,
                $"each: {rule.Each.Value} 的规则需要写 table:（对哪张表逐{(scope == RuleScope.Column ? "列" : "行")}检查） / an 'each: {rule.Each.Value}' rule needs 'table:'"));
            return null;
        }

        if (rule.Types.Count > 0 && scope != RuleScope.Cell)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Types[0].Span,
                "types 只用于 each: cell 的规则 / 'types' only applies to 'each: cell' rules"));
            ok = false;
        }
        var types = new HashSet<CellType>();
        foreach (var type in rule.Types)
        {
            switch (type.Value)
            {
                case "count": types.Add(CellType.Count); break;
                case "money": types.Add(CellType.Money); break;
                case "signed": types.Add(CellType.Signed); break;
                default:
                    diagnostics.Add(RuleFileDiagnostics.Structure.At(type.Span,
                        $"未知的单元格类型“{type.Value}”；可用：count、money、signed / unknown cell type '{type.Value}'"));
                    ok = false;
                    break;
            }
        }

        if (rule.Check is null)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Id.Span, $"规则 {rule.Id.Value} 缺少 check:（要检查的条件） / rule {rule.Id.Value} needs 'check:'"));
            return null;
        }
        if (rule.Message is null)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Id.Span, $"规则 {rule.Id.Value} 缺少 message:（发现问题时显示的说明） / rule {rule.Id.Value} needs 'message:'"));
            ok = false;
        }
        if (rule.Title is null || rule.Why is null)
        {
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Id.Span,
                $"规则 {rule.Id.Value} 需要 title:（一句话说明检查什么）和 why:（为什么重要） / rule {rule.Id.Value} needs 'title:' and 'why:'"));
            ok = false;
        }
        string? tolerance = null;
        if (rule.Tolerance is { } tol)
        {
            if (decimal.TryParse(tol.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) && t >= 0)
            {
                tolerance = t.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                diagnostics.Add(RuleFileDiagnostics.Structure.At(tol.Span, $"tolerance 应为不小于 0 的数，如 0.01，不能是“{tol.Value}” / tolerance must be a number ≥ 0 such as 0.01"));
                ok = false;
            }
        }
        if (rule.Check.Tree is null || (rule.When is not null && rule.When.Tree is null) || !ok)
        {
            return null;
        }

        var operandNames = References(rule.Check.Tree).Concat(rule.When?.Tree is { } w ? References(w) : Enumerable.Empty<Reference>())
            .Select(r => r.Path).Where(p => p != "value").Distinct().ToList();

        var contexts = new List<Context>();
        var cellTargets = new List<int>();
        switch (scope)
        {
            case RuleScope.Column:
                contexts.AddRange(table!.Columns.Select(c => new Context(scope, table, column: c.Id)));
                break;
            case RuleScope.Row:
                contexts.AddRange(table!.Rows.Select(r => new Context(scope, table, row: r.Id)));
                contexts.AddRange(table.Groups.Select(g => new Context(scope, table, row: g.Id)));
                break;
            case RuleScope.Cell:
                cellTargets.AddRange(Cells.Where(c => (table is null || c.Table == table.Id) && (types.Count == 0 || types.Contains(c.Type))).Select(c => c.Index));
                contexts.Add(new Context(scope, table));
                break;
            default:
                contexts.Add(new Context(scope, table));
                break;
        }

        var ruleDiagnostics = new List<RuleDiagnostic>();
        var instances = new List<RuleInstance>();
        var usesCells = false;
        foreach (var context in contexts)
        {
            context.Diagnostics = ruleDiagnostics;
            var check = Bind(rule.Check.Tree, context);
            var when = rule.When?.Tree is { } whenTree ? Bind(whenTree, context) : null;
            if (check is null || (rule.When is not null && when is null) || context.Absent)
            {
                continue;
            }
            if (check.Kind != ValueKind.Boolean)
            {
                context.Report(RuleFileDiagnostics.TypeMismatch.At(rule.Check.Span,
                    "check 应为一个条件（如 a = b、x >= 0、not blank(value)），而不是一个数 / 'check' must be a condition (a = b, x >= 0, …), not a number"));
                continue;
            }
            if (when is not null && when.Kind != ValueKind.Boolean)
            {
                context.Report(RuleFileDiagnostics.TypeMismatch.At(rule.When!.Span,
                    "when 应为一个条件（如 total > 0），而不是一个数 / 'when' must be a condition, not a number"));
                continue;
            }
            usesCells |= context.UsedCells;
            var (lhs, rhs) = Sides(check);
            instances.Add(new RuleInstance(
                context.Column ?? context.Row ?? "",
                -1,
                when,
                check,
                operandNames.Select(n => context.OperandCells.TryGetValue(n, out var cell) ? cell : -1).ToEquatableArray(),
                lhs,
                rhs));
        }
        foreach (var diagnostic in ruleDiagnostics.Distinct())
        {
            diagnostics.Add(diagnostic);
        }
        if (ruleDiagnostics.Count > 0)
        {
            return null;
        }

        if (instances.Count == 0 || (scope == RuleScope.Cell && cellTargets.Count == 0))
        {
            diagnostics.Add(RuleFileDiagnostics.NeverApplies.At(rule.Id.Span, rule.Id.Value,
                scope == RuleScope.Cell ? "没有任何单元格符合 table/types 条件" : "它引用的单元格在这张表的任何一列（行）中都不存在",
                scope == RuleScope.Cell ? "no cell matches its table/types" : "the cells it names exist in no column (row) of its table"));
            return null;
        }
        if (!usesCells)
        {
            diagnostics.Add(RuleFileDiagnostics.NeverApplies.At(rule.Check.Span, rule.Id.Value,
                "check 没有引用任何单元格，结果与报告内容无关", "'check' refers to no cell, so its result never depends on a report"));
            return null;
        }
        if (instances[0].When is { } constantWhen && !ReferencesCells(constantWhen) && IsConstantFalse(constantWhen))
        {
            diagnostics.Add(RuleFileDiagnostics.NeverApplies.At(rule.When!.Span, rule.Id.Value, "when 条件恒为假", "its 'when' is always false"));
            return null;
        }

        var isComparison = instances[0].Check is BoundBinary { Operator: "=" or "!=" or "<" or "<=" or ">" or ">=" };
        var message = BindMessage(rule.Message!, scope, isComparison, operandNames);
        var messageEn = rule.MessageEn is null ? message : BindMessage(rule.MessageEn, scope, isComparison, operandNames);
        if (message is null || messageEn is null)
        {
            return null;
        }

        return new RuleSpec(
            rule.Id.Value,
            rule.Name ?? rule.Id.Value,
            severity,
            basis,
            scope,
            table?.Id,
            rule.Title!,
            rule.TitleEn ?? rule.Title!,
            rule.Why!,
            rule.Check.Text,
            rule.When?.Text,
            tolerance,
            isComparison,
            message.Value,
            messageEn.Value,
            operandNames.ToEquatableArray(),
            instances.ToEquatableArray(),
            cellTargets.ToEquatableArray(),
            rule.Span);
    }

    private static IEnumerable<Reference> References(Expr expr) => expr switch
    {
        Reference r => new[] { r },
        Binary b => References(b.Left).Concat(References(b.Right)),
        Unary u => References(u.Operand),
        Call c => c.Arguments.SelectMany(References),
        RangeArgument => Enumerable.Empty<Reference>(),
        _ => Enumerable.Empty<Reference>(),
    };

    private static bool ReferencesCells(BoundExpr expr) => expr switch
    {
        BoundCell or BoundCurrentCell or BoundGroupSum => true,
        BoundSum s => s.Items.Any(ReferencesCells),
        BoundUnary u => ReferencesCells(u.Operand),
        BoundBinary b => ReferencesCells(b.Left) || ReferencesCells(b.Right),
        BoundCall c => c.Arguments.Any(ReferencesCells),
        _ => false,
    };

    private static bool IsConstantFalse(BoundExpr expr) => expr switch
    {
        BoundBinary { Operator: "and" } b => IsConstantFalse(b.Left) || IsConstantFalse(b.Right),
        BoundBinary { Operator: "=" or "!=" or "<" or "<=" or ">" or ">=" } b
            when b.Left is BoundNumber l && b.Right is BoundNumber r => !Compare(b.Operator, decimal.Parse(l.Text, CultureInfo.InvariantCulture), decimal.Parse(r.Text, CultureInfo.InvariantCulture)),
        _ => false,
    };

    private static bool Compare(string op, decimal a, decimal b) => op switch
    {
        "=" => a == b,
        "!=" => a != b,
        "<" => a < b,
        "<=" => a <= b,
        ">" => a > b,
        _ => a >= b,
    };

    private static (EquatableArray<Term>, EquatableArray<Term>) Sides(BoundExpr check)
    {
        if (check is not BoundBinary { Operator: "=" or "!=" or "<" or "<=" or ">" or ">=" } comparison)
        {
            return (EquatableArray<Term>.Empty, EquatableArray<Term>.Empty);
        }
        var lhs = new List<Term>();
        var rhs = new List<Term>();
        return (Linear(comparison.Left, 1, lhs) ? lhs.ToEquatableArray() : EquatableArray<Term>.Empty,
                Linear(comparison.Right, 1, rhs) ? rhs.ToEquatableArray() : EquatableArray<Term>.Empty);
    }

    /// <summary>Lists the cells of a side that is a plain sum or difference of cells, for showing the arithmetic.</summary>
    private static bool Linear(BoundExpr expr, int sign, List<Term> terms)
    {
        switch (expr)
        {
            case BoundCell cell:
                terms.Add(new Term(sign, cell.Index, EquatableArray<int>.Empty));
                return true;
            case BoundGroupSum group:
                terms.Add(new Term(sign, group.GroupCell, group.RowCells));
                return true;
            case BoundSum sum:
                return sum.Items.All(item => Linear(item, sign, terms));
            case BoundBinary { Operator: "+" } add:
                return Linear(add.Left, sign, terms) && Linear(add.Right, sign, terms);
            case BoundBinary { Operator: "-" } subtract:
                return Linear(subtract.Left, sign, terms) && Linear(subtract.Right, -sign, terms);
            case BoundUnary { Operator: "-" } negate:
                return Linear(negate.Operand, -sign, terms);
            default:
                return false;
        }
    }

    private EquatableArray<MessageSegment>? BindMessage(MessageSyntax message, RuleScope scope, bool isComparison, List<string> operandNames)
    {
        var available = new List<string>();
        if (isComparison)
        {
            available.AddRange(new[] { "lhs", "rhs", "difference" });
        }
        if (scope is RuleScope.Column or RuleScope.Cell)
        {
            available.Add("column");
        }
        if (scope is RuleScope.Row or RuleScope.Cell)
        {
            available.Add("row");
        }
        if (scope == RuleScope.Cell)
        {
            available.AddRange(new[] { "cell", "value" });
        }
        available.AddRange(operandNames);

        var segments = new List<MessageSegment>();
        var ok = true;
        foreach (var part in message.Parts)
        {
            if (!part.IsPlaceholder)
            {
                segments.Add(new MessageSegment(PlaceholderKind.Literal, part.Text, -1));
                continue;
            }
            if (!available.Contains(part.Text))
            {
                diagnostics.Add(RuleFileDiagnostics.UnknownPlaceholder.At(part.Span, part.Text,
                    available.Count == 0 ? "（无）" : string.Join(", ", available.Select(a => "{" + a + "}"))));
                ok = false;
                continue;
            }
            segments.Add(part.Text switch
            {
                "lhs" => new MessageSegment(PlaceholderKind.Lhs, part.Text, -1),
                "rhs" => new MessageSegment(PlaceholderKind.Rhs, part.Text, -1),
                "difference" => new MessageSegment(PlaceholderKind.Difference, part.Text, -1),
                "column" => new MessageSegment(PlaceholderKind.Column, part.Text, -1),
                "row" => new MessageSegment(PlaceholderKind.Row, part.Text, -1),
                "cell" => new MessageSegment(PlaceholderKind.Cell, part.Text, -1),
                "value" => new MessageSegment(PlaceholderKind.Value, part.Text, -1),
                _ => new MessageSegment(PlaceholderKind.Operand, part.Text, operandNames.IndexOf(part.Text)),
            });
        }
        return ok ? segments.ToEquatableArray() : null;
    }

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
        public bool Absent { get; set; }
        public bool UsedCells { get; set; }

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
            case "blank":
            case "text":
            {
                if (args.Count != 1 || args[0] is not Reference)
                {
                    return ArityError(call, context, $"{call.Name}(x) 需要一个单元格，如 {call.Name}(value) / {call.Name}(x) takes one cell, e.g. {call.Name}(value)");
                }
                var cell = Bind(args[0], context);
                return cell is null ? null : new BoundCall(call.Name, new[] { cell }.ToEquatableArray(), ValueKind.Boolean);
            }
            default:
                context.Report(RuleFileDiagnostics.UnknownFunction.At(call.Span,
                    $"没有名为“{call.Name}”的函数；可用：{string.Join("、", Functions)} / unknown function '{call.Name}'; available: {string.Join(", ", Functions)}"));
                return null;
        }
    }

    private BoundExpr? ArityError(Call call, Context context, string message)
    {
        context.Report(RuleFileDiagnostics.UnknownFunction.At(call.Span, message));
        return null;
    }

    private IEnumerable<BoundExpr>? BindSumArgument(Expr arg, Context context)
    {
        var table = context.Table;
        if (arg is Reference { Parts.Count: 1 } name && table is not null && context.Scope == RuleScope.Column
            && table.Groups.FirstOrDefault(g => g.Id == name.Parts[0]) is { } group)
        {
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
                    if (g.Rows[0] == row.Id)
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

    private BoundGroupSum GroupSum(TableSpec table, GroupSpec group, string column) =>
        new(cellIndex[(table.Id, group.Id, column)],
            group.Rows.Where(r => cellIndex.ContainsKey((table.Id, r, column))).Select(r => cellIndex[(table.Id, r, column)]).ToEquatableArray());

    private BoundExpr? BindReference(Reference reference, Context context)
    {
        var parts = reference.Parts;
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
        if (row is null && group is null)
        {
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "行", rowId!, $"（表 {table.Id}）；可用：{Suggestions(table.Rows.Select(r => r.Id), rowId!)}",
                "row", $" in table '{table.Id}'"));
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
            context.Report(RuleFileDiagnostics.UnknownReference.At(reference.Span, "列", columnId!, $"（表 {table.Id}）；可用：{Suggestions(table.Columns.Select(c => c.Id), columnId!)}",
                "column", $" in table '{table.Id}'"));
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

    private static string Suggestions(IEnumerable<string> ids, string typed)
    {
        var list = ids.ToList();
        var close = list.Where(id => id.Contains(typed) || typed.Contains(id)).ToList();
        return string.Join("、", (close.Count > 0 ? close : list).Take(12));
    }
}
