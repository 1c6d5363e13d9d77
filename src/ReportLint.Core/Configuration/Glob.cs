using System.Text;
using System.Text.RegularExpressions;

namespace ReportLint.Configuration;

/// <summary>File patterns as people write them: <c>*</c> within a folder, <c>**</c> across folders, <c>?</c> one character.</summary>
public sealed class Glob
{
    private readonly Regex regex;

    public Glob(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        var text = new StringBuilder("^");
        for (var i = 0; i < Pattern.Length; i++)
        {
            var c = Pattern[i];
            if (c == '*' && i + 1 < Pattern.Length && Pattern[i + 1] == '*')
            {
                var slash = i + 2 < Pattern.Length && Pattern[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                text.Append("[^/]*");
            }
            else if (c == '?')
            {
                text.Append("[^/]");
            }
            else
            {
                text.Append(Regex.Escape(c.ToString()));
            }
        }
        // Non-backtracking: time linear in the path whatever the pattern. Backtracking, "*a*a*a*a*a*a*a*b" against a name of
        // forty a's ran into the one-second limit and ended the run (exit 3; fuzzing).
        regex = new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);
    }

    public string Pattern { get; }

    /// <summary>Longer than any path (Linux allows 4,096 bytes): a longer pattern is refused before it is built.</summary>
    public const int MaxLength = 4096;

    public static bool IsPattern(string text) => text.IndexOfAny(['*', '?']) >= 0;

    public bool IsMatch(string relativePath) => regex.IsMatch(relativePath.Replace('\\', '/'));

    /// <summary>The part before the first wildcard's folder: where to start looking.</summary>
    public string Root
    {
        get
        {
            var wildcard = Pattern.IndexOfAny(['*', '?']);
            var slash = Pattern.LastIndexOf('/', Math.Max(0, wildcard));
            return slash < 0 ? "." : slash == 0 ? "/" : Pattern[..slash];
        }
    }

    /// <summary>
    /// How many folders below <see cref="Root"/> a match can be: <c>reports/*.json</c> 0, <c>reports/*/a.json</c> 1;
    /// null with <c>**</c>, which crosses any number.
    /// </summary>
    public int? Depth
    {
        get
        {
            if (Pattern.Contains("**", StringComparison.Ordinal))
            {
                return null;
            }
            var wildcard = Pattern.IndexOfAny(['*', '?']);
            var slash = Pattern.LastIndexOf('/', Math.Max(0, wildcard));
            return Pattern[(slash + 1)..].Count(c => c == '/');
        }
    }
}
