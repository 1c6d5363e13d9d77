using System;
using System.Collections.Generic;
using ReportLint.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportLint.Rules.Parsing;

/// <summary>Turns character offsets of a rule file into spans with 1-based lines and columns.</summary>
internal sealed class SourceMap
{
    private readonly string path;
    private readonly string text;
    private readonly List<int> lineStarts = new() { 0 };

    public SourceMap(string path, string text)
    {
        this.path = path;
        this.text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public string Path => path;

    public SourceSpan Span(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, text.Length));
        end = Math.Max(start, Math.Min(end, text.Length));
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new SourceSpan(path, start, end, startLine, startColumn, endLine, endColumn);
    }

    public SourceSpan Span(YamlNode node) => Span((int)node.Start.Index, (int)node.End.Index);

    public SourceSpan Span(Mark start, Mark end) => Span((int)start.Index, (int)end.Index);

    private (int Line, int Column) LineColumn(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }
        return (index + 1, offset - lineStarts[index] + 1);
    }

    /// <summary>
    /// Maps an offset inside a scalar's value to an offset in the file. Quotes, block indicators, indentation
    /// and line folding make the two differ, so the value is aligned with the raw text on non-blank characters.
    /// </summary>
    public int MapScalarOffset(YamlScalarNode node, int valueOffset)
    {
        var value = node.Value ?? string.Empty;
        var rawStart = (int)node.Start.Index;
        var rawEnd = Math.Min((int)node.End.Index, text.Length);
        var j = rawStart;
        if (node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            j++;
        }
        else if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            while (j < rawEnd && text[j] != '\n')
            {
                j++;
            }
        }

        var nonBlank = 0;
        for (var i = 0; i < valueOffset && i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                nonBlank++;
            }
        }

        while (j < rawEnd)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                if (nonBlank == 0)
                {
                    return j;
                }
                nonBlank--;
            }
            j++;
        }
        return rawEnd;
    }

    public SourceSpan ScalarSpan(YamlScalarNode node, int valueStart, int valueEnd)
    {
        var start = MapScalarOffset(node, valueStart);
        var end = valueEnd > valueStart ? MapScalarOffset(node, valueEnd - 1) + 1 : start;
        return Span(start, Math.Max(start, end));
    }
}
