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
    private readonly int[] original;

    public NarrativeText(string section, string text)
    {
        Section = section;
        Text = text;
        var compact = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) || text[i] == '\n')
            {
                compact.Append(text[i]);
                map.Add(i);
            }
        }
        map.Add(text.Length);
        Compact = compact.ToString();
        original = map.ToArray();
    }

    public string Section { get; }

    public string Text { get; }

    public string Compact { get; }

    public List<NarrativeMatch> Find(NarrativePattern pattern)
    {
        var matches = new List<NarrativeMatch>();
        foreach (System.Text.RegularExpressions.Match match in pattern.Regex.Matches(Compact))
        {
            var start = original[match.Index];
            var end = original[match.Index + match.Length - 1] + 1;
            var (sentenceStart, sentenceEnd) = NarrativePattern.Sentence(Text, start, end);
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
            matches.Add(new NarrativeMatch(Section, start, end, sentenceStart, Text[sentenceStart..sentenceEnd].Trim(), number));
        }
        return matches;
    }
}
