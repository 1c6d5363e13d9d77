using System.Text;

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
                position += position + 1 < source.Length && source[position + 1] == (byte)'u' ? 6 : 2;
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
}
