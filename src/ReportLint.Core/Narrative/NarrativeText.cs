using System.Buffers;
using System.Text;

namespace ReportLint.Narrative;

/// <summary>One match of a pattern in a section: where it is in the section text, and the number it states, if any.</summary>
public sealed record NarrativeMatch(string Section, int Start, int End, int SentenceStart, string Sentence, StatedNumber? Number);

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
        foreach (System.Text.RegularExpressions.Match match in pattern.Regex.Matches(Compact))
        {
            var start = Original(match.Index);
            var end = Original(match.Index + match.Length - 1) + 1;
            var (sentenceStart, sentenceEnd, cutStart, cutEnd) = NarrativePattern.Sentence(Text, start, end);
            StatedNumber? number = null;
            if (match.Groups["n"].Success)
            {
                if (!NumberReader.TryRead(match.Groups["n"].Value.TrimEnd('.', '．', ',', '，'), out var value))
                {
                    continue;
                }
                number = new StatedNumber(value, match.Groups["approx"].Success, match.Groups["percent"].Success);
            }
            while (sentenceStart < start && char.IsWhiteSpace(Text[sentenceStart]))
            {
                sentenceStart++;
            }
            var sentence = Text[sentenceStart..sentenceEnd].Trim();
            matches.Add(new NarrativeMatch(Section, start, end, sentenceStart, (cutStart ? "…" : "") + sentence + (cutEnd ? "…" : ""), number));
        }
        return matches;
    }
}
