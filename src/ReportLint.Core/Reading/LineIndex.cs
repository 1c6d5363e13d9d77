using System.Text;

namespace ReportLint.Reading;

/// <summary>Turns a byte offset of a UTF-8 file into a 1-based line and a 1-based column counted in characters.</summary>
public sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> source;
    private readonly List<int> lineStarts = [0];

    public LineIndex(ReadOnlyMemory<byte> source)
    {
        this.source = source;
        var span = source.Span;
        var start = 0;
        int next;
        while ((next = span[start..].IndexOf((byte)'\n')) >= 0)
        {
            start += next + 1;
            lineStarts.Add(start);
        }
    }

    public (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        var lineStart = lineStarts[index];
        var prefix = source.Span[lineStart..offset];
        if (index == 0 && prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }
        return (index + 1, Encoding.UTF8.GetCharCount(prefix) + 1);
    }
}
