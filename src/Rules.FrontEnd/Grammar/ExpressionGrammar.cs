using System.Collections.Generic;
using System.Linq;
using ReportLint.Rules.Model;
using Sprache;

namespace ReportLint.Rules.Grammar;

/// <summary>
/// The rule expression language. Precedence, loosest first: <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons (<c>= != &lt; &lt;= &gt; &gt;=</c>), <c>+ -</c>, <c>* /</c>, unary minus, then numbers, "text",
/// references (<c>row</c>, <c>row.column</c>, <c>table.row.column</c>) and calls (<c>sum(withheld)</c>, <c>abs(x)</c>).
/// </summary>
public static class ExpressionGrammar
{
    private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

    private static readonly HashSet<string> Keywords = new() { "and", "or", "not" };

    private static readonly Parser<string> Word =
        from first in Parse.Char(IsNameStart, "letter")
        from rest in Parse.Char(IsNamePart, "letter or digit").Many().Text()
        select first + rest;

    private static Parser<string> Keyword(string keyword) =>
        Word.Where(w => w == keyword).Named(keyword).Token();

    private static readonly Parser<string> Name =
        Word.Where(w => !Keywords.Contains(w)).Named("name");

    // 0-9 only: Parse.Digit is char.IsDigit, which also takes full-width ３ (typed with a Chinese input method) and other
    // scripts' digits, and the number then failed later as "out of range".
    private static readonly Parser<char> Digit = Parse.Char(c => c is >= '0' and <= '9', "digit");

    private static readonly Parser<Expr> Number =
        (from integer in Digit.AtLeastOnce().Text()
         from fraction in Parse.Char('.').Then(_ => Digit.AtLeastOnce().Text()).Optional()
         select (Expr)new NumberLiteral(fraction.IsDefined ? integer + "." + fraction.Get() : integer))
        .Positioned().Named("number").Token();

    private static readonly Parser<Expr> Text =
        (from open in Parse.Char('"')
         from chars in Parse.String("\\\"").Return('"').Or(Parse.String("\\\\").Return('\\')).Or(Parse.CharExcept("\"\\")).Many().Text()
         from close in Parse.Char('"').Named("closing quote")
         select (Expr)new TextLiteral(chars))
        .Positioned().Named("text in double quotes").Token();

    private static readonly Parser<Reference> ReferencePath =
        (from first in Name
         from rest in Parse.Char('.').Then(_ => Name).Many()
         select new Reference(Enumerable.Concat(new[] { first }, rest).ToEquatableArray()))
        .Named("cell reference");

    private static readonly Parser<Expr> ReferenceExpr =
        ReferencePath.Select(r => (Expr)r).Positioned().Token();

    private static readonly Parser<Expr> Range =
        (from from_ in ReferenceExpr
         from dots in Parse.String("..").Token()
         from to in ReferenceExpr
         select (Expr)new RangeArgument((Reference)from_, (Reference)to))
        .Positioned().Named("range").Token();

    private static readonly Parser<Expr> Argument = Range.Or(Parse.Ref(() => Expression));

    private static readonly Parser<Expr> CallExpr =
        (from name in Name
         from open in Parse.Char('(').Token()
         from args in Argument.DelimitedBy(Parse.Char(',').Token()).Optional()
         from close in Parse.Char(')').Token().Named("')'")
         select (Expr)new Call(name, (args.IsDefined ? args.Get() : Enumerable.Empty<Expr>()).ToEquatableArray()))
        .Positioned().Named("function call").Token();

    private static readonly Parser<Expr> Parenthesised =
        from open in Parse.Char('(').Token()
        from inner in Parse.Ref(() => Expression)
        from close in Parse.Char(')').Token().Named("')'")
        select inner;

    private static readonly Parser<Expr> Primary =
        Parenthesised.Or(Number).Or(Text).Or(CallExpr).Or(ReferenceExpr)
            .Named("number, cell reference or '('");

    private static readonly Parser<Expr> Negation =
        (from minus in Parse.Char('-').Token()
         from operand in Parse.Ref(() => Signed)
         select (Expr)new Unary("-", operand)).Positioned();

    private static readonly Parser<Expr> Signed = Negation.Or(Primary);

    private static Parser<string> Operator(params string[] symbols) =>
        symbols.Select(s => Parse.String(s).Text()).Aggregate((a, b) => a.Or(b)).Token();

    private static Expr MakeBinary(string op, Expr left, Expr right) =>
        new Binary(op, left, right)
        {
            Span = new SourceSpan("", left.Span.StartOffset, right.Span.EndOffset, left.Span.StartLine, left.Span.StartColumn, right.Span.EndLine, right.Span.EndColumn),
        };

    private static readonly Parser<Expr> Product =
        Parse.ChainOperator(Operator("*", "/").Named("'*' or '/'"), Signed, MakeBinary);

    private static readonly Parser<Expr> Sum =
        Parse.ChainOperator(Operator("+", "-").Named("'+' or '-'"), Product, MakeBinary);

    private static readonly Parser<string> ComparisonOperator =
        Operator("==", "!=", "<>", "<=", ">=", "=", "<", ">").Select(op => op switch
        {
            "==" => "=",
            "<>" => "!=",
            _ => op,
        }).Named("comparison");

    private static readonly Parser<Expr> Comparison =
        from left in Sum
        from rest in (from op in ComparisonOperator from right in Sum select (op, right)).Optional()
        select rest.IsDefined ? MakeBinary(rest.Get().op, left, rest.Get().right) : left;

    private static readonly Parser<Expr> Not =
        (from keyword in Keyword("not")
         from operand in Parse.Ref(() => Not)
         select (Expr)new Unary("not", operand)).Positioned()
        .Or(Comparison);

    private static readonly Parser<Expr> And =
        Parse.ChainOperator(Keyword("and"), Not, MakeBinary);

    private static readonly Parser<Expr> Expression =
        Parse.ChainOperator(Keyword("or"), And, MakeBinary);

    private static readonly Parser<Expr> Root = Expression.Token().End();

    private static readonly string[] Operators = { "==", "!=", "<>", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "and", "or" };

    private static readonly string[] Comparisons = { "==", "!=", "<>", "<=", ">=", "=", "<", ">" };

    /// <summary>
    /// A sign as printed or typed by habit where the expression language has an ASCII operator: ≥ ≤ ≠ × ÷, => and =&lt;,
    /// Chinese quotation marks. At the parser's stopping point or the character before it (=> stops at the >).
    /// </summary>
    private static (string Written, string Ascii, int At)? MathSymbol(string text, int offset)
    {
        for (var at = offset; at >= System.Math.Max(0, offset - 1); at--)
        {
            var pair = at + 1 < text.Length ? text.Substring(at, 2) : "";
            var found = text[at] switch
            {
                '≥' => ("≥", ">="),
                '≤' => ("≤", "<="),
                '≠' => ("≠", "!="),
                '×' => ("×", "*"),
                '÷' => ("÷", "/"),
                '“' or '”' => (text[at].ToString(), "\""),
                _ when pair == "=>" => ("=>", ">="),
                _ when pair == "=<" => ("=<", "<="),
                _ => ((string, string)?)null,
            };
            if (found is { } f)
            {
                return (f.Item1, f.Item2, at);
            }
        }
        return null;
    }

    private static readonly Parser<Expr> Operand = Not;

    /// <summary>Parses an expression. On failure the error says what was found and what was expected, and where.</summary>
    public static ParseOutcome ParseExpression(string text)
    {
        if (TooBig(text) is { } tooBig)
        {
            return tooBig;
        }
        var result = Root.TryParse(text);
        if (result.WasSuccessful)
        {
            return new ParseOutcome(result.Value, null, 0);
        }
        var stop = SkipSpace(text, result.Remainder.Position);
        if (stop < text.Length && Comparisons.Any(o => string.CompareOrdinal(text, stop, o, 0, o.Length) == 0)
            && Root.TryParse(text.Substring(0, stop)) is { WasSuccessful: true, Value: Binary { Operator: var op } } && Comparisons.Contains(op))
        {
            // "0 <= x <= 10": a comparison already made, then another comparison operator.
            return new ParseOutcome(null,
                "比较不能连写：a <= x <= b 要写成 a <= x and x <= b (comparisons cannot be chained: write a <= x and x <= b)", stop);
        }
        var (offset, current, expectations) = Refine(text, result);
        if (offset < text.Length && MathSymbol(text, offset) is { } symbol)
        {
            return new ParseOutcome(null, $"“{symbol.Written}”要写成“{symbol.Ascii}” ('{symbol.Written}' is written '{symbol.Ascii}')", symbol.At);
        }
        if (offset < text.Length && char.IsDigit(text[offset]) && text[offset] > '9')
        {
            var from = offset;
            while (from > 0 && char.IsDigit(text[from - 1]))
            {
                from--;
            }
            var to = offset;
            while (to < text.Length && char.IsDigit(text[to]))
            {
                to++;
            }
            var written = text.Substring(from, to - from);
            return new ParseOutcome(null, $"数字“{written}”中有中文（全角）数字；请改用英文（半角）数字 0–9 (number '{written}' has full-width digits: use ASCII 0-9)", offset);
        }
        if (offset < text.Length && FullWidth.Is(text[offset]))
        {
            // Typed with a Chinese input method: （ ） ， ＋ ＝ and the full-width space look like the ASCII ones.
            var ascii = FullWidth.ToAscii(text[offset]);
            return new ParseOutcome(null,
                $"“{text[offset]}”是中文（全角）字符，表达式中请改用英文（半角）的“{ascii}” (full-width '{text[offset]}': use the ASCII '{ascii}')", offset);
        }
        if (offset < text.Length && text[offset] == '\'')
        {
            return new ParseOutcome(null, "表达式中的文字要用英文双引号括起来，如 mentions(\"overview\", \"均已办结\")，不能用单引号 (text takes double quotes, not single quotes)", offset);
        }
        // A word is shown whole ("and", not "a").
        var end = offset;
        while (end < text.Length && IsNamePart(text[end]))
        {
            end++;
        }
        var token = offset >= text.Length ? "" : text.Substring(offset, System.Math.Max(1, end - offset));
        var found = offset >= text.Length ? "end of expression" : $"'{token}'";
        var foundZh = offset >= text.Length ? "表达式在此结束" : $"意外出现“{token}”";
        var expected = expectations.Count > 0 ? string.Join(", ", expectations) : "end of expression";
        var expectedZh = expectations.Count > 0 ? InChinese(expectations) : "表达式到此结束";
        return new ParseOutcome(null, $"{foundZh}，这里应为{expectedZh} (unexpected {found}, expected {expected})", offset);
    }

    /// <summary>Deepest nesting of parentheses an expression may have.</summary>
    public const int MaxNesting = 64;

    /// <summary>Most operators an expression may have (表三's longest check has 8; 2,000 still compile).</summary>
    public const int MaxOperators = 1000;

    /// <summary>
    /// An expression nested or chained so far that the parser, binder and generated code would recurse past the
    /// compiler's stack (5,000 terms or 3,000 nested parentheses ended the build in a stack overflow, with no location).
    /// </summary>
    private static ParseOutcome? TooBig(string text)
    {
        var depth = 0;
        var operators = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '(' && ++depth > MaxNesting)
            {
                return new ParseOutcome(null, $"括号嵌套超过 {MaxNesting} 层；请拆成几条规则 (parentheses nest more than {MaxNesting} deep: split the rule)", i);
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c is '+' or '-' or '*' or '/' or '=' or '<' or '>' && ++operators > MaxOperators)
            {
                return new ParseOutcome(null, $"表达式中的运算超过 {MaxOperators} 个；请用 sum(分组) 或拆成几条规则 (more than {MaxOperators} operators: use sum() over a group, or split the rule)", i);
            }
        }
        return null;
    }

    /// <summary>
    /// What the parser expected, for the policy staff who write rules: the names given with <c>Named</c> above in
    /// Chinese, symbols in Chinese quotes, the list joined as Chinese lists are (a、b或c).
    /// </summary>
    private static string InChinese(List<string> expectations)
    {
        var words = expectations.SelectMany(e => e.Split(new[] { ", ", " or " }, System.StringSplitOptions.RemoveEmptyEntries))
            .Select(e => e switch
            {
                "number" => "数字",
                "name" => "名称",
                "cell reference" => "单元格（如 requests.new_received.total）",
                "text in double quotes" => "双引号中的文字",
                "closing quote" => "右引号“\"”",
                "range" => "范围",
                "function call" => "函数调用",
                "comparison" => "比较（=、!=、<、<=、>、>=）",
                "end of expression" => "表达式结束",
                "end of input" => "运算符（如 +、=、and）或表达式结束",
                _ when e.Length >= 3 && e[0] == '\'' && e[e.Length - 1] == '\'' => $"“{e.Substring(1, e.Length - 2)}”",
                _ => $"“{e}”",
            })
            .Distinct().ToList();
        return words.Count == 1 ? words[0] : string.Join("、", words.Take(words.Count - 1)) + "或" + words[words.Count - 1];
    }

    /// <summary>
    /// Sprache stops at the start of the part it could not use (for "a + " that is the '+'). The mistake is usually
    /// further on: after a dangling operator, or inside a call's parentheses. Parse from there to find where it is.
    /// </summary>
    private static (int Offset, char Current, List<string> Expectations) Refine(string text, IResult<Expr> failure)
    {
        var offset = failure.Remainder.Position;
        var expectations = failure.Expectations.Distinct().ToList();
        for (var guard = 0; guard < 64; guard++)
        {
            var at = SkipSpace(text, offset);
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, at, o, 0, o.Length) == 0
                && (!char.IsLetter(o[0]) || at + o.Length >= text.Length || !IsNamePart(text[at + o.Length])));
            if (op is not null && at > 0)
            {
                var next = SkipSpace(text, at + op.Length);
                var operand = Operand.TryParse(text.Substring(next));
                if (!operand.WasSuccessful)
                {
                    return (next + operand.Remainder.Position, '\0', operand.Expectations.Distinct().DefaultIfEmpty("number, cell reference or '('").ToList());
                }
                offset = next + operand.Remainder.Position;
                continue;
            }
            if (at < text.Length && text[at] == '(')
            {
                var start = at;
                while (start > 0 && IsNamePart(text[start - 1]))
                {
                    start--;
                }
                if (start < at)
                {
                    var call = CallExpr.TryParse(text.Substring(start));
                    if (!call.WasSuccessful)
                    {
                        return (start + call.Remainder.Position, '\0', call.Expectations.Distinct().ToList());
                    }
                }
            }
            return (at, '\0', expectations);
        }
        return (offset, '\0', expectations);
    }

    private static int SkipSpace(string text, int offset)
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
        {
            offset++;
        }
        return offset;
    }
}

public sealed record ParseOutcome(Expr? Expression, string? Error, int ErrorOffset);
