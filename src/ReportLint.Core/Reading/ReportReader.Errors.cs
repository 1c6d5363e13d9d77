using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Reading;

// Files that cannot be checked at all: located, worded for the person who has to fix them.
public sealed partial class ReportReader
{
    private static ReadResult Malformed(string path, ReadOnlyMemory<byte> bytes, int start, JsonException e)
    {
        // Asked only here and for text that is not UTF-8 (the two ways a binary file fails), not of every file.
        if (IsBinary(bytes.Span))
        {
            return Binary(path, bytes.Span);
        }
        if (PublishedReport(bytes.Span[start..]) is { } kind)
        {
            // A published report given as it is (reportlint 2024.txt): "malformed JSON, a comma is missing" at its
            // first character said nothing of what to do.
            return Fatal(path, InputRule.MalformedJson,
                $"这不是报告的 JSON 文件，而是{kind}。请先转换：reportlint import {Quoted.Brief(path)}，再检查生成的 .json 文件。",
                $"This is not a report JSON file but {(kind == "网页（HTML）" ? "a web page (HTML)" : "text")}. Convert it first: reportlint import {Quoted.Brief(path)}, then check the .json it writes.", 1, 1);
        }
        if (IsExport(bytes.Span[start..]))
        {
            // A folder checked after `reportlint export … -o folder/all.json`: "malformed JSON" for a file it wrote itself.
            return Fatal(path, InputRule.MalformedJson,
                "这是 reportlint export 导出的数据（每格一行），不是报告文件，没有检查。请把导出文件写到所检查的目录之外。",
                "This is data written by reportlint export (one row per cell), not a report; it was not checked. Write exports outside the folder you check.", 1, 1);
        }
        var lines = new LineIndex(bytes);
        var line = (int)(e.LineNumber ?? 0);
        var bytePosition = (int)(e.BytePositionInLine ?? 0);
        // JsonException counts lines from 0 and columns in bytes; people count both from 1 and columns in characters.
        var lineStart = LineStartOffset(bytes.Span, line);
        var offset = Math.Min(bytes.Length, lineStart + bytePosition + (line == 0 ? start : 0));
        var (l, column) = lines.Locate(offset);
        var detail = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
        var (hint, hintEn) = SyntaxHint(bytes.Span[offset..], detail);
        return Fatal(path, InputRule.MalformedJson,
            $"JSON 格式错误，文件无法读取：{hint}（技术信息：{detail}）",
            $"Malformed JSON: {hintEn} ({detail})", l, column);
    }

    // The reader's own syntax error, beside Utf8JsonReader's: explained in words by SyntaxHint like theirs.
    private const string NotAnObject = "The outermost value must be an object { … }.";

    // Full-width (Chinese input method) characters typed where JSON needs its ASCII ones, and what to type instead.
    private const string FullWidth = "，：“”‘’｛｝［］；０１２３４５６７８９－．　";
    private const string HalfWidth = ",:\"\"\"\"{}[],0123456789-. ";

    /// <summary>
    /// What a person can do about a syntax error, in words: by the character where reading stopped first (a Chinese
    /// comma, a quote, a slash), else by what <see cref="Utf8JsonReader"/> expected there.
    /// </summary>
    private static (string Hint, string HintEn) SyntaxHint(ReadOnlySpan<byte> at, string detail)
    {
        var found = System.Text.Rune.DecodeFromUtf8(at, out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.ToString() : "";
        var fullWidth = found.Length == 1 ? FullWidth.IndexOf(found[0]) : -1;
        if (fullWidth >= 0)
        {
            var ascii = HalfWidth[fullWidth] == ' ' ? "空格" : $"“{HalfWidth[fullWidth]}”";
            return ($"这里的“{found}”是中文（全角）字符，JSON 的符号和数字须用英文（半角）的 {ascii}。",
                $"'{found}' is a full-width (Chinese) character; JSON needs the ASCII '{HalfWidth[fullWidth]}' here.");
        }
        if (found.Length == 1 && Invisible(found[0]) is { } name)
        {
            // Pasted from a web page or Word: the place is right, but "a key must be in quotes" named a key that is.
            return ($"这里有一个看不见的字符（{name}，U+{(int)found[0]:X4}），多半是从网页或 Word 复制来的；请删去它。",
                $"There is an invisible character here (U+{(int)found[0]:X4}), probably pasted from a web page or Word; delete it.");
        }
        return (found, detail) switch
        {
            ("/", _) => ("JSON 不允许注释（// 或 /* */），请删去。", "JSON allows no comments (// or /* */); remove it."),
            ("'", _) => ("JSON 的键名和文字须用英文双引号 \" 括起来，不能用单引号。", "JSON keys and text take double quotes \", not single quotes."),
            (_, NotAnObject) => ("报告文件的最外层应为一个 { … } 对象。", "A report file holds one object { … }."),
            // Before the cases below that read what was expected there: a file cut after a line ("…reached end of data"
            // while expecting a key) was told to quote its keys.
            (_, var d) when d.Contains("reached end of data", StringComparison.Ordinal) => EndsTooEarly,
            (_, var d) when d.Contains("maximum configured depth", StringComparison.Ordinal) => ($"嵌套超过 {MaxDepth} 层；年度报告没有这么深的结构。", $"Nested deeper than {MaxDepth} levels; no annual report is that deep."),
            (_, var d) when d.Contains("trailing comma", StringComparison.Ordinal) => ("最后一项后面多了一个逗号，请删去。", "A comma after the last item; remove it."),
            (",", var d) when d.Contains("property name", StringComparison.Ordinal) => ("这里多了一个逗号，请删去。", "One comma too many here; remove it."),
            (_, var d) when d.Contains("Expected a ':'", StringComparison.Ordinal) => ("键名后面缺少冒号“:”。", "A colon ':' is missing after the key."),
            (_, var d) when d.Contains("property name", StringComparison.Ordinal) => ("键名须用英文双引号括起来，如 \"year\"。", "A key must be in double quotes, like \"year\"."),
            (_, var d) when d.Contains("Expected either ','", StringComparison.Ordinal) || d.Contains("Expected a delimiter", StringComparison.Ordinal)
                => ("前一项后面缺少逗号“,”（或括号不配对）。", "A comma ',' is missing after the previous item (or a bracket does not match)."),
            (_, var d) when d.Contains("Expected end of data", StringComparison.Ordinal) => ("报告在这里之前已经结束，后面多出了内容（多余的 } 或 ]？）。", "The report ended before this; there is more after it (an extra } or ]?)."),
            (_, var d) when d.Contains("end of data", StringComparison.Ordinal) || d.Contains("depth to be zero", StringComparison.Ordinal) => EndsTooEarly,
            (_, var d) when d.Contains("escapable character", StringComparison.Ordinal) => ("文字中的反斜杠“\\”须写作“\\\\”。", "A backslash in text must be written \\\\."),
            (_, var d) when d.Contains("within a JSON string", StringComparison.Ordinal) => ("文字中不能直接换行或含控制字符；换行请写作 \\n。", "Text cannot hold a raw line break or control character; write a line break as \\n."),
            _ => ("常见原因：缺少逗号或引号、多余的逗号、中文标点用在了 JSON 结构中。", "Common causes: a missing comma or quote, an extra comma, Chinese punctuation in the JSON structure."),
        };
    }

    private static readonly (string, string) EndsTooEarly =
        ("文件在中途就结束了：缺少结尾的 } 或 ]，或有引号没有闭合。", "The file ends too early: a closing } or ] is missing, or a quote is not closed.");

    private static string? Invisible(char c) => c switch
    {
        '\u00A0' => "不间断空格",
        '\u200B' => "零宽空格",
        '\u200C' or '\u200D' or '\u2060' => "零宽字符",
        '\uFEFF' => "字节顺序标记 BOM",
        '\u2028' or '\u2029' => "Unicode 换行符",
        _ => null,
    };

    private static ReadResult BadEscape(string path, ReadOnlyMemory<byte> bytes, int offset)
    {
        var (line, column) = new LineIndex(bytes).Locate(Math.Min(offset, bytes.Length));
        return Fatal(path, InputRule.MalformedJson,
            "文字中有无法转换的 \\u 转义：单独出现的代理项（如 \\uD800）不是字符，文件无法读取。请删去这个转义或改为完整的字符。",
            "A string holds a \\u escape that is no character (half a surrogate pair, e.g. \\uD800); remove it or write the whole character.", line, column);
    }

    private static int LineStartOffset(ReadOnlySpan<byte> bytes, int line)
    {
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            var next = bytes[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return offset;
            }
            offset += next + 1;
        }
        return offset;
    }

    /// <summary>
    /// UTF-16, by its byte order mark (FF FE or FE FF) or by a zero byte beside a first character that is text (the
    /// opening brace, a blank): a zero byte is never part of a JSON text in UTF-8, and UTF-16 puts one beside every
    /// ASCII character. Zero bytes next to anything else are a binary file (<see cref="IsBinary"/>).
    /// </summary>
    private static bool IsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || (bytes.Length >= 2 && ((bytes[0] == 0 && IsTextByte(bytes[1])) || (bytes[1] == 0 && IsTextByte(bytes[0]))));

    /// <summary>UTF-32, by its byte order mark or by three zero bytes beside a first character that is text.</summary>
    private static bool IsUtf32(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])
        || (bytes.Length >= 4 && ((IsTextByte(bytes[0]) && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0)
                                  || (bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && IsTextByte(bytes[3]))));

    private static bool IsTextByte(byte b) => b is (>= 0x20 and < 0x7F) or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>What a file that does not start like JSON at all is: a web page, or text such as a report's (null: JSON gone wrong).</summary>
    private static string? PublishedReport(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }
        if (i == bytes.Length || bytes[i] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'/' or (byte)'\'' or (byte)'-' or (>= (byte)'0' and <= (byte)'9'))
        {
            return null;
        }
        return bytes[i] == '<' ? "网页（HTML）" : bytes[i] >= 0x80 ? "一段文字（如已发布报告的文本）" : null;
    }

    private static ReadResult Binary(string path, ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF"u8)
        ? Fatal(path, InputRule.Unreadable,
            $"这是 PDF 文件，不是报告的 JSON 文件。请先转换：reportlint import {Quoted.Brief(path)}，再检查生成的 .json 文件。",
            $"This is a PDF, not a report JSON file. Convert it first: reportlint import {Quoted.Brief(path)}, then check the .json it writes.", 1, 1)
        : IsWordDocument(bytes)
        ? Fatal(path, InputRule.Unreadable,
            $"这是 Word 文档，不是报告的 JSON 文件。请先转换：reportlint import {Quoted.Brief(path)}，再检查生成的 .json 文件。",
            $"This is a Word document, not a report JSON file. Convert it first: reportlint import {Quoted.Brief(path)}, then check the .json it writes.", 1, 1)
        : Fatal(path, InputRule.Unreadable,
            "这不是文本文件（是二进制文件，例如 macOS 生成的 ._ 文件、压缩包或图片），不是报告。请删去它，或换成报告的 JSON 文件。",
            "This is not a text file (a binary file such as a macOS ._ file, an archive or a picture), so not a report.", 1, 1);

    /// <summary>A zip archive whose first entries are a Word document's parts (the name of each is in its local header).</summary>
    private static bool IsWordDocument(ReadOnlySpan<byte> bytes) =>
        Importing.WordReader.IsZip(bytes) && bytes[..Math.Min(bytes.Length, 8192)].IndexOf("word/"u8) >= 0;

    /// <summary>`reportlint export --format json` output: an array of rows, each with a value_kind.</summary>
    private static bool IsExport(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 2048)];
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && head[first] == (byte)'[' && head.IndexOf("\"value_kind\""u8) >= 0;
    }

    /// <summary>A zero byte in the first 8 KB: no text file has one (a macOS ._ file, an archive, a picture).</summary>
    private static bool IsBinary(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    private static ReadResult Fatal(string path, InputRule rule, string message, string messageEn, int line, int column) =>
        new(null, [InputError(path, rule, message, messageEn, line, column)]);

    private static Finding InputError(string path, InputRule rule, string message, string messageEn, int line, int column) =>
        new(path, rule.Id, rule.Severity, message, messageEn, line, column) { IsInputError = rule.StopsChecking };
}
