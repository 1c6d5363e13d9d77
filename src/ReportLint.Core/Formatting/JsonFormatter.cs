using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Formatting;

/// <summary>One JSON document per run, schema in docs/output-json.md (version 1). Fields are only ever added.</summary>
public sealed class JsonFormatter : IFindingFormatter
{
    private Utf8JsonWriter? writer;

    public void Begin(TextWriter output)
    {
        writer = new Utf8JsonWriter(new TextWriterStream(output), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("findings");
    }

    public void WriteFile(TextWriter output, FileResult file)
    {
        foreach (var finding in file.Findings)
        {
            WriteFinding(writer!, finding);
            writer!.FlushWhenFull();
        }
        if (file.Findings.Count > 0)
        {
            writer!.Flush();
        }
    }

    /// <summary>The summary comes last: it is only known once every file has been written.</summary>
    public void End(TextWriter output, RunSummary summary)
    {
        var w = writer!;
        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("files", summary.Files);
        w.WriteNumber("errors", summary.Errors);
        w.WriteNumber("warnings", summary.Warnings);
        w.WriteNumber("infos", summary.Infos);
        w.WriteSkipped(summary);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        w.Dispose();
        output.WriteLine();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("file", f.File);
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("message", f.Message);
        w.WriteString("messageEn", f.MessageEn);
        w.WriteNumber("line", f.Line);
        w.WriteNumber("column", f.Column);
        w.WriteBoolean("inputError", f.IsInputError);
        Optional(w, "template", f.Template);
        Optional(w, "agency", f.Agency);
        if (f.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        if (f.CellKey is not null)
        {
            w.WriteStartObject("cell");
            w.WriteString("key", f.CellKey);
            Optional(w, "label", f.CellLabel);
            Optional(w, "labelEn", f.CellLabelEn);
            w.WriteEndObject();
        }
        if (f.Arithmetic is { } a)
        {
            w.WriteStartObject("arithmetic");
            WriteSide(w, "lhs", a.Lhs);
            WriteSide(w, "rhs", a.Rhs);
            if (a.Difference is { } d)
            {
                w.WriteNumber("difference", d);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, Side? side)
    {
        if (side is null)
        {
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("total", side.Total);
        w.WriteStartArray("operands");
        foreach (var t in side.Terms)
        {
            w.WriteStartObject();
            w.WriteString("cell", t.CellKey);
            w.WriteString("label", t.Label);
            w.WriteString("labelEn", t.LabelEn);
            w.WriteNumber("sign", t.Sign);
            w.WriteString("value", t.ValueEn);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
