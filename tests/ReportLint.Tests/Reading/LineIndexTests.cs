using System.Text;
using ReportLint.Reading;

namespace ReportLint.Tests.Reading;

/// <summary>
/// Lines and columns of findings: the column is counted in characters (UTF-16, as editors count), from the line start
/// or, on a long line, from a checkpoint — which must give exactly what counting from the line start gives.
/// </summary>
public class LineIndexTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_offset_on_long_and_short_lines_gets_the_line_and_the_column_counted_from_the_line_start(bool bom)
    {
        // One-, two-, three- and four-byte characters (the last a surrogate pair in UTF-16), a 60,000-character line
        // such as a minified report has, and short lines around it.
        var random = new Random(11);
        string[] pieces = ["a", "é", "中", "😀", "\"", " "];
        var text = new StringBuilder("{\n  \"x\": 1,\n");
        while (text.Length < 60_000)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        text.Append("\nshort\n\nend");
        var content = text.ToString();
        var bytes = (bom ? "\uFEFF"u8.ToArray() : []).Concat(Encoding.UTF8.GetBytes(content)).ToArray();
        var index = new LineIndex(bytes);

        // Every character's start, in a shuffled order (findings are located in no particular order).
        var starts = new List<(int Offset, int Line, int Column)>();
        int offset = bom ? 3 : 0, line = 1, column = 1;
        for (var i = 0; i < content.Length; i += char.IsSurrogatePair(content, i) ? 2 : 1)
        {
            starts.Add((offset, line, column));
            var width = char.IsSurrogatePair(content, i) ? 2 : 1;
            offset += Encoding.UTF8.GetByteCount(content.AsSpan(i, width));
            (line, column) = content[i] == '\n' ? (line + 1, 1) : (line, column + width);
        }
        starts.Add((offset, line, column));

        foreach (var (at, expectedLine, expectedColumn) in starts.OrderBy(_ => random.Next()))
        {
            index.Locate(at).ShouldBe((expectedLine, expectedColumn), $"offset {at}");
        }
    }
}
