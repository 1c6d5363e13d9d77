using System.Text;
using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>
/// Label text as the importer compares it: spaces gone, half- and full-width forms unified, enumerators in one form
/// (（一）, 1.), quotes dropped. 「（三） 不予公开」, 「(三)不予公开」 and 「㈢不予公开」 all read as 「（三）不予公开」.
/// </summary>
public static class LabelText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw;
            if (char.IsWhiteSpace(c) || c == '\u3000' || c == '|')
            {
                continue;
            }
            // Full-width ASCII (０-９, Ａ-Ｚ, ．, ：) to half-width, except the brackets, which go the other way.
            if (c != '（' && c != '）')
            {
                c = FullWidth.ToAscii(c);
            }
            switch (c)
            {
                case '(':
                    builder.Append('（');
                    continue;
                case ')':
                    builder.Append('）');
                    continue;
                case '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」':
                    continue;
                case '、' when builder.Length > 0 && char.IsAsciiDigit(builder[^1]):
                    builder.Append('.');
                    continue;
                case ':':
                    builder.Append('：');
                    continue;
                case ',':
                    builder.Append('，');
                    continue;
            }
            if (c >= '\u3220' && c <= '\u3229')
            {
                // ㈠…㈩: parenthesised ideographs as some pages type （一）…（十）.
                builder.Append('（').Append("一二三四五六七八九十"[c - '\u3220']).Append('）');
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// How well <paramref name="label"/> (normalized) matches the end of <paramref name="text"/> (normalized): the longest
    /// common subsequence of the label and the text's tail, as a share of the label. 1 is an exact suffix; typos and
    /// characters lost in extraction lower it a little; an unrelated label scores low.
    /// </summary>
    public static double SuffixScore(string label, string text)
    {
        if (label.Length == 0 || text.Length == 0)
        {
            return 0;
        }
        if (text.EndsWith(label, StringComparison.Ordinal))
        {
            return 1;
        }
        var slack = Math.Max(3, label.Length / 3);
        var tail = text.Length <= label.Length + slack ? text : text[^(label.Length + slack)..];
        return (double)Lcs(label, tail) / label.Length;
    }

    private static int Lcs(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
