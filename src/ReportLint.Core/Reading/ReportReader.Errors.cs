using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Reading;

// Files that cannot be checked at all: located, worded for the person who has to fix them.
public sealed partial class ReportReader
{
    private static ReadResult Malformed(string path, ReadOnlyMemory<byte> bytes, int start, JsonException e)
    {
        var lines = new LineIndex(bytes);
        var line = (int)(e.LineNumber ?? 0);
        var bytePosition = (int)(e.BytePositionInLine ?? 0);
        // JsonException counts lines from 0 and columns in bytes; people count both from 1 and columns in characters.
        var lineStart = LineStartOffset(bytes.Span, line);
        var offset = Math.Min(bytes.Length, lineStart + bytePosition + (line == 0 ? start : 0));
        var (l, column) = lines.Locate(offset);
        var detail = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
        return Fatal(path, InputRule.MalformedJson,
            $"JSON 格式错误，文件无法读取：{detail}（常见原因：缺少逗号或引号、多余的逗号、中文标点“，”“：”用在了 JSON 结构中）。",
            $"Malformed JSON: {detail}", l, column);
    }

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
    /// UTF-16, by its byte order mark (FF FE or FE FF) or by a zero byte among the first two: a zero byte is never part
    /// of a JSON text in UTF-8, and UTF-16 puts one beside every ASCII character such as the opening brace.
    /// </summary>
    private static bool IsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || (bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0));

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
