using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Findings;

namespace ReportLint.Formatting;

/// <summary>One JSON document per run, schema in docs/output-json.md (version 1). Fields are only ever added.</summary>
public sealed class JsonFormatter : IFindingFormatter
{
    public void Write(TextWriter output, IReadOnlyList<FileResult> results, RunSummary summary)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartObject("summary");
            w.WriteNumber("files", summary.Files);
            w.WriteNumber("errors", summary.Errors);
            w.WriteNumber("warnings", summary.Warnings);
            w.WriteNumber("infos", summary.Infos);
            w.WriteStartObject("skipped");
            foreach (var (rule, count) in summary.Skipped)
            {
                w.WriteNumber(rule, count);
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var finding in results.SelectMany(r => r.Findings))
            {
                WriteFinding(w, finding);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
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
