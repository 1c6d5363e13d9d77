using System.Text;

namespace ReportLint.Generator;

/// <summary>Writes indented source text, so the emitter can read like the code it produces.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int indent;

    public void Indent() => indent++;

    public void Unindent() => indent--;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', indent * 4).Append(text);
        }
        builder.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        indent++;
    }

    public void Close(string footer = "}")
    {
        indent--;
        Line(footer);
    }

    public override string ToString() => builder.ToString();
}
