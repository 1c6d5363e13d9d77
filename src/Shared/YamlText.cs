using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

#if RULES_FRONT_END
namespace ReportLint.Rules.Parsing;
#else
namespace ReportLint.Configuration;
#endif

/// <summary>
/// YAML mistakes said for what they are, where they are: a Chinese input method's ： and 　 in the structure, a tab,
/// and YamlDotNet's messages in the words someone editing the file would use. Shared as source by the rule-file front
/// end (netstandard2.0) and the CLI's configuration (net10.0), like <c>EditDistance</c>.
/// </summary>
public static class YamlText
{
    /// <summary>
    /// A full-width colon after a key, or full-width spaces indenting a key, up to the line after the one the parser
    /// stopped at: where a Chinese input method was left on.
    /// </summary>
    public static (int At, string Hint)? FullWidthInStructure(string text, int errorAt)
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
            // Keys as written in rule files (check, example-pass) and in configuration (RL1005, fail-on).
            while (i < end && (char.IsLetter(text[i]) && text[i] < 128 || (text[i] == '-' || char.IsDigit(text[i])) && i > key))
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

    /// <summary>
    /// For the YAML library's own failures (a ] missing in a flow list, an empty key, a leading ..., half a surrogate
    /// pair in an escape): exceptions other than its YamlException, without a position.
    /// </summary>
    public const string LibraryFailureHint = "请检查括号是否成对、键名是否为空、引号和转义是否完整";

    /// <summary>Whether an exception is one of those failures.</summary>
    public static bool IsLibraryFailure(Exception e) => e is InvalidOperationException or ArgumentException;

    /// <summary>Deeper than any rule or configuration file nests: YamlDotNet parses by recursion and 50,000 levels overflowed the stack.</summary>
    public const int MaxNesting = 500;

    /// <summary>
    /// Where the text nests deeper than <see cref="MaxNesting"/>: brackets open at once (outside quotes and comments),
    /// or an indentation that wide. Null when it does not; checked before parsing.
    /// </summary>
    public static int? TooDeep(string text)
    {
        int depth = 0, indent = 0;
        var lineStart = true;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                lineStart = true;
                indent = 0;
                quote = quote == '"' ? quote : '\0';
                continue;
            }
            if (lineStart && c == ' ')
            {
                if (++indent > MaxNesting)
                {
                    return i;
                }
                continue;
            }
            lineStart = false;
            if (quote != '\0')
            {
                quote = c == quote && (quote == '\'' || text[i - 1] != '\\') ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || text[i - 1] is ' ' or '\t'))
            {
                // To the end of the line, as YAML ends it: after a comment ended only by \r (or U+2028) the rest of the
                // file was skipped, and nesting of any depth there went unseen.
                var end = i;
                while (end < text.Length && !IsLineBreak(text[end]))
                {
                    end++;
                }
                i = end - 1;
            }
            else if (c is '[' or '{' && ++depth > MaxNesting)
            {
                return i;
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }
        }
        return null;
    }

    /// <summary>
    /// The parser to load a rule or configuration file with: it stops at the first anchor (<c>&amp;name</c>) or alias
    /// (<c>*name</c>) with <see cref="AnchorOrAliasException"/>, before the loader acts on it. Neither is needed in these
    /// files, and loading one that refers to itself (<c>? &amp;b [*b]</c>) overflowed the stack, which ends the process (or
    /// the compiler) without a word; aliases of aliases multiply what is walked.
    /// </summary>
    public static IParser WithoutAnchors(string text) => new AnchorRefusingParser(new Parser(new StringReader(text)));

    /// <summary>An anchor or alias met while loading, at <see cref="At"/>.</summary>
    public sealed class AnchorOrAliasException : Exception
    {
        public AnchorOrAliasException(Mark at)
            : base(AnchorOrAliasHintEn)
        {
            At = at;
        }

        public Mark At { get; }
    }

    private sealed class AnchorRefusingParser : IParser
    {
        private readonly IParser inner;

        public AnchorRefusingParser(IParser inner) => this.inner = inner;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }
            if (inner.Current is AnchorAlias || inner.Current is NodeEvent { Anchor.IsEmpty: false })
            {
                throw new AnchorOrAliasException(inner.Current.Start);
            }
            return true;
        }
    }

    /// <summary>The message for <see cref="AnchorOrAliasException"/>: Chinese, then English.</summary>
    public const string AnchorOrAliasHint = "不支持 YAML 的锚点和别名（&名称、*名称）：请把内容直接写出来";

    public const string AnchorOrAliasHintEn = "YAML anchors and aliases (&name, *name) are not supported: write the content out";

    /// <summary>The characters YAML (and YamlDotNet) ends a line with.</summary>
    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>What YamlDotNet's message means for someone editing a rule or configuration file, in the words they would use.</summary>
    public static string Hint(string message) =>
        message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 ? "这里用了制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格"
        : message.Contains("mapping values are not allowed") || message.Contains("invalid mapping") ? "值中有“冒号加空格”（: ），会被当作新的一项；请把整个值用双引号括起来"
        : message.Contains("Duplicate key") ? "同一个键在这里写了第二次；请删去其中一个"
        : message.Contains("quoted scalar") ? "引号没有闭合：以引号开头的值要以同样的引号结束（值中的双引号写作 \\\"）"
        : message.Contains("did not find expected key") ? "缩进与上下文不一致，或一个以 {、[ 开头的值没有加引号（以 { 开头的消息请整个用双引号括起来）"
        : message.Contains("did not find expected node content") || message.Contains("end of stream") ? "这里缺少内容：列表或映射没有写完（如缺少 ] 或 }）"
        : "请检查这里的缩进、冒号和引号";

    /// <summary>Where to point for the parser's error: at the tab it complains of (often on the line after where it says), else where it says.</summary>
    public static int ErrorAt(string message, string text, int start) =>
        message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf('\t', Math.Min(text.Length, Math.Max(0, start))) is var tab and >= 0 ? tab : start;
}
