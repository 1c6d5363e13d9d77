using ReportLint.Tests.Support;
using ReportLint.Rules.Grammar;

namespace ReportLint.Tests.Grammar;

public class ExpressionGrammarTests
{
    private static string Tree(Expr e) => e switch
    {
        NumberLiteral n => n.Text,
        TextLiteral t => "\"" + t.Value + "\"",
        Reference r => r.Path,
        RangeArgument r => r.From.Path + ".." + r.To.Path,
        Call c => c.Name + "(" + string.Join(", ", c.Arguments.Select(Tree)) + ")",
        Unary u => "(" + u.Operator + " " + Tree(u.Operand) + ")",
        Binary b => "(" + b.Operator + " " + Tree(b.Left) + " " + Tree(b.Right) + ")",
        _ => "?",
    };

    [Theory]
    [InlineData("new_received + carried_over = results_total + carried_forward", "(= (+ new_received carried_over) (+ results_total carried_forward))")]
    [InlineData("total == a+b", "(= total (+ a b))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("(a + b) * 2.5", "(* (+ a b) 2.5)")]
    [InlineData("-a + 3", "(+ (- a) 3)")]
    [InlineData("requests.disclosed.total >= 0", "(>= requests.disclosed.total 0)")]
    [InlineData("a != b", "(!= a b)")]
    [InlineData("a <> b", "(!= a b)")]
    [InlineData("a <= b and not c > d or e < f", "(or (and (<= a b) (not (> c d))) (< e f))")]
    [InlineData("not blank(value)", "(not blank(value))")]
    [InlineData("sum(withheld) = sum(state_secret..query_matters)", "(= sum(withheld) sum(state_secret..query_matters))")]
    [InlineData("abs(a - b) <= max(1, round(c, 2))", "(<= abs((- a b)) max(1, round(c, 2)))")]
    [InlineData("notes = 1", "(= notes 1)")]
    [InlineData("  total   =   x  ", "(= total x)")]
    [InlineData("f(\"收到申请\")", "f(\"收到申请\")")]
    public void Parses_valid_expressions_with_the_right_precedence(string text, string expected)
    {
        var outcome = ExpressionGrammar.ParseExpression(text);
        outcome.Error.ShouldBeNull();
        Tree(outcome.Expression!).ShouldBe(expected);
    }

    [Theory]
    [InlineData("a + ", 4)]
    [InlineData("a = = b", 4)]
    [InlineData("total = (a + b", 14)]
    [InlineData("a ＋ b", 2)]
    [InlineData("and = 1", 0)]
    [InlineData("sum(a,)", 5)]
    [InlineData("a = b c", 6)]
    [InlineData("\"unclosed", 9)]
    public void Rejects_invalid_expressions_at_the_offending_character(string text, int offset)
    {
        var outcome = ExpressionGrammar.ParseExpression(text);
        outcome.Expression.ShouldBeNull();
        outcome.Error.ShouldNotBeNull();
        outcome.ErrorOffset.ShouldBe(offset);
    }

    [Fact]
    public void Errors_say_in_Chinese_what_was_expected_for_the_staff_who_write_rules()
    {
        // The "expected" part was Sprache's English (number, cell reference or '(') inside the Chinese sentence.
        string[] texts = ["a + ", "a = = b", "total = (a + b", "a ＋ b", "and = 1", "sum(a,)", "a = b c", "\"unclosed", "0 <= x <= 10"];
        var errors = texts.Select(t => $"{t} → {ExpressionGrammar.ParseExpression(t).Error}");
        Snapshot.Match(this, string.Join("\n", errors));
    }

    [Fact]
    public void Positions_point_at_each_node()
    {
        var outcome = ExpressionGrammar.ParseExpression("total = a + bb");
        var comparison = (Binary)outcome.Expression!;
        var sum = (Binary)comparison.Right;
        sum.Right.Span.StartOffset.ShouldBe(12);
        sum.Right.Span.EndOffset.ShouldBe(14);
        comparison.Left.Span.StartOffset.ShouldBe(0);
    }
}
