using System.Text;
using System.Text.RegularExpressions;

namespace ReportLint.Narrative;

/// <summary>
/// A phrase pattern from a rule (docs/rules.md): literal text, <c>{n}</c> for the number, <c>*</c> for a few words
/// within the same sentence, <c>(收到|受理)</c> for alternatives. White space is ignored on both sides, because
/// extracted PDF text puts spaces around numbers ("受理政府信息公开申请 21 件").
/// </summary>
public sealed class NarrativePattern
{
    private const string SentenceEnd = "。；;！？!?\n";

    public NarrativePattern(string section, string text)
    {
        Section = section;
        Text = text;
    }

    public string Section { get; }

    public string Text { get; }

    // Built when first matched: a run over one template's reports never builds the other template's patterns, and a
    // one-file run starts sooner. Two threads may both build it; either result is the same.
    private Regex? regex;

    public Regex Regex => regex ??= new Regex(Translate(Text), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool HasNumber => Text.Contains("{n}", StringComparison.Ordinal);

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            if (pattern.AsSpan(i).StartsWith("{n}"))
            {
                regex.Append($"(?<n>{NumberReader.NumberCharacterClass}+)(?<approx>余|多)?(?<percent>%|％)?");
                i += 2;
            }
            else if (c == '*')
            {
                regex.Append($"[^{Regex.Escape(SentenceEnd)}]{{0,16}}?");
            }
            else if (c is '(' or '|' or ')')
            {
                regex.Append(c == '(' ? "(?:" : c.ToString());
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return regex.ToString();
    }

    /// <summary>Characters a quoted sentence may reach on each side of the match before it is cut with “…”.</summary>
    public const int MaxSentenceReach = 300;

    /// <summary>
    /// The sentence around a position: from the previous sentence end to the next, but no further than
    /// <see cref="MaxSentenceReach"/> characters either side (a text without 。 would otherwise be quoted whole, and
    /// walked once for every match in it). Cut says on which sides the sentence goes on.
    /// </summary>
    public static SentenceSpan Sentence(string text, int start, int end)
    {
        var from = start;
        var earliest = Math.Max(0, start - MaxSentenceReach);
        while (from > earliest && SentenceEnd.IndexOf(text[from - 1]) < 0)
        {
            from--;
        }
        var to = end;
        var latest = Math.Min(text.Length, end + MaxSentenceReach);
        while (to < latest && SentenceEnd.IndexOf(text[to]) < 0)
        {
            to++;
        }
        var cutEnd = to == latest && to < text.Length && SentenceEnd.IndexOf(text[to]) < 0;
        if (!cutEnd && to < text.Length && text[to] != '\n')
        {
            to++;
        }
        return new SentenceSpan(from, to, from == earliest && from > 0 && SentenceEnd.IndexOf(text[from - 1]) < 0, cutEnd);
    }
}

/// <summary>Where a quoted sentence starts and ends, and whether it was cut short on either side.</summary>
public readonly record struct SentenceSpan(int Start, int End, bool CutStart, bool CutEnd);
