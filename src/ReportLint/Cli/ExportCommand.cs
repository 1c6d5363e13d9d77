using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary>
/// <c>reportlint export</c>: the cells of report JSON files as one row per cell (CSV or JSON), for spreadsheets and
/// pandas (docs/importing.md#export).
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Header =
        ["file", "agency", "kind", "year", "template", "table", "table_label", "row", "row_label", "column", "column_label", "value", "value_kind", "unit"];

    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Report JSON files, directories (searched recursively) or glob patterns. 报告 JSON 文件或目录。",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "csv (default; UTF-8 with a byte-order mark when written to a file, so spreadsheets read the Chinese) or json (an array of row objects).",
        DefaultValueFactory = _ => "csv",
    };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Write to this file instead of standard output; never one of the reports being exported (an earlier export found in a folder being exported is left out of the inputs).",
    };

    static ExportCommand() => Format.AcceptOnlyFromAmong("csv", "json");

    public static Command Create()
    {
        var command = new Command("export",
            "One row per cell of each report — agency, year, template, table, official row and column labels, value (blank stays blank), unit. " +
            "每个单元格一行，便于用电子表格或 pandas 分析。Exit codes: 0 written; 2 a file could not be read, or a cell or field of it could not be " +
            "exported as the checker would read it (said on standard error; the others are still written), or -o names a report being exported.")
        {
            Paths, Format, Output, LintCommand.Lang,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var language = LintCommand.LanguageOf(parse);
        var paths = parse.GetValue(Paths) ?? [];
        var (files, problems) = InputFiles.Expand(paths);
        var reader = new ReportReader(TemplateRegistry.Default);
        var csv = parse.GetValue(Format) == "csv";
        var target = parse.GetValue(Output);
        // Decided before the output is opened: opening it empties it, and an input emptied so is lost.
        var (outputInputs, overwritten) = target is null ? ([], null) : Inputs(target, paths, files);
        if (overwritten is not null)
        {
            var input = overwritten == target ? "" : language == Language.English ? $" ({overwritten})" : $"（{overwritten}）";
            Stderr.Line(language == Language.English
                ? $"reportlint export: the output file {target} is also one of the reports to export{input}; writing it would overwrite that report. Name another file with -o."
                : $"reportlint export：输出文件 {target} 也是要导出的报告之一{input}，写入会覆盖这份报告。请用 -o 指定另一个文件。");
            return ExitCodes.InputError;
        }
        var failed = problems.Count > 0;
        foreach (var problem in problems)
        {
            LintCommand.WriteError(problem, language);
        }

        using var stream = target is null ? Console.OpenStandardOutput() : File.Create(target);
        using var writer = csv ? new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: target is not null)) : null;
        using var json = csv ? null : new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (csv)
        {
            writer!.Write(string.Join(",", Header) + "\n");
        }
        else
        {
            json!.WriteStartArray();
        }
        for (var i = 0; i < files.Count; i++)
        {
            if (outputInputs.Contains(i))
            {
                continue;
            }
            var file = files[i];
            var (bytes, unreadable) = InputFiles.ReadAll(file);
            var (report, findings) = bytes is null ? new ReadResult(null, [unreadable!]) : reader.Read(file.DisplayPath, bytes);
            if (report is null || findings.FirstOrDefault(f => f.IsInputError) is not null)
            {
                LintCommand.WriteError(findings.FirstOrDefault(f => f.IsInputError) ?? findings[0], language);
                failed = true;
                continue;
            }
            // What the reader could not take (a cell that is true or an object, a cell or row the template lacks, a
            // table laid out for another template, a group's total given beside its rows) is not among the rows, and a
            // field the rows carry in a wrong form (year, agency, units) is empty or in doubt in them: said on standard
            // error, and the exit code says the export is not whole. A missing cell is exported (value_kind "missing"),
            // as an importer leaves cells it could not read: not a failure of the export.
            foreach (var finding in findings.Where(NotExported))
            {
                LintCommand.WriteError(finding, language);
                failed = true;
            }
            foreach (var row in Rows(report))
            {
                if (csv)
                {
                    writer!.Write(string.Join(",", row.Fields.Select(Csv)) + "\n");
                }
                else
                {
                    WriteJson(json!, row);
                }
            }
            // Utf8JsonWriter keeps what it has written until flushed: without this the whole export (some 170 KB a
            // report) was held in memory to the end. The StreamWriter of the CSV passes its text on as it fills.
            json?.Flush();
        }
        if (csv)
        {
            writer!.Flush();
        }
        else
        {
            json!.WriteEndArray();
            json.Flush();
            stream.Write("\n"u8);
        }
        return failed ? ExitCodes.InputError : ExitCodes.Clean;
    }

    /// <summary>
    /// Which inputs are the output file: those an earlier export left in a folder being exported (<c>export dir -o
    /// dir/all.json</c> run again), by their index, to be left out; or, as <c>Overwritten</c>, an input it must not
    /// overwrite: one named on the command line, or a report (a JSON object) that a folder or pattern took in.
    /// </summary>
    private static (HashSet<int> Skipped, string? Overwritten) Inputs(string target, string[] paths, InputFileList files)
    {
        var skipped = new HashSet<int>();
        if (OutputFile.Existing(target) is not { } output)
        {
            return (skipped, null);
        }
        // A path that is a file is named; the others are folders and patterns (as InputFiles.Expand takes them).
        if (paths.FirstOrDefault(p => p != InputFiles.StandardInput && File.Exists(p) && output.Is(p)) is { } named)
        {
            return (skipped, named);
        }
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.FullPath is { } path && output.Is(path))
            {
                if (OutputFile.HoldsReport(path))
                {
                    return (skipped, file.DisplayPath);
                }
                skipped.Add(i);
            }
        }
        return (skipped, null);
    }

    /// <summary>Reading errors about cells that are not among the rows: RL0105, RL0107, RL0108 and RL0114.</summary>
    private static readonly HashSet<string> CellsNotExported =
        [InputRule.UnknownCell.Id, InputRule.BadCellValue.Id, InputRule.GroupTwice.Id, InputRule.OtherTemplateTable.Id];

    /// <summary>
    /// The report's own fields the rows carry (agency, kind, year, template, unit) or are read through (tables): one of
    /// them in a wrong form (RL0104) is written empty, or as one of two values, or under a unit in doubt. The others
    /// (period, published, sections, source) are not exported, and the checker's RL0104 about them is no concern here.
    /// </summary>
    private static readonly string[] ExportedFields = ["template", "year", "agency", "units", "tables"];

    private static bool NotExported(Finding finding) =>
        CellsNotExported.Contains(finding.RuleId)
        || (finding.RuleId == InputRule.BadField.Id && finding.Field is { } field
            && ExportedFields.Any(f => field == f || field.StartsWith(f + ".", StringComparison.Ordinal)));

    /// <summary>One exported cell: its fields in <see cref="Header"/> order, and the year and value as read.</summary>
    private sealed record ExportRow(string?[] Fields, int? Year, CellValue Value, string? Text);

    /// <summary>
    /// The cells the report has (numbers, blanks, text) and the ones it lacks (missing); not the rows a group total
    /// stands for, nor a group total when the group's rows are given (alone, or beside it: RL0108), so no sum over the
    /// rows counts a request twice.
    /// </summary>
    private static IEnumerable<ExportRow> Rows(Report report)
    {
        var template = report.Template;
        foreach (var index in Order(template))
        {
            var cell = template.Cells[index];
            var value = report.Cells[index];
            if (value.State == CellState.NotReported || (cell.IsGroupTotal && (value.State == CellState.Missing || RowsGiven(report, cell))))
            {
                continue;
            }
            var text = value.State is CellState.Text or CellState.Invalid ? report.Texts[cell.Index] ?? "" : null;
            var (shown, kind) = value.State switch
            {
                CellState.Number => (value.Number.ToString(CultureInfo.InvariantCulture), "number"),
                CellState.Blank => ("", "blank"),
                CellState.Text => (text, "text"),
                CellState.Invalid => (text, "invalid"), // as written; the file's RL0107 is on standard error
                _ => ("", "missing"),
            };
            yield return new ExportRow(
            [
                report.Path, report.AgencyName, report.AgencyKind == AgencyKind.Unknown ? "" : report.AgencyKind.ToString().ToLowerInvariant(),
                report.Year?.ToString(CultureInfo.InvariantCulture), template.Name, cell.Table, cell.TableLabel, cell.Row, cell.RowLabel,
                cell.Column, cell.ColumnLabel, shown, kind, Unit(report, cell),
            ], report.Year, value, text);
        }
    }

    private static readonly Dictionary<TemplateDefinition, int[]> Orders = [];

    /// <summary>
    /// The template's cells in the order of its tables: a group's total row (（六）其他处理 given as one row) where its
    /// rows would be, between （五） and （七）总计 — the template lists the totals after all rows of their table.
    /// </summary>
    private static int[] Order(TemplateDefinition template)
    {
        if (Orders.TryGetValue(template, out var known))
        {
            return known;
        }
        var totals = template.Cells.Where(c => c.IsGroupTotal).ToLookup(c => (c.Table, Group: c.Row));
        var placed = new HashSet<(string Table, string Group)>();
        var order = new List<int>(template.Cells.Count);
        foreach (var cell in template.Cells.Where(c => !c.IsGroupTotal))
        {
            if (cell.Group is { } group && placed.Add((cell.Table, group)))
            {
                order.AddRange(totals[(cell.Table, group)].Select(c => c.Index));
            }
            order.Add(cell.Index);
        }
        // A group the template lists no rows for (no template has one) still has its cells exported, last.
        order.AddRange(template.Cells.Where(c => c.IsGroupTotal && !placed.Contains((c.Table, c.Row))).Select(c => c.Index));
        return Orders[template] = [.. order];
    }

    /// <summary>Whether any row of the group whose total <paramref name="total"/> is has its cell in that column.</summary>
    private static bool RowsGiven(Report report, CellInfo total)
    {
        var template = report.Template;
        var table = template.TableIndex(total.Table);
        var group = Array.FindIndex(template.Tables[table].Groups, g => g.Id == total.Row);
        var column = template.ColumnIndex(table, total.Column);
        foreach (var row in template.GroupMembers(table, group))
        {
            if (template.CellIndex(table, row, column) is var cell and >= 0 && report.Cells[cell].State != CellState.NotReported)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The unit of a cell's value: the one its column header fixes (2021 本年收费金额: 万元), or for a column that fixes
    /// none (2019 采购总金额) the one the report states in <c>units</c> — null when it states none (RL0115). Null for
    /// counts, which have no unit.
    /// </summary>
    private static string? Unit(Report report, CellInfo cell)
    {
        var template = report.Template;
        var table = template.TableIndex(cell.Table);
        var unit = template.Tables[table].Columns[template.ColumnIndex(table, cell.Column)].Unit;
        return unit == ColumnUnits.AsReported ? report.Units.GetValueOrDefault(cell.Index) : unit;
    }

    private static void WriteJson(Utf8JsonWriter json, ExportRow row)
    {
        json.WriteStartObject();
        for (var i = 0; i < Header.Length; i++)
        {
            var name = Header[i];
            switch (name)
            {
                case "year" when row.Year is { } year:
                    json.WriteNumber(name, year);
                    break;
                case "value" when row.Value.State == CellState.Number:
                    json.WriteNumber(name, row.Value.Number);
                    break;
                case "value":
                    WriteStringOrNull(row.Text);
                    break;
                default:
                    WriteStringOrNull(row.Fields[i]);
                    break;
            }

            void WriteStringOrNull(string? value)
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
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe on text a spreadsheet could run as a formula: anything that starts with
    /// =, +, -, @, a tab or a carriage return — except a lone "-" (what reports write for "nothing") and a negative number
    /// written plainly (2019's 本年增/减 -8), which are data and nothing more. Strict on purpose: what is kept must be
    /// known to hold nothing to evaluate, so "--", "-1,000", "+1" and a lone "=" get the apostrophe too.
    /// </summary>
    private static string Csv(string? field)
    {
        field ??= "";
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && field != "-" && !IsNegativeNumber(field))
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>"-" then digits, with at most one decimal point between digits: how export writes a negative number.</summary>
    private static bool IsNegativeNumber(string field)
    {
        var point = -1;
        for (var i = 1; i < field.Length; i++)
        {
            if (field[i] == '.' && point < 0 && i > 1 && i < field.Length - 1)
            {
                point = i;
            }
            else if (!char.IsAsciiDigit(field[i]))
            {
                return false;
            }
        }
        return field.Length > 1 && field[0] == '-';
    }
}
