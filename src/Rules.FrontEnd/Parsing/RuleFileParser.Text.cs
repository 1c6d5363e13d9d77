using System;
using System.Linq;
using ReportLint.Rules.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Rules.Parsing;

// What the raw text of a rule file shows that the YAML tree does not: a file that was not UTF-8, a Chinese input
// method's ： and 　 where YAML needs : and a space, control characters, a key indented into the text above it, a
// value a ' #' comment cut short — each said for what it is, where it is.
public sealed partial class RuleFileParser
{
    /// <summary>
    /// Where a text shows it was not UTF-8 before the compiler decoded it: a replacement character (U+FFFD), or, decoded
    /// as a Western code page, accented Latin letters and not a single Chinese character. Null for a UTF-8 file.
    /// </summary>
    private static int? NotUtf8(string text)
    {
        var replacement = text.IndexOf('\uFFFD');
        if (replacement >= 0)
        {
            return replacement;
        }
        var firstLatin = -1;
        var latin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u2E80')
            {
                return null;
            }
            if (c is >= '\u00C0' and <= '\u00FF')
            {
                latin++;
                firstLatin = firstLatin < 0 ? i : firstLatin;
            }
        }
        return latin >= 8 ? firstLatin : null;
    }

    /// <summary>A control character other than a line break or tab, if the text has one.</summary>
    private static char? ControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' && c is not ('\n' or '\t' or '\r') || c is >= '\u007F' and <= '\u009F')
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>
    /// A key indented one step too far under a <c>why: &gt;-</c> (or any | or &gt; text) is not a key but a line of that
    /// text, and YAML says nothing: an override's <c>check</c> silently became part of its <c>why</c>, and the old check
    /// stayed. A line of the text that reads like one of this entry's keys is reported.
    /// </summary>
    private void SwallowedKey(string owner, YamlScalarNode block, string[] allowed)
    {
        var text = map.Text;
        var end = Math.Min(text.Length, (int)block.End.Index);
        for (var line = text.IndexOf('\n', (int)block.Start.Index); line >= 0 && line + 1 < end; line = text.IndexOf('\n', line + 1))
        {
            var at = line + 1;
            while (at < end && text[at] == ' ')
            {
                at++;
            }
            var name = at;
            while (at < end && (text[at] is >= 'a' and <= 'z' || text[at] == '-'))
            {
                at++;
            }
            if (at > name && at < end && text[at] == ':' && (at + 1 >= text.Length || text[at + 1] is ' ' or '\r' or '\n')
                && Array.IndexOf(allowed, text.Substring(name, at - name)) >= 0)
            {
                var key = text.Substring(name, at - name);
                diagnostics.Add(RuleFileDiagnostics.Structure.At(map.Span(name, at),
                    $"“{key}:”缩进得比上面的 {owner}: 深，被当作了 {owner} 文字的一行，不会作为 {key} 生效；如果它是一项，请与 {owner}: 左对齐 / " +
                    $"'{key}:' is indented deeper than '{owner}:' above it, so it is a line of the {owner} text and does not take effect; if it is a key, align it with '{owner}:'"));
                return;
            }
        }
    }

    /// <summary>An expression that ends inside a quotation or a bracket: cut short, not merely wrong.</summary>
    private static bool LooksCut(string expression) =>
        expression.Count(c => c == '"') % 2 == 1 || expression.Count(c => c == '(') > expression.Count(c => c == ')');

    /// <summary>Where a comment starts right after a plain value on its last line (the value ended there because of it), if one does.</summary>
    private int? CommentCut(YamlScalarNode scalar)
    {
        var text = map.Text;
        var end = (int)scalar.End.Index;
        var lineEnd = text.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var at = end;
        while (at < lineEnd && text[at] is ' ' or '\t')
        {
            at++;
        }
        return at < lineEnd && text[at] == '#' && at > end ? at : null;
    }
}
