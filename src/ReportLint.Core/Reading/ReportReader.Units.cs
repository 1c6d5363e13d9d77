using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Reading;

// Units the format leaves open. The 2019 采购总金额 has no unit in its header and real reports write 元 or 万元, so
// the report file says which one it used ("units": { "proactive.procurement.amount": "元" }) and the reader records it.
public sealed partial class ReportReader
{
    private static void ReadUnits(ref Utf8JsonReader reader, ReadContext context)
    {
        if (!ExpectObject(ref reader, context, "units"))
        {
            return;
        }
        var template = context.Report.Template;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyOffset = reader.TokenStartIndex;
            var key = Name(ref reader);
            reader.Read();
            if (context.SkippedTables.Contains(template.TableIndex(key.Split('.')[0])))
            {
                // That table is laid out for another template and already reported (RL0114): its units mean nothing here.
                reader.Skip();
                continue;
            }
            var cell = AsReportedCell(template, key);
            if (cell < 0)
            {
                var open = template.AsReportedCells.Select(c => template.Cells[c]).ToList();
                context.Add(InputRule.BadField,
                    open.Count == 0
                        ? $"units 中的“{key}”无效：模板 {template.Name} 的单位都已在表头中规定，不需要写 units。"
                        : $"units 中的“{key}”无效：只有表头没有规定单位的单元格才需要注明单位，即 {string.Join("、", open.Select(c => $"{c.Key}（{c.Label(Language.Chinese)}）"))}。",
                    open.Count == 0
                        ? $"'units.{key}' is not valid: template {template.Name} fixes every unit in its headers."
                        : $"'units.{key}' is not valid: only cells whose header states no unit take one: {string.Join(", ", open.Select(c => c.Key))}.",
                    keyOffset, key, "units." + key);
                reader.Skip();
                continue;
            }
            if (!context.UnitsGiven.Add(cell))
            {
                GivenTwice(context, "units." + key, keyOffset, key);
            }
            var unit = reader.TokenType == JsonTokenType.String ? Name(ref reader) : null;
            if (unit is null || Array.IndexOf(ColumnUnits.Money, unit) < 0)
            {
                context.Add(InputRule.BadField,
                    $"units.{key} 只能是 {string.Join(" 或 ", ColumnUnits.Money.Select(u => $"\"{u}\""))}（报告中这一栏所用的单位）。",
                    $"'units.{key}' must be {string.Join(" or ", ColumnUnits.Money.Select(u => $"\"{u}\""))}, the unit the report uses for that cell.",
                    reader.TokenStartIndex, key, "units." + key);
                reader.Skip();
                continue;
            }
            context.Report.Units[cell] = unit;
        }
    }

    /// <summary>An amount whose unit neither the format nor the report states cannot be read for what it is.</summary>
    private static void CheckUnits(ReadContext context)
    {
        var report = context.Report;
        foreach (var cell in report.Template.AsReportedCells)
        {
            var value = report.Cells[cell];
            // A unit given but not usable is reported by ReadUnits already.
            if (value.State != CellState.Number || value.Number == 0 || context.UnitsGiven.Contains(cell))
            {
                continue;
            }
            var info = report.Template.Cells[cell];
            context.Add(InputRule.UnitNotStated,
                $"{info.Label(Language.Chinese)} 填写了 {FindingFactory.Format(value.Number)}，但没有注明单位。格式没有规定这一栏的单位（实际报告有写元的，也有写万元的），" +
                $"请在 units 中注明，如 \"units\": {{ \"{info.Key}\": \"元\" }}。",
                $"{info.Label(Language.English)} is {FindingFactory.Format(value.Number)} with no unit. The format states none (reports use 元 or 万元): " +
                $"give it in units, e.g. \"units\": {{ \"{info.Key}\": \"元\" }}.",
                report.CellOffsets[cell] - context.Start, info.Key);
        }
    }

    private static int AsReportedCell(TemplateDefinition template, string key)
    {
        var parts = key.Split('.');
        if (parts.Length != 3)
        {
            return -1;
        }
        var table = template.TableIndex(parts[0]);
        var row = table < 0 ? -1 : template.RowIndex(table, parts[1]);
        var column = table < 0 ? -1 : template.ColumnIndex(table, parts[2]);
        if (row < 0 || column < 0 || template.Tables[table].Columns[column].Unit != ColumnUnits.AsReported)
        {
            return -1;
        }
        return template.CellIndex(table, row, column);
    }
}
