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
            return text;
        }
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..cut] + "…";
    }

    public static string? BriefOrNull(string? text) => text is null ? null : Brief(text);
}
