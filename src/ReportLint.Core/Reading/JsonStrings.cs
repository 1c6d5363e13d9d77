using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ReportLint.Reading;

public static class JsonStrings
{
    /// <summary>
    /// The byte offset in the file of a character of a JSON string value, given the offset of the string's opening
    /// quote: escapes (\n, \", \uXXXX) and multi-byte UTF-8 make the two differ.
    /// </summary>
    public static int RawOffset(ReadOnlySpan<byte> source, int tokenStart, int charOffset)
    {
        var position = tokenStart + 1;
        var chars = 0;
        while (position < source.Length && chars < charOffset && source[position] != (byte)'"')
        {
            if (source[position] == (byte)'\\')
            {
                position += position + 1 < source.Length ? EscapeWidth(source[position + 1]) : 2;
                chars++;
                continue;
            }
            if (Rune.DecodeFromUtf8(source[position..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }
            position += consumed;
            chars += rune.Utf16SequenceLength;
        }
        return Math.Min(position, source.Length);
    }

    /// <summary>
    /// The JSON string value whose opening quote is at <paramref name="tokenStart"/>, unescaped, without tokenizing it
    /// again. Only for strings the reader has already read: their syntax, UTF-8 and \u surrogate pairs are not checked
    /// here a second time.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> source, int tokenStart)
    {
        var raw = source[(tokenStart + 1)..];
        var length = 0;
        while (raw[length..].IndexOfAny((byte)'"', (byte)'\\') is var next && raw[length + next] == (byte)'\\')
        {
            length += next + EscapeWidth(raw[length + next + 1]);
        }
        raw = raw[..(length + raw[length..].IndexOf((byte)'"'))];

        // Every escape and every multi-byte sequence is at least as many bytes as the UTF-16 units it stands for.
        var rented = raw.Length > 256 ? ArrayPool<char>.Shared.Rent(raw.Length) : null;
        var chars = rented is null ? stackalloc char[raw.Length] : rented;
        var written = 0;
        while (true)
        {
            var escape = raw.IndexOf((byte)'\\');
            Utf8.ToUtf16(escape < 0 ? raw : raw[..escape], chars[written..], out _, out var count);
            written += count;
            if (escape < 0)
            {
                break;
            }
            chars[written++] = Unescape(raw[escape..], out var width);
            raw = raw[(escape + width)..];
        }
        var text = new string(chars[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return text;
    }

    /// <summary>The UTF-16 unit an escape (\n, \", \u4E2D…) at the start of <paramref name="escape"/> stands for, and its length in bytes.</summary>
    private static char Unescape(ReadOnlySpan<byte> escape, out int width)
    {
        var kind = escape[1];
        width = EscapeWidth(kind);
        return kind switch
        {
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'u' => (char)HexValue(escape.Slice(2, 4)),
            _ => (char)kind, // \" \\ \/
        };
    }

    /// <summary>Bytes in an escape, by the character after its backslash: \uXXXX is six, the others two.</summary>
    private static int EscapeWidth(byte kind) => kind == (byte)'u' ? 6 : 2;

    private static int HexValue(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            value = value * 16 + (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }
        return value;
    }
}
