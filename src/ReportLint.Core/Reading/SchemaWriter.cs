using System.Text;
using System.Text.Json;
using ReportLint.Validation;

namespace ReportLint.Reading;

/// <summary>
/// Writes the JSON Schema of the report file from the templates themselves, so schema/report.schema.json can never
/// drift from rules/*.yaml (a test compares the checked-in file with this output).
/// </summary>
public static class SchemaWriter
{
    public static string Write(IReadOnlyList<TemplateDefinition> templates)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("$id", "https://reportlint.dev/schema/report.schema.json");
            w.WriteString("title", "政府信息公开工作年度报告 / government information-disclosure annual report");
            w.WriteString("description", "Generated from rules/*.yaml by `reportlint schema`; see docs/report-json.md.");
            w.WriteString("type", "object");
            Required(w, "year", "agency", "sections", "tables");
            w.WriteStartObject("properties");
            w.WriteStartObject("$schema");
            w.WriteString("type", "string");
            w.WriteEndObject();
            w.WriteStartObject("template");
            w.WriteStartArray("enum");
            foreach (var t in templates)
            {
                w.WriteStringValue(t.Name);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("year");
            w.WriteString("type", "integer");
            w.WriteNumber("minimum", Report.FirstYear);
            w.WriteNumber("maximum", Report.LastYear);
            w.WriteEndObject();
            w.WriteStartObject("agency");
            w.WriteString("type", "object");
            Required(w, "name", "kind");
            w.WriteStartObject("properties");
            w.WriteStartObject("name");
            w.WriteString("type", "string");
            w.WriteNumber("minLength", 1);
            w.WriteEndObject();
            w.WriteStartObject("kind");
            w.WriteStartArray("enum");
            w.WriteStringValue("government");
            w.WriteStringValue("department");
            w.WriteStringValue("other");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            w.WriteEndObject();
            Date(w, "published", nullable: true);
            w.WriteStartObject("period");
            w.WriteStartArray("type");
            w.WriteStringValue("object");
            w.WriteStringValue("null");
            w.WriteEndArray();
            w.WriteStartObject("properties");
            Date(w, "start", nullable: false);
            Date(w, "end", nullable: false);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("source");
            w.WriteString("type", "object");
            w.WriteEndObject();
            w.WriteStartObject("sections");
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            foreach (var key in new[] { "preamble", "overview", "proactive", "requests", "appeals", "problems", "other" })
            {
                w.WriteStartObject(key);
                w.WriteStartArray("type");
                w.WriteStringValue("string");
                w.WriteStringValue("null");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            w.WriteEndObject();
            Units(w, templates);
            w.WriteStartObject("tables");
            w.WriteString("description", "The statistics tables of the template the report declares (template), or else the one its year falls in.");
            w.WriteString("type", "object");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteBoolean("additionalProperties", false);
            TablesByTemplate(w, templates);
            w.WriteStartObject("$defs");
            foreach (var template in templates)
            {
                w.WritePropertyName(TablesDef(template));
                Tables(w, template);
            }
            w.WriteStartObject("cell");
            w.WriteString("description", "A number as published (under 10^18 either way), null for a blank cell, or the entry as written when it is not a number: not a number in quotes (\"12\"), not \"\".");
            w.WriteStartArray("oneOf");
            w.WriteStartObject();
            w.WriteString("type", "number");
            w.WriteNumber("exclusiveMaximum", ReportReader.MaxCell);
            w.WriteNumber("exclusiveMinimum", -ReportReader.MaxCell);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("type", "null");
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("type", "string");
            w.WriteNumber("minLength", 1);
            // What the reader calls a number in quotes (RL0107): the JSON number grammar without exponent or leading zeros.
            w.WriteStartObject("not");
            w.WriteString("pattern", "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The cells whose unit the format leaves open (<c>unit: as-reported</c>), each taking 元 or 万元.</summary>
    private static void Units(Utf8JsonWriter w, IReadOnlyList<TemplateDefinition> templates)
    {
        w.WriteStartObject("units");
        w.WriteString("description", "The unit the report uses for a cell whose unit the format does not state (e.g. 2019 采购总金额).");
        w.WriteString("type", "object");
        w.WriteStartObject("properties");
        var keys = templates
            .SelectMany(t => t.Cells.Where(c => t.Tables.First(x => x.Id == c.Table).Columns.First(x => x.Id == c.Column).Unit == ColumnUnits.AsReported)
                .Select(c => (c.Key, Label: $"template {t.Name}: {c.Label(Language.Chinese)}")))
            .GroupBy(x => x.Key, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            w.WriteStartObject(key.Key);
            w.WriteString("title", string.Join("; ", key.Select(x => x.Label)));
            w.WriteStartArray("enum");
            foreach (var unit in ColumnUnits.Money)
            {
                w.WriteStringValue(unit);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteBoolean("additionalProperties", false);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, string name, bool nullable)
    {
        w.WriteStartObject(name);
        if (nullable)
        {
            w.WriteStartArray("type");
            w.WriteStringValue("string");
            w.WriteStringValue("null");
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("type", "string");
        }
        w.WriteString("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        w.WriteEndObject();
    }

    /// <summary>
    /// The tables are checked against one template, chosen as the checker chooses it: <c>template</c> when given, else the
    /// template whose years hold <c>year</c>. (A <c>oneOf</c> over the templates gave a validator's errors from the
    /// template the report does not use; and a 2019 report with 2021 tables was valid.) With neither, any template's.
    /// </summary>
    private static void TablesByTemplate(Utf8JsonWriter w, IReadOnlyList<TemplateDefinition> templates)
    {
        w.WriteStartArray("allOf");
        foreach (var template in templates)
        {
            // template: "2021"
            IfThen(w,
                w => Required(w, "template"),
                w =>
                {
                    w.WriteStartObject("template");
                    w.WriteString("const", template.Name);
                    w.WriteEndObject();
                },
                w => w.WriteString("$ref", "#/$defs/" + TablesDef(template)));
            // no template, a year the template covers
            IfThen(w,
                w =>
                {
                    NoTemplate(w);
                    Required(w, "year");
                },
                w =>
                {
                    w.WritePropertyName("year");
                    YearsOf(w, template);
                },
                w => w.WriteString("$ref", "#/$defs/" + TablesDef(template)));
        }
        // neither: any template's tables
        IfThen(w,
            NoTemplate,
            w =>
            {
                w.WriteStartObject("year");
                w.WriteStartObject("not");
                w.WriteStartArray("anyOf");
                foreach (var template in templates)
                {
                    YearsOf(w, template);
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            },
            w =>
            {
                w.WriteStartArray("anyOf");
                foreach (var template in templates)
                {
                    w.WriteStartObject();
                    w.WriteString("$ref", "#/$defs/" + TablesDef(template));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        w.WriteEndArray();

        static void NoTemplate(Utf8JsonWriter w)
        {
            w.WriteStartObject("not");
            Required(w, "template");
            w.WriteEndObject();
        }

        static void YearsOf(Utf8JsonWriter w, TemplateDefinition template)
        {
            w.WriteStartObject();
            w.WriteString("type", "integer");
            w.WriteNumber("minimum", template.FirstYear);
            if (template.LastYear < Report.LastYear)
            {
                w.WriteNumber("maximum", template.LastYear);
            }
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// <c>{ "if": { <i>keywords</i>, "properties": { <i>properties</i> } }, "then": { "properties": { "tables": { <i>tables</i> } } } }</c>:
    /// one case of which template's tables apply.
    /// </summary>
    private static void IfThen(Utf8JsonWriter w, Action<Utf8JsonWriter> keywords, Action<Utf8JsonWriter> properties, Action<Utf8JsonWriter> tables)
    {
        w.WriteStartObject();
        w.WriteStartObject("if");
        keywords(w);
        w.WriteStartObject("properties");
        properties(w);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("then");
        w.WriteStartObject("properties");
        w.WriteStartObject("tables");
        tables(w);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Required(Utf8JsonWriter w, params string[] names)
    {
        w.WriteStartArray("required");
        foreach (var name in names)
        {
            w.WriteStringValue(name);
        }
        w.WriteEndArray();
    }

    private static string TablesDef(TemplateDefinition template) => "tables-" + template.Name;

    private static void Tables(Utf8JsonWriter w, TemplateDefinition template)
    {
        w.WriteStartObject();
        w.WriteString("title", $"template {template.Name}: {template.Title}");
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        Required(w, [.. template.Tables.Select(t => t.Id)]);
        w.WriteStartObject("properties");
        foreach (var table in template.Tables)
        {
            w.WriteStartObject(table.Id);
            w.WriteString("title", table.Label);
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            // Every row (the checker's RL0106); a group either as its total row or as all its rows, never both (RL0108).
            Required(w, [.. table.Rows.Where(r => r.Group is null).Select(r => r.Id)]);
            if (table.Groups.Length > 0)
            {
                w.WriteStartArray("allOf");
                foreach (var group in table.Groups)
                {
                    w.WriteStartObject();
                    w.WriteStartArray("oneOf");
                    w.WriteStartObject();
                    Required(w, group.Id);
                    w.WriteEndObject();
                    w.WriteStartObject();
                    Required(w, group.Rows);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteStartObject("properties");
            foreach (var row in table.Rows)
            {
                Row(w, row.Id, (row.Group is null ? "" : table.Groups.First(g => g.Id == row.Group).Label + " ") + row.Label, row.Columns, table);
            }
            foreach (var group in table.Groups)
            {
                var columns = table.Rows.First(r => r.Id == group.Rows[0]).Columns;
                Row(w, group.Id, group.Label + "（只填合计时使用，代替其子项 / use instead of its rows when only the total is given）", columns, table);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Row(Utf8JsonWriter w, string id, string label, string[] columns, TableInfo table)
    {
        w.WriteStartObject(id);
        w.WriteString("title", label);
        w.WriteString("type", "object");
        w.WriteBoolean("additionalProperties", false);
        Required(w, columns);
        w.WriteStartObject("properties");
        foreach (var column in columns)
        {
            w.WriteStartObject(column);
            w.WriteString("title", table.Columns.First(c => c.Id == column).Label);
            w.WriteString("$ref", "#/$defs/cell");
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
