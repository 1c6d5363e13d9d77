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

    public string Text => text;

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
            // One character of the value may be written with several in the file: an escape in double quotes (\" \u0031),
            // a doubled quote in single quotes ('').
            var (length, blank) = node.Style switch
            {
                ScalarStyle.DoubleQuoted when text[j] == '\\' && j + 1 < rawEnd => Escape(j + 1, rawEnd),
                ScalarStyle.SingleQuoted when text[j] == '\'' && j + 1 < rawEnd && text[j + 1] == '\'' => (2, false),
                _ => (1, char.IsWhiteSpace(text[j])),
            };
            if (!blank)
            {
                if (nonBlank == 0)
                {
                    return j;
                }
                nonBlank--;
            }
            j += length;
        }
        return rawEnd;
    }

    /// <summary>
    /// A double-quoted YAML escape whose letter is at <paramref name="at"/> (after the backslash): how many characters it
    /// takes in the file, and whether the character it stands for is blank. An escaped line break stands for none.
    /// </summary>
    private (int Length, bool Blank) Escape(int at, int end)
    {
        var letter = text[at];
        var digits = letter switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits > 0)
        {
            var code = 0;
            var i = 0;
            for (; i < digits && at + 1 + i < end && Uri.IsHexDigit(text[at + 1 + i]); i++)
            {
                code = code * 16 + Convert.ToInt32(text[at + 1 + i].ToString(), 16);
            }
            var blank = code <= 0xFFFF && char.IsWhiteSpace((char)code);
            return (2 + i, blank);
        }
        return letter switch
        {
            '\r' when at + 1 < end && text[at + 1] == '\n' => (3, true),
            '\n' or '\r' => (2, true),
            ' ' or 't' or '\t' or 'n' or 'r' or 'f' or 'v' or 'N' or '_' or 'L' or 'P' => (2, true),
            _ => (2, false),
        };
    }

    public SourceSpan ScalarSpan(YamlScalarNode node, int valueStart, int valueEnd)
    {
        var start = MapScalarOffset(node, valueStart);
        var end = valueEnd > valueStart ? MapScalarOffset(node, valueEnd - 1) + 1 : start;
        return Span(start, Math.Max(start, end));
    }
}
