namespace ReportLint.Findings;

/// <summary>
/// Text a report file supplies — a key, a template name, a cell's text, the agency's name — as a finding quotes it:
/// whole when it is of a normal length, cut with “…” when not. A key or a cell of a megabyte (a broken or hostile
/// file) otherwise became a message of a megabyte, repeated in every finding that quoted it.
/// </summary>
public static class Quoted
{
    /// <summary>Longer than any key, label or agency name a real report has.</summary>
    public const int MaxLength = 100;

    public static string Brief(string text)
    {
        if (text.Length <= MaxLength)
        {
            return Visible(text);
        }
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return Visible(text[..cut]) + "…";
    }

    /// <summary>
    /// Control characters shown as symbols instead of acted on: ␛ for ESC, ␊ for a line feed (U+2400 + the code; ␡ for
    /// DEL; � for C1 controls). A cell's text or a file name with ESC sequences otherwise cleared the terminal or set its
    /// title when findings were printed, and one with a line feed started a line of its own — in CI logs a line such as
    /// <c>::error::…</c>, which GitHub Actions takes as a command. Azure Pipelines' <c>##vso[</c> is defused too.
    /// </summary>
    public static string Visible(string text)
    {
        var shown = WithoutControls(text);
        // Azure Pipelines takes ##vso[…] anywhere in a line of the log (and ##[…] at its start) as a command: a cell's
        // text could set a pipeline variable. The first # becomes ＃, still read as such by a person.
        return shown.Contains("##", StringComparison.Ordinal)
            ? shown.Replace("##vso[", "＃#vso[", StringComparison.OrdinalIgnoreCase).Replace("##[", "＃#[", StringComparison.Ordinal)
            : shown;
    }

    /// <summary><see cref="Visible"/> for each line of a text that has several: its line feeds kept.</summary>
    public static string VisibleLines(string text) =>
        text.Contains('\n') ? string.Join('\n', text.Split('\n').Select(Visible)) : Visible(text);

    private static string WithoutControls(string text)
    {
        var first = 0;
        while (first < text.Length && !IsControl(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return text;
        }
        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            for (var i = state.first; i < chars.Length; i++)
            {
                var c = chars[i];
                if (IsControl(c))
                {
                    chars[i] = c < 0x20 ? (char)(0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD';
                }
            }
        });
    }

    private static bool IsControl(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F';

    public static string? BriefOrNull(string? text) => text is null ? null : Brief(text);
}
