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
internal sealed partial class RuleBinder
{
    private static readonly string[] Functions = { "sum", "abs", "round", "min", "max", "blank", "text", "whole", "stated", "mentions", "empty", "deadline" };

    /// <summary>The narrative sections of a report file, by their keys in docs/report-json.md.</summary>
    private static readonly string[] Sections = { "preamble", "overview", "proactive", "requests", "appeals", "problems", "other" };

    private readonly List<RuleDiagnostic> diagnostics;
    private readonly List<TableSpec> tables;
    private readonly Dictionary<(string Table, string Row, string Column), int> cellIndex;

    private readonly List<NarrativeSpec> narratives;

    public RuleBinder(List<RuleDiagnostic> diagnostics, List<TableSpec> tables, List<CellSpec> cells, List<NarrativeSpec> narratives)
    {
        this.narratives = narratives;
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
                diagnostics.Add(RuleFileDiagnostics.DuplicateId.At(rule.Id.Span, "规则 id ", rule.Id.Value, first.StartLine, "rule id", "", ""));
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
                var (zh, en) = Names.Suggestions(tables.Select(t => t.Id), tableName.Value);
                diagnostics.Add(RuleFileDiagnostics.UnknownReference.At(tableName.Span, "表", tableName.Value,
                    $"；{zh}", "table", $"{en}; expected one of: {string.Join(", ", tables.Select(t => t.Id))}"));
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
            var missing = rule.Title is null && rule.Why is null ? ("title:（一句话说明检查什么）和 why:（为什么重要）", "'title:' and 'why:'")
                : rule.Title is null ? ("title:（一句话说明检查什么）", "'title:'")
                : ("why:（为什么重要）", "'why:'");
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Id.Span,
                $"规则 {rule.Id.Value} 缺少 {missing.Item1} / rule {rule.Id.Value} needs {missing.Item2}"));
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
            .Select(r => r.Path).Where(p => p != "value" && !p.StartsWith("report.", System.StringComparison.Ordinal)).Distinct().ToList();

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
        var usesPrevious = false;
        var usesNarrative = false;
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
            usesPrevious |= context.UsesPrevious;
            usesNarrative |= context.Narratives.Count > 0;
            var (lhs, rhs) = Sides(check);
            instances.Add(new RuleInstance(
                context.Column ?? context.Row ?? "",
                -1,
                when,
                check,
                operandNames.Select(n => context.OperandCells.TryGetValue(n, out var cell) ? cell : -1).ToEquatableArray(),
                operandNames.Select(n => context.PreviousOperandCells.TryGetValue(n, out var cell) ? cell : -1).ToEquatableArray(),
                context.Narratives.Distinct().ToEquatableArray(),
                context.ReportFields.Distinct().ToEquatableArray(),
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
        if (scope is RuleScope.Column or RuleScope.Row && instances.Count > 1
            && instances.All(i => Equals(i.Check, instances[0].Check) && Equals(i.When, instances[0].When)))
        {
            // Every column (row) would check the same cells, and report the same problem once per column.
            var (what, whatEn) = scope == RuleScope.Column ? ("列", "column") : ("行", "row");
            diagnostics.Add(RuleFileDiagnostics.Structure.At(rule.Check.Span,
                $"规则 {rule.Id.Value} 是 each: {whatEn}，但 check 只用到固定的单元格，每一{what}检查的都是同一个条件，同一个问题会报告 {instances.Count} 次；请去掉 each:，或在 check 中用逐{what}的名称 / " +
                $"rule {rule.Id.Value} is each: {whatEn}, but its check names fixed cells only: every {whatEn} would check the same thing and report it {instances.Count} times; remove 'each:' or use the per-{whatEn} names"));
            return null;
        }
        if (instances[0].When is { } constantWhen && !ReferencesCells(constantWhen) && IsConstantFalse(constantWhen))
        {
            diagnostics.Add(RuleFileDiagnostics.NeverApplies.At(rule.When!.Span, rule.Id.Value, "when 条件恒为假", "its 'when' is always false"));
            return null;
        }

        if (rule.Tolerance is { } given && !ContainsComparison(instances[0].Check))
        {
            // It was accepted and did nothing: the rule's author believed small differences were allowed.
            diagnostics.Add(RuleFileDiagnostics.Structure.At(given.Span,
                $"规则 {rule.Id.Value} 的 tolerance 不起作用：容差只用于 check 中的比较（=、!=、<、<=、>、>=），而这个 check 中没有比较；请删去 tolerance / " +
                $"rule {rule.Id.Value}: 'tolerance' applies to comparisons (=, !=, <, <=, >, >=) and its check has none; remove it"));
            return null;
        }

        var isComparison = IsComparison(instances[0].Check);
        var message = BindMessage(rule.Message!, scope, isComparison, usesNarrative, operandNames);
        var messageEn = rule.MessageEn is null ? message : BindMessage(rule.MessageEn, scope, isComparison, usesNarrative, operandNames);
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
            rule.ExamplePass,
            rule.ExampleFail,
            rule.Check.Text,
            rule.When?.Text,
            tolerance,
            isComparison,
            usesPrevious,
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

    private static bool ReferencesCells(BoundExpr expr) => AnyPart(expr, e => e is BoundCell or BoundCurrentCell or BoundGroupSum);

    private static bool ContainsComparison(BoundExpr expr) => AnyPart(expr, IsComparison);

    private static bool IsComparison(BoundExpr expr) => expr is BoundBinary { Operator: "=" or "!=" or "<" or "<=" or ">" or ">=" };

    /// <summary>Whether <paramref name="expr"/> or any expression inside it is one that <paramref name="match"/> accepts.</summary>
    private static bool AnyPart(BoundExpr expr, System.Func<BoundExpr, bool> match) => match(expr) || expr switch
    {
        BoundSum s => s.Items.Any(i => AnyPart(i, match)),
        BoundUnary u => AnyPart(u.Operand, match),
        BoundBinary b => AnyPart(b.Left, match) || AnyPart(b.Right, match),
        BoundCall c => c.Arguments.Any(a => AnyPart(a, match)),
        _ => false,
    };

    private static bool IsConstantFalse(BoundExpr expr) => expr switch
    {
        BoundBinary { Operator: "and" } b => IsConstantFalse(b.Left) || IsConstantFalse(b.Right),
        BoundBinary b when IsComparison(b) && b.Left is BoundNumber l && b.Right is BoundNumber r => !Compare(b.Operator, decimal.Parse(l.Text, CultureInfo.InvariantCulture), decimal.Parse(r.Text, CultureInfo.InvariantCulture)),
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
            case BoundPreviousCell previous:
                terms.Add(new Term(sign, previous.Index, EquatableArray<int>.Empty, Previous: true));
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

    private EquatableArray<MessageSegment>? BindMessage(MessageSyntax message, RuleScope scope, bool isComparison, bool usesNarrative, List<string> operandNames)
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
        if (usesNarrative)
        {
            available.Add("sentence");
            available.Add("missing");
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
                "sentence" => new MessageSegment(PlaceholderKind.Sentence, part.Text, -1),
                "missing" => new MessageSegment(PlaceholderKind.Missing, part.Text, -1),
                _ => new MessageSegment(PlaceholderKind.Operand, part.Text, operandNames.IndexOf(part.Text)),
            });
        }
        return ok ? segments.ToEquatableArray() : null;
    }


}
