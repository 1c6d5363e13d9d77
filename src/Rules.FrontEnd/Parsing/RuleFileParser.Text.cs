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

    /// <summary>
    /// A full-width colon after a key, or full-width spaces indenting a key, up to the line after the one the parser
    /// stopped at: where a Chinese input method was left on.
    /// </summary>
    private static (int At, string Hint)? FullWidthInStructure(string text, int errorAt)
    {
        var lineStart = 0;
        var stopAfter = text.IndexOf('\n', Math.Min(text.Length, Math.Max(0, errorAt)));
        stopAfter = stopAfter < 0 ? text.Length : text.IndexOf('\n', stopAfter + 1) is var next and >= 0 ? next : text.Length;
        while (lineStart < stopAfter)
        {
            var end = text.IndexOf('\n', lineStart);
            end = end < 0 ? text.Length : end;
            var i = lineStart;
            var ideographicSpace = -1;
            while (i < end && (text[i] == ' ' || text[i] == '\u3000'))
            {
                ideographicSpace = ideographicSpace < 0 && text[i] == '\u3000' ? i : ideographicSpace;
                i++;
            }
            if (i + 1 < end && text[i] == '-' && text[i + 1] == ' ')
            {
                i += 2;
            }
            var key = i;
            while (i < end && (char.IsLetter(text[i]) && text[i] < 128 || text[i] == '-' && i > key))
            {
                i++;
            }
            if (i > key && i < end)
            {
                var name = text.Substring(key, i - key);
                if (text[i] == '：')
                {
                    return (i, $"“{name}”后面是全角冒号“：”（中文输入法）；YAML 的键后要用半角冒号“:”再加一个空格，如 {name}: …");
                }
                if (ideographicSpace >= 0 && text[i] == ':')
                {
                    return (ideographicSpace, $"“{name}”前的缩进中有全角空格“　”（中文输入法）；缩进只能用半角空格");
                }
            }
            lineStart = end + 1;
        }
        return null;
    }

    /// <summary>What YamlDotNet's message means for someone editing a rule file, in the words they would use.</summary>
    private static string YamlHint(string message) =>
        message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 ? "这里用了制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格"
        : message.Contains("mapping values are not allowed") || message.Contains("invalid mapping") ? "值中有“冒号加空格”（: ），会被当作新的一项；请把整个值用双引号括起来"
        : message.Contains("quoted scalar") ? "引号没有闭合：以引号开头的值要以同样的引号结束（值中的双引号写作 \\\"）"
        : message.Contains("did not find expected key") ? "缩进与上下文不一致，或一个以 {、[ 开头的值没有加引号（以 { 开头的消息请整个用双引号括起来）"
        : message.Contains("did not find expected node content") || message.Contains("end of stream") ? "这里缺少内容：列表或映射没有写完（如缺少 ] 或 }）"
        : "请检查这里的缩进、冒号和引号";

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
