using System.Globalization;
using System.Text.Json;
using ReportLint.Benchmarks;
using ReportLint.Reading;
using ReportLint.Rules;
using ReportLint.Rules.Model;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Speed;

/// <summary>
/// Findings must not change when speed does: the generated validator with the fast reader against a straightforward
/// path — the bound rules from the front end interpreted over System.Text.Json's DOM — on a generated corpus.
/// </summary>
public class FastPathEquivalenceTests
{
    [Fact]
    public void The_fast_path_and_a_straightforward_interpreter_find_the_same_table_problems()
    {
        var spec = RuleCompiler.Bind(Directory.GetFiles(Paths.Rules, "*.yaml").Select(f => RuleCompiler.Parse(f, File.ReadAllText(f))))
            .Templates.Single(t => t.Name == "2021");
        var generator = new CorpusGenerator(TemplateRegistry.Default.Find("2021")!,
            CorpusGenerator.SectionsFrom(Lint.Example("004_459b43244279d95c.json")), seed: 7);

        var compared = 0;
        foreach (var (name, bytes) in generator.Reports(300))
        {
            var fast = Lint.Linter.Lint(name, bytes).Where(f => f.RuleId.StartsWith("RL10", StringComparison.Ordinal))
                .Select(f => $"{f.RuleId} {f.CellKey}").Order(StringComparer.Ordinal).ToList();
            var slow = Interpret(spec, bytes).Order(StringComparer.Ordinal).ToList();
            fast.ShouldBe(slow, name);
            compared += fast.Count;
        }
        compared.ShouldBeGreaterThan(20, "the corpus has a share of reports with errors");
    }

    /// <summary>Evaluates every table rule (RL10xx) of the bound template, cell by cell, with no generated code.</summary>
    private static IEnumerable<string> Interpret(TemplateSpec spec, byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var tables = document.RootElement.GetProperty("tables");
        decimal? Value(int index)
        {
            var cell = spec.Cells[index];
            if (!tables.TryGetProperty(cell.Table, out var table) || !table.TryGetProperty(cell.Row, out var row) || !row.TryGetProperty(cell.Column, out var value))
            {
                return null;
            }
            return value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
        }
        JsonValueKind? Kind(int index)
        {
            var cell = spec.Cells[index];
            return tables.TryGetProperty(cell.Table, out var t) && t.TryGetProperty(cell.Row, out var r) && r.TryGetProperty(cell.Column, out var v) ? v.ValueKind : null;
        }

        foreach (var rule in spec.Rules.Where(r => r.Id.StartsWith("RL10", StringComparison.Ordinal)))
        {
            var tolerance = decimal.Parse(rule.Tolerance ?? "0", CultureInfo.InvariantCulture);
            var targets = rule.Scope == RuleScope.Cell ? rule.CellTargets.Select(c => (Instance: rule.Instances[0], Cell: c)) : rule.Instances.Select(i => (Instance: i, Cell: -1));
            foreach (var (instance, cell) in targets)
            {
                object? Eval(BoundExpr e) => e switch
                {
                    BoundNumber n => decimal.Parse(n.Text, CultureInfo.InvariantCulture),
                    BoundCell c => Value(c.Index),
                    BoundCurrentCell => Value(cell),
                    BoundGroupSum g => Value(g.GroupCell) ?? (g.RowCells.All(r => Value(r) is not null) ? g.RowCells.Sum(r => Value(r)!.Value) : null),
                    BoundSum s => s.Items.Select(Eval).Aggregate((decimal?)0m, (a, b) => a is null || b is null ? null : a + (decimal)b),
                    BoundUnary { Operator: "not" } u => Eval(u.Operand) is bool b ? !b : null,
                    BoundUnary u => Eval(u.Operand) is decimal d ? -d : null,
                    BoundCall { Function: "blank" } c => Kind(c.Arguments[0] is BoundCell bc ? bc.Index : cell) == JsonValueKind.Null,
                    BoundCall { Function: "text" } c => Kind(c.Arguments[0] is BoundCell bc ? bc.Index : cell) == JsonValueKind.String,
                    BoundCall { Function: "whole" } c => Eval(c.Arguments[0]) is decimal d ? decimal.Truncate(d) == d : null,
                    BoundBinary b => Binary(b.Operator, Eval(b.Left), Eval(b.Right), tolerance),
                    _ => throw new InvalidOperationException(e.GetType().Name),
                };
                if (Eval(instance.Check) is false && (instance.When is null || Eval(instance.When) is true))
                {
                    var at = cell >= 0 ? cell : instance.Lhs.Count > 0 ? instance.Lhs[0].Cell : instance.Operands.FirstOrDefault(o => o >= 0);
                    yield return $"{rule.Id} {spec.Cells[at].Key}";
                }
            }
        }
    }

    private static object? Binary(string op, object? left, object? right, decimal tolerance)
    {
        if (op is "and" or "or")
        {
            var (l, r) = (left as bool?, right as bool?);
            return op == "and" ? (l == false || r == false ? false : l == true && r == true ? true : null)
                               : (l == true || r == true ? true : l == false && r == false ? false : null);
        }
        if (left is not decimal a || right is not decimal b)
        {
            return null;
        }
        return op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => b == 0 ? null : a / b,
            "=" => Math.Abs(a - b) <= tolerance,
            "!=" => Math.Abs(a - b) > tolerance,
            "<" => a < b - tolerance,
            "<=" => a <= b + tolerance,
            ">" => a > b + tolerance,
            _ => a >= b - tolerance,
        };
    }
}
