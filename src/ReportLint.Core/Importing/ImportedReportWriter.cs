using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>Writes an <see cref="ImportedReport"/> as the report JSON model (docs/report-json.md).</summary>
public static class ImportedReportWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ImportedReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        var template = report.Template;
        json.WriteStartObject();
        json.WriteString("template", template.Name);
        if (report.Year is { } year)
        {
            json.WriteNumber("year", year);
        }
        else
        {
            json.WriteNull("year");
        }
        json.WriteStartObject("agency");
        WriteStringOrNull(json, "name", report.AgencyName);
        WriteStringOrNull(json, "kind", report.AgencyKind);
        json.WriteEndObject();
        if (report.PeriodStart is { } start && report.PeriodEnd is { } end)
        {
            json.WriteStartObject("period");
            json.WriteString("start", Iso(start));
            json.WriteString("end", Iso(end));
            json.WriteEndObject();
        }
        WriteStringOrNull(json, "published", report.Published is { } published ? Iso(published) : null);
        json.WriteStartObject("source");
        json.WriteString("file", report.SourceFile);
        if (report.Title is { } title)
        {
            json.WriteString("title", title);
        }
        json.WriteEndObject();
        if (report.Units.Count > 0)
        {
            json.WriteStartObject("units");
            foreach (var (key, unit) in report.Units)
            {
                json.WriteString(key, unit);
            }
            json.WriteEndObject();
        }
        json.WriteStartObject("sections");
        foreach (var (id, text) in report.Sections)
        {
            json.WriteString(id, text);
        }
        json.WriteEndObject();

        json.WriteStartObject("tables");
        for (var t = 0; t < template.Tables.Count; t++)
        {
            var table = template.Tables[t];
            json.WriteStartObject(table.Id);
            var groupsWritten = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                if (row.Group is { } group && report.GroupTotals.Contains((table.Id, group)))
                {
                    // The group reported only as its total takes the place of its rows.
                    if (groupsWritten.Add(group))
                    {
                        WriteRow(json, template, t, group, row.Columns, report);
                    }
                    continue;
                }
                WriteRow(json, template, t, row.Id, row.Columns, report);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, TemplateDefinition template, int table, string rowId, string[] columns, ImportedReport report)
    {
        var row = template.RowIndex(table, rowId);
        var cells = columns.Select(c => (Id: c, Cell: template.CellIndex(table, row, template.ColumnIndex(table, c)))).ToList();
        if (cells.All(c => !report.Cells.ContainsKey(c.Cell)))
        {
            // Not read at all: left out, so the lint names it as missing (a diagnostic of the import already did).
            return;
        }
        json.WriteStartObject(rowId);
        foreach (var (id, cell) in cells)
        {
            if (!report.Cells.TryGetValue(cell, out var value))
            {
                continue;
            }
            switch (value.State)
            {
                case CellState.Number:
                    json.WriteNumber(id, value.Number);
                    break;
                case CellState.Text:
                    json.WriteString(id, value.Text);
                    break;
                default:
                    json.WriteNull(id);
                    break;
            }
        }
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
