using System.Text;

namespace ReportLint.Reading;

/// <summary>Turns a byte offset of a UTF-8 file into a 1-based line and a 1-based column counted in characters.</summary>
public sealed class LineIndex
{
    // A column is the number of characters before the offset on its line. Counting them from the line start each time
    // is quadratic on a long line: a minified 8 MB report with 600,000 findings took 83 s. So a line longer than
    // Stride bytes gets, when first asked, the character count at about every Stride bytes, and counting starts there.
    private const int Stride = 4096;

    private readonly ReadOnlyMemory<byte> source;
    private readonly List<int> lineStarts = [0];
    private Dictionary<int, (int Byte, int Chars)[]>? checkpoints;

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
        var span = source.Span;
        var from = lineStarts[index];
        if (index == 0 && span.StartsWith("\uFEFF"u8))
        {
            from = Math.Min(3, offset);
        }
        var chars = 0;
        if (offset - from > Stride)
        {
            // Checkpoint k is at or just before from + k × Stride, so never past the offset.
            var marks = Checkpoints(index, from);
            (from, chars) = marks[Math.Min((offset - from) / Stride, marks.Length - 1)];
        }
        return (index + 1, chars + Encoding.UTF8.GetCharCount(span[from..offset]) + 1);
    }

    /// <summary>For the line at <paramref name="line"/>, counted from <paramref name="from"/>: at each multiple of Stride bytes (moved back to the start of a character), the characters before it.</summary>
    private (int Byte, int Chars)[] Checkpoints(int line, int from)
    {
        checkpoints ??= [];
        if (checkpoints.TryGetValue(line, out var marks))
        {
            return marks;
        }
        var span = source.Span;
        var end = line + 1 < lineStarts.Count ? lineStarts[line + 1] : source.Length;
        marks = new (int, int)[((end - from - 1) / Stride) + 1];
        marks[0] = (from, 0);
        var (position, chars) = (from, 0);
        for (var k = 1; k < marks.Length; k++)
        {
            var boundary = from + (k * Stride);
            while (boundary > position && (span[boundary] & 0xC0) == 0x80)
            {
                boundary--;
            }
            chars += Encoding.UTF8.GetCharCount(span[position..boundary]);
            position = boundary;
            marks[k] = (position, chars);
        }
        checkpoints[line] = marks;
        return marks;
    }
}
