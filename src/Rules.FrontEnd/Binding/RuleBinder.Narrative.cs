using ReportLint.Rules.Diagnostics;
using ReportLint.Rules.Grammar;
using ReportLint.Rules.Model;

namespace ReportLint.Rules.Binding;

// Binding stated( ) and mentions( ): the section, and what a phrase pattern may hold.
internal sealed partial class RuleBinder
{
    /// <summary><c>stated(section, pattern)</c> reads a number; <c>mentions(section, phrase)</c> tests for a phrase.</summary>
    private BoundExpr? BindNarrative(Call call, Context context)
    {
        var stated = call.Name == "stated";
        if (call.Arguments.Count != 2 || call.Arguments[0] is not TextLiteral { Value: var section } || call.Arguments[1] is not TextLiteral { Value: var pattern })
        {
            return ArityError(call, context, $"{call.Name}(\"节名\", \"短语\") 需要两个带引号的参数，如 {(stated ? "stated(\"overview\", \"收到*申请{n}件\")" : "mentions(\"overview\", \"均已办结\")")} / " +
                $"{call.Name}(\"section\", \"phrase\") takes two quoted arguments");
        }
        if (!CheckSection(section, call.Arguments[0], context))
        {
            return null;
        }
        var numbers = CountOf(pattern, "{n}");
        var problem = pattern.Trim().Length == 0 ? ("短语是空的", "the phrase is empty")
            : stated && numbers != 1 ? ("stated 的短语中要有且只有一个 {n}，标出要读的数字", "a stated() phrase needs exactly one {n} marking the number")
            : !stated && numbers != 0 ? ("mentions 的短语中不能有 {n}；要读数字请用 stated", "a mentions() phrase cannot contain {n}; use stated() to read a number")
            : Structure(pattern);
        if (problem.Item1 is not null)
        {
            context.Report(RuleFileDiagnostics.BadPattern.At(call.Arguments[1].Span, $"{problem.Item1} / {problem.Item2}"));
            return null;
        }
        var spec = new NarrativeSpec(section, pattern);
        var index = narratives.IndexOf(spec);
        if (index < 0)
        {
            narratives.Add(spec);
            index = narratives.Count - 1;
        }
        context.Narratives.Add(index);
        context.UsedCells = true;
        return stated ? new BoundStated(index) : new BoundMentions(index);
    }

    /// <summary>
    /// What is wrong with a phrase's parentheses and alternatives, if anything: each ( closed by a later ), every | inside
    /// parentheses (收到|受理申请 would otherwise mean "收到" or "受理申请"), and {n} outside them (a number that only
    /// one alternative reads would be missing when another matched).
    /// </summary>
    private static (string?, string?) Structure(string pattern)
    {
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '(':
                    depth++;
                    break;
                case ')' when depth == 0:
                    return ("括号不配对：“)”前面没有对应的“(”；可选词要写成 (收到|受理)", "unbalanced parentheses: a ')' without its '('; write alternatives as (a|b)");
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    return ("“|”只能写在括号里，如 (收到|受理)申请：不加括号时，它把整个短语分成两半", "'|' must be inside parentheses, as in (a|b): outside them it splits the whole phrase in two");
                case '{' when depth > 0 && string.CompareOrdinal(pattern, i, "{n}", 0, 3) == 0:
                    return ("{n} 不能写在括号里的可选词中，请写在括号外，如 (收到|受理)申请{n}件", "{n} cannot be inside the alternatives in parentheses; put it outside them, as in (a|b){n}");
            }
        }
        return depth == 0 ? default : ("括号不配对：有“(”没有对应的“)”；可选词要写成 (收到|受理)", "unbalanced parentheses: a '(' without its ')'; write alternatives as (a|b)");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, System.StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, System.StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private bool CheckSection(string section, Expr where, Context context)
    {
        if (System.Array.IndexOf(Sections, section) >= 0)
        {
            return true;
        }
        context.Report(RuleFileDiagnostics.BadPattern.At(where.Span,
            $"没有名为“{section}”的部分；可用：{string.Join("、", Sections)} / unknown section '{section}'; expected one of: {string.Join(", ", Sections)}"));
        return false;
    }
}
