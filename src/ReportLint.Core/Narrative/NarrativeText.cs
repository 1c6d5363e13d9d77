using System.Buffers;
using System.Text;

namespace ReportLint.Narrative;

/// <summary>
/// One match of a pattern in a section: where it is in the section text, and the number it states, if any. The sentence
/// around it is worked out when a finding quotes it: a section of megabytes repeating a phrase has a match every few
/// characters, and a quoted sentence of up to 600 characters for each took gigabytes.
/// </summary>
public sealed class NarrativeMatch(NarrativeText text, int start, int end, StatedNumber? number)
{
    private (int Start, string Text)? sentence;

    public string Section => text.Section;

    /// <summary>Where the match starts in the section's text.</summary>
    public int Start => start;

    public int End => end;

    public StatedNumber? Number => number;

    /// <summary>Where the quoted sentence starts in the section's text.</summary>
    public int SentenceStart => (sentence ??= text.SentenceAround(start, end)).Start;

    /// <summary>The sentence the match is in, trimmed, with “…” where it was cut short.</summary>
    public string Sentence => (sentence ??= text.SentenceAround(start, end)).Text;
}

/// <summary>
/// A section's text with white space removed for matching, and the way back to positions in the original text
/// (so a finding can quote the sentence and point at it).
/// </summary>
public sealed class NarrativeText
{
    private static readonly SearchValues<char> Removed = SearchValues.Create(WhiteSpaceButNewline());

    // Where compact text was cut: compact index i maps to i + shift of the last cut at or before i. Most sections
    // have few white-space runs, so this is much smaller than a position per character.
    private readonly int[] cutAt;
    private readonly int[] cutShift;

    public NarrativeText(string section, string text)
    {
        Section = section;
        Text = text;
        var first = text.AsSpan().IndexOfAny(Removed);
        if (first < 0)
        {
            Compact = text;
            cutAt = cutShift = [];
            return;
        }
        var compact = new StringBuilder(text.Length);
        var at = new List<int>();
        var shift = new List<int>();
        var from = 0;
        var next = first;
        while (next >= 0)
        {
            compact.Append(text, from, next - from);
            var end = next;
            while (end < text.Length && Removed.Contains(text[end]))
            {
                end++;
            }
            at.Add(compact.Length);
            shift.Add(end - compact.Length);
            from = end;
            var rest = text.AsSpan(from).IndexOfAny(Removed);
            next = rest < 0 ? -1 : from + rest;
        }
        compact.Append(text, from, text.Length - from);
        Compact = compact.ToString();
        cutAt = at.ToArray();
        cutShift = shift.ToArray();
    }

    /// <summary>The position in <see cref="Text"/> of a position in <see cref="Compact"/>.</summary>
    private int Original(int compactIndex)
    {
        var cut = Array.BinarySearch(cutAt, compactIndex);
        if (cut < 0)
        {
            cut = ~cut - 1;
        }
        return compactIndex + (cut < 0 ? 0 : cutShift[cut]);
    }

    private static string WhiteSpaceButNewline()
    {
        var chars = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c) && c != '\n')
            {
                chars.Append((char)c);
            }
        }
        return chars.ToString();
    }

    public string Section { get; }

    public string Text { get; }

    public string Compact { get; }

    public List<NarrativeMatch> Find(NarrativePattern pattern)
    {
        var matches = new List<NarrativeMatch>();
        // Match by match: a MatchCollection keeps every Match it has handed out, with its groups, until the loop ends.
        for (var match = pattern.Regex.Match(Compact); match.Success; match = match.NextMatch())
        {
            StatedNumber? number = null;
            if (match.Groups["n"].Success)
            {
                if (!NumberReader.TryRead(match.Groups["n"].Value.TrimEnd('.', '．', ',', '，'), out var value))
                {
                    continue;
                }
                number = new StatedNumber(value, match.Groups["approx"].Success, match.Groups["percent"].Success);
            }
            var start = Original(match.Index);
            var end = Original(match.Index + match.Length - 1) + 1;
            matches.Add(new NarrativeMatch(this, start, end, number));
        }
        return matches;
    }

    /// <summary>The sentence around the text from <paramref name="start"/> to <paramref name="end"/>, as a finding quotes it.</summary>
    internal (int Start, string Text) SentenceAround(int start, int end)
    {
        var (sentenceStart, sentenceEnd, cutStart, cutEnd) = NarrativePattern.Sentence(Text, start, end);
        while (sentenceStart < start && char.IsWhiteSpace(Text[sentenceStart]))
        {
            sentenceStart++;
        }
        var sentence = Text[sentenceStart..sentenceEnd].Trim();
        return (sentenceStart, (cutStart ? "…" : "") + sentence + (cutEnd ? "…" : ""));
    }
}
