using System.Text.RegularExpressions;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>
/// Reads one statistics table out of the lines of its section. The source is cut into labels and values; each run of
/// values belongs to the template row whose official label best matches the end of the label text before it, so the
/// header rows, rowspans, labels split over lines and group labels printed mid-group (PDF) do not matter. A run with as
/// many values as the whole table has cells (表四 as one line of 15 numbers) fills the table row by row.
/// </summary>
public sealed partial class TableReader
{
    /// <summary>Below this share of a label's characters found in order, a label is not taken as that row.</summary>
    private const double MatchThreshold = 0.6;

    private readonly TemplateDefinition template;
    private readonly int tableIndex;
    private readonly TableInfo table;
    private readonly ImportedReport report;
    private readonly ImportDiagnostics diagnostics;
    private readonly string[] rowLabels;
    /// <summary>Per row, the parts of its official label that name it alone (see <see cref="ShortForms"/>).</summary>
    private readonly string[][] rowShortForms;
    private readonly string[] groupLabels;
    private readonly bool[] rowDone;
    private readonly bool[] groupDone;
    private readonly GroupTotal?[] groupTotals;
    /// <summary>The label text since the last run of values, piece by piece as laid out.</summary>
    private readonly List<LabelPiece> pending = [];
    private readonly List<Token> values = [];
    private int nextRow;

    /// <summary>Every label as written, with its line: a row whose label is here but that was never read has lost its values.</summary>
    private readonly List<(string Text, int Line)> labelsSeen = [];

    /// <summary>Each run of values taken as a row, in order: the lines of its first and last value, and whether that row had been read before.</summary>
    private readonly List<(int FirstLine, int LastLine, bool Repeat)> rowsRead = [];

    public TableReader(TemplateDefinition template, int tableIndex, ImportedReport report, ImportDiagnostics diagnostics)
    {
        this.template = template;
        this.tableIndex = tableIndex;
        table = template.Tables[tableIndex];
        this.report = report;
        this.diagnostics = diagnostics;
        rowLabels = table.Rows.Select(r => LabelText.Normalize(r.Label)).ToArray();
        groupLabels = table.Groups.Select(g => LabelText.Normalize(g.Label)).ToArray();
        rowShortForms = ShortForms(rowLabels, groupLabels);
        rowDone = new bool[table.Rows.Length];
        groupDone = new bool[table.Groups.Length];
        groupTotals = new GroupTotal?[table.Groups.Length];
    }

    /// <summary>A group's total row as read, kept until the end of the table shows whether its sub-rows are there too.</summary>
    private sealed record GroupTotal(string RowId, string[] Columns, List<Token> Run, int Line);

    /// <summary>The line the table starts on (0 until a label or value is read), for rows that never appeared.</summary>
    private int firstLine;

    private enum TokenKind
    {
        Label,
        Value,
        RowEnd,
    }

    /// <summary>Column is 1-based in the line; a cell of a web page or HTML row is at column 1 and InCell.</summary>
    private readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, bool InCell = false);

    public void Read(SourceLine line)
    {
        if (line.IsCellRow)
        {
            foreach (var cell in line.Cells!)
            {
                Take(new Token(IsValue(cell) || cell.Trim().Length == 0 ? TokenKind.Value : TokenKind.Label, cell.Trim(), line.Number, 1, InCell: true));
            }
            if (line.EndsRow)
            {
                Take(new Token(TokenKind.RowEnd, "", line.Number, 1, InCell: true));
            }
            return;
        }
        if (Outline.IsPageFooter(line.Text) || line.Text.Trim().Length == 0)
        {
            return;
        }
        // A line of layout text: the label, then the values after it (pdftotext), or a lone label or value (web text).
        var parts = Whitespace().Matches(line.Text);
        var firstValue = parts.Count;
        while (firstValue > 0 && IsValue(parts[firstValue - 1].Value))
        {
            firstValue--;
        }
        // The label text, one token per column of the layout (a gap of two spaces or more): a group label printed
        // beside its rows (（五）不      3.要求提供公开出版物) is a piece of its own.
        var start = 0;
        for (var i = 1; i <= firstValue; i++)
        {
            if (i == firstValue || parts[i].Index - (parts[i - 1].Index + parts[i - 1].Length) >= 2)
            {
                var end = parts[i - 1].Index + parts[i - 1].Length;
                Take(new Token(TokenKind.Label, line.Text[parts[start].Index..end], line.Number, parts[start].Index + 1));
                start = i;
            }
        }
        for (var i = firstValue; i < parts.Count; i++)
        {
            Take(new Token(TokenKind.Value, parts[i].Value, line.Number, parts[i].Index + 1));
        }
    }

    private void Take(Token token)
    {
        if (firstLine == 0 && (token.Kind == TokenKind.Value && token.Text.Length > 0 || token.Kind == TokenKind.Label))
        {
            firstLine = token.Line;
        }
        switch (token.Kind)
        {
            case TokenKind.Label:
                if (values.Count > 0)
                {
                    Flush();
                }
                var piece = new LabelPiece(LabelText.Normalize(token.Text), token.Line, token.Column - 1, token.Column - 1 + DisplayWidth(token.Text), token.InCell);
                labelsSeen.Add((piece.Text, piece.Line));
                pending.Add(piece);
                KeepPendingShort();
                TakeContinuation(piece);
                break;
            case TokenKind.Value:
                values.Add(token);
                break;
            case TokenKind.RowEnd:
                if (values.Count > 0)
                {
                    Flush();
                }
                break;
        }
    }

    /// <summary>Ends the table: reads the last run of values and names every row that never appeared.</summary>
    public void Finish(int fallbackLine)
    {
        if (values.Count > 0)
        {
            Flush();
        }
        ReportUnfinishedLabel();
        var line = firstLine > 0 ? firstLine : fallbackLine;
        for (var g = 0; g < table.Groups.Length; g++)
        {
            if (groupTotals[g] is { } total)
            {
                SettleGroupTotal(g, total);
            }
        }
        for (var r = 0; r < table.Rows.Length; r++)
        {
            var row = table.Rows[r];
            if (rowDone[r] || GroupCovered(r))
            {
                continue;
            }
            var columns = string.Join("、", row.Columns.Select(c => Column(c).Label));
            var columnsEn = string.Join(", ", row.Columns.Select(c => Column(c).LabelEn));
            var names = Names(row.Id);
            var label = labelsSeen.FindIndex(l => l.Text.Length > 0 && (l.Text == rowLabels[r] || rowShortForms[r].Contains(l.Text)));
            if (label >= 0)
            {
                // The label is there, its values are not (lost in copying, or never filled in): said where, as a row
                // without values, rather than "not found" at the table's first line.
                AddForRow(ImportRules.ValueCount, labelsSeen[label].Line, 1, names,
                    $"{table.Short}的“{names.RowLabel}”这一行（第 {labelsSeen[label].Line} 行）没有数值，模板有 {row.Columns.Length} 列（{columns}）；这一行没有导入。",
                    $"{table.ShortEn}: row \"{names.RowLabelEn}\" (line {labelsSeen[label].Line}) has no values for its {row.Columns.Length} column(s) ({columnsEn}); it was not imported.");
                continue;
            }
            AddForRow(ImportRules.RowNotFound, line, 1, names,
                $"{table.Short}中找不到“{names.RowLabel}”这一行，其 {row.Columns.Length} 个单元格（{columns}）没有导入。",
                $"{table.ShortEn}: row \"{names.RowLabel}\" ({names.RowLabelEn}) not found; its {row.Columns.Length} cell(s) ({columnsEn}) were not imported.");
        }
    }

    /// <summary>The line of the last value taken as a row of this table; 0 when none was.</summary>
    public int LastValueLine => rowsRead.Count == 0 ? 0 : rowsRead.Max(r => r.LastLine);

    /// <summary>
    /// Where a second copy of the table begins, when the source prints the table twice (this year's and, for comparison,
    /// last year's): half of the table's rows or more read again after the first copy. FirstStart is the line of the
    /// first copy's first value, FirstEnd the line of its last value, SecondStart the line of the first value read again.
    /// Null when the table is printed once (a row or two repeated are only RL0208).
    /// </summary>
    public (int FirstStart, int FirstEnd, int SecondStart)? SecondCopy
    {
        get
        {
            var first = rowsRead.FindIndex(r => r.Repeat);
            if (first <= 0 || rowsRead.Count(r => r.Repeat) < Math.Max(1, (table.Rows.Length + 1) / 2))
            {
                return null;
            }
            return (rowsRead[0].FirstLine, rowsRead.Take(first).Max(r => r.LastLine), rowsRead[first].FirstLine);
        }
    }

    /// <summary>How the template names a row (or group total row): the labels of its first cell, with its group's label.</summary>
    private CellInfo Names(string rowId)
    {
        var row = template.RowIndex(tableIndex, rowId);
        return Enumerable.Range(0, table.Columns.Length).Select(c => template.CellIndex(tableIndex, row, c)).Where(i => i >= 0).Select(i => template.Cells[i]).First();
    }

    /// <summary>A diagnostic about a whole row, keyed table.row and labelled 表三 / row.</summary>
    private void AddForRow(InputRule rule, int line, int column, CellInfo names, string message, string messageEn) =>
        diagnostics.Add(rule, line, column, message, messageEn,
            $"{names.Table}.{names.Row}", $"{names.TableLabel} / {names.RowLabel}", $"{names.TableLabel} / {names.RowLabelEn}");

    private ColumnInfo Column(string id) => table.Columns.First(c => c.Id == id);

    private void Flush()
    {
        ReportUnfinishedLabel();
        var pieces = OwnPieces(pending);
        var label = string.Concat(pieces.Select(p => p.Text));
        var run = values.ToList();
        values.Clear();
        pending.Clear();

        if (run.All(v => v.Text.Length == 0))
        {
            // Blank cells in header rows and spacer cells: nothing to read.
            return;
        }

        // 表四 (and any table) given as one run of all its values, row by row.
        var best = Best(label);
        var open = Enumerable.Range(0, table.Rows.Length).Where(r => !rowDone[r] && !GroupCovered(r)).ToList();
        var openCells = open.Sum(r => table.Rows[r].Columns.Length);
        if (open.Count > 1 && run.Count == openCells && run.Count > table.Rows.Max(r => r.Columns.Length) && best.Score < 1)
        {
            var at = 0;
            rowsRead.Add((run[0].Line, run[^1].Line, false));
            foreach (var r in open)
            {
                Assign(table.Rows[r].Id, table.Rows[r].Columns, run.GetRange(at, table.Rows[r].Columns.Length));
                rowDone[r] = true;
                at += table.Rows[r].Columns.Length;
            }
            return;
        }

        if (open.Count > 1 && run.Count > table.Rows.Max(r => r.Columns.Length) && best.Score < 1 && Math.Abs(run.Count - openCells) <= 2)
        {
            // 表四 as one line of values, with one lost (a blank cell dropped in PDF extraction) or one too many: which
            // value belongs where cannot be told. Said once for the rows it covers, not as values under an unknown label
            // and every row "not found".
            var shownRun = string.Join(" ", run.Select(v => v.Text.Length == 0 ? "（空）" : v.Text));
            var rowsLabel = string.Join("、", open.Select(r => table.Rows[r].Label));
            diagnostics.Add(ImportRules.ValueCount, run[0].Line, run[0].Column,
                $"{table.Short}写成一行的 {run.Count} 个数值（{shownRun}）与{rowsLabel}共 {openCells} 个单元格不符；无法确定各数值属于哪一格，这些行没有导入。",
                $"{table.ShortEn}: the {run.Count} values on one line ({shownRun}) do not match the {openCells} cells of its rows; which value belongs to which cell cannot be told, so the rows were not imported.",
                table.Id, table.Short, table.LabelEn);
            foreach (var r in open)
            {
                rowDone[r] = true;
            }
            return;
        }

        if (best.Score < MatchThreshold)
        {
            var shown = string.Join(" ", run.Select(v => v.Text.Length == 0 ? "（空）" : v.Text));
            diagnostics.Add(ImportRules.StrayValues, run[0].Line, run[0].Column,
                $"{table.Short}中数值“{shown}”前的标签“{Tail(label)}”不是模板中的行，这些数值没有导入。",
                $"{table.ShortEn}: the values \"{shown}\" follow the label \"{Tail(label)}\", which is no row of the template; they were not imported.");
            return;
        }

        // Where the row's label starts: said at that line and quoted from there, not from the header or the previous
        // row's tail that the label text since the last values may begin with.
        var own = pieces.Count == 0 ? 0
            : OwnLabelStart(pieces, text => best.Group >= 0 ? GroupScore(best.Group, text) : RowScore(best.Row, text));
        var labelLine = pieces.Count > 0 ? pieces[own].Line : run[0].Line;
        var ownLabel = string.Concat(pieces.Skip(own).Select(p => p.Text));

        string rowId;
        string[] columns;
        if (best.Group >= 0)
        {
            var group = table.Groups[best.Group];
            groupDone[best.Group] = true;
            rowsRead.Add((run[0].Line, run[^1].Line, false));
            rowId = group.Id;
            columns = table.Rows.First(r => r.Group == group.Id).Columns;
        }
        else
        {
            var row = table.Rows[best.Row];
            var names = Names(row.Id);
            if (rowDone[best.Row])
            {
                rowsRead.Add((run[0].Line, run[^1].Line, true));
                AddForRow(ImportRules.RowTwice, labelLine, 1, names,
                    $"{table.Short}的“{names.RowLabel}”出现了两次，只导入第一次的数值。",
                    $"{table.ShortEn}: row \"{names.RowLabel}\" ({names.RowLabelEn}) appears twice; only the first is imported.");
                return;
            }
            rowDone[best.Row] = true;
            rowsRead.Add((run[0].Line, run[^1].Line, false));
            nextRow = best.Row + 1;
            rowId = row.Id;
            columns = row.Columns;
            if (!label.EndsWith(rowLabels[best.Row], StringComparison.Ordinal))
            {
                // Said also when the label matched once its note in brackets was set aside — unless the label text
                // after the values completes it (see TakeContinuation).
                unfinished = new UnfinishedLabel(best.Row, label, ownLabel, labelLine, pieces[^1].Start, pieces[^1].InCell);
            }
        }

        // Spacer cells after the last value (web text) are not values.
        while (run.Count > columns.Length && run[^1].Text.Length == 0)
        {
            run.RemoveAt(run.Count - 1);
        }
        if (run.Count != columns.Length)
        {
            var shown = string.Join(" ", run.Select(v => v.Text.Length == 0 ? "（空）" : v.Text));
            var names = Names(rowId);
            AddForRow(ImportRules.ValueCount, run[0].Line, run[0].Column, names,
                $"{table.Short}的“{names.RowLabel}”有 {run.Count} 个数值（{shown}），模板有 {columns.Length} 列；无法确定各数值属于哪一列，这一行没有导入。",
                $"{table.ShortEn}: row \"{names.RowLabelEn}\" has {run.Count} value(s) ({shown}) for {columns.Length} column(s); which value belongs to which column cannot be told, so the row was not imported.");
            return;
        }
        if (best.Group >= 0)
        {
            groupTotals[best.Group] = new GroupTotal(rowId, columns, run, labelLine);
            return;
        }
        Assign(rowId, columns, run);
    }

    /// <summary>
    /// A group's total row, at the end of the table: the group as one total when its sub-rows are not given (（六）其他处理
    /// as one row), otherwise only a check — the sub-rows are imported (the JSON holds a group one way or the other, and
    /// the sub-rows say more), and a total that is not their sum is said, since it would otherwise be lost unseen.
    /// </summary>
    private void SettleGroupTotal(int g, GroupTotal total)
    {
        var group = table.Groups[g];
        var rows = group.Rows.Select(id => Array.FindIndex(table.Rows, r => r.Id == id)).ToArray();
        if (!rows.Any(r => rowDone[r]))
        {
            Assign(total.RowId, total.Columns, total.Run);
            report.GroupTotals.Add((table.Id, total.RowId));
            AddForRow(ImportRules.GroupAsTotal, total.Line, 1, Names(group.Id),
                $"{table.Short}的“{group.Label}”只填报了一行合计，没有分子项；导入为分组合计，子项记为未单独填报。",
                $"{table.ShortEn}: \"{group.Label}\" ({group.LabelEn}) is given as one total row without its sub-rows; imported as the group total.");
            return;
        }
        if (!rows.All(r => rowDone[r]))
        {
            // Sub-rows missing are reported as such; a sum of some of them says nothing about the total.
            return;
        }
        var rowIndex = template.RowIndex(tableIndex, total.RowId);
        var differ = new List<string>();
        var differEn = new List<string>();
        for (var j = 0; j < total.Columns.Length; j++)
        {
            var column = template.ColumnIndex(tableIndex, total.Columns[j]);
            var stated = Parse(total.Run[j].Text);
            var parts = rows.Select(r => report.Cells.GetValueOrDefault(template.CellIndex(tableIndex, r, column))).ToList();
            if (stated.Kind != ValueKind.Number || parts.Any(p => p.State != CellState.Number))
            {
                continue;
            }
            var sum = parts.Sum(p => p.Number);
            if (sum != stated.Number)
            {
                var info = template.Cells[template.CellIndex(tableIndex, rowIndex, column)];
                differ.Add($"{info.ColumnLabel} 合计 {stated.Number}，子项之和 {sum}");
                differEn.Add($"{info.Column}: total {stated.Number}, sub-rows {sum}");
            }
        }
        if (differ.Count > 0)
        {
            AddForRow(ImportRules.GroupTotalDiffers, total.Line, 1, Names(group.Id),
                $"{table.Short}的“{group.Label}”既有合计行又有子项，合计与子项之和不符（{string.Join("；", differ)}）。已导入子项，合计行没有导入，请核对原文。",
                $"{table.ShortEn}: \"{group.Label}\" ({group.LabelEn}) is given as a total row and as its sub-rows, and the total is not their sum ({string.Join("; ", differEn)}). The sub-rows were imported, not the total row; check the source.");
        }
    }

    /// <summary>Whether a row belongs to a group given only as its total (so far: a sub-row read later brings the group's rows back).</summary>
    private bool GroupCovered(int row)
    {
        if (table.Rows[row].Group is not { } group)
        {
            return false;
        }
        var g = Array.FindIndex(table.Groups, x => x.Id == group);
        return groupDone[g] && !table.Groups[g].Rows.Any(id => rowDone[Array.FindIndex(table.Rows, r => r.Id == id)]);
    }

    private void Assign(string rowId, string[] columns, List<Token> run)
    {
        var rowIndex = template.RowIndex(tableIndex, rowId);
        for (var j = 0; j < columns.Length; j++)
        {
            var column = Column(columns[j]);
            var cell = template.CellIndex(tableIndex, rowIndex, template.ColumnIndex(tableIndex, column.Id));
            var token = run[j];
            var info = template.Cells[cell];
            var key = info.Key;
            var cellLabel = info.Label(Language.Chinese);
            var cellLabelEn = info.Label(Language.English);
            var parsed = Parse(token.Text);
            switch (parsed.Kind)
            {
                case ValueKind.Blank:
                    report.Cells[cell] = new ImportedCell(CellState.Blank, 0, null, token.Line);
                    break;
                case ValueKind.Number:
                    report.Cells[cell] = new ImportedCell(CellState.Number, parsed.Number, null, token.Line);
                    break;
                case ValueKind.NumberWithUnit when column.Unit == ColumnUnits.AsReported && ColumnUnits.Money.Contains(parsed.Unit):
                    report.Cells[cell] = new ImportedCell(CellState.Number, parsed.Number, null, token.Line);
                    report.Units[key] = parsed.Unit!;
                    break;
                default:
                    // Kept as written, never read as 0; said why: a unit typed into the cell, or not a number at all.
                    report.Cells[cell] = new ImportedCell(CellState.Text, 0, token.Text, token.Line);
                    var (rule, message, messageEn) = parsed.Kind switch
                    {
                        ValueKind.NumberWithUnit => (ImportRules.UnitInCell,
                            $"{cellLabel} 写的是“{token.Text}”，单元格中带了单位“{parsed.Unit}”；按原文保留为文字。",
                            $"{cellLabelEn} reads \"{token.Text}\": the unit \"{parsed.Unit}\" is typed into the cell; kept as text."),
                        ValueKind.Annotated => (ImportRules.NonNumeric,
                            $"{cellLabel} 写的是“{token.Text}”，数字带有说明文字，不是一个确切的数；按原文保留为文字，不当作 0。请核对原文后在 JSON 中填入数字。",
                            $"{cellLabelEn} reads \"{token.Text}\": a number with a note, not an exact number; kept as text, not read as 0. Check the source and put the number in the JSON."),
                        ValueKind.MisreadDigits => (ImportRules.NonNumeric,
                            $"{cellLabel} 写的是“{token.Text}”，数字中夹有字母（O、l 可能是 0、1 录入或识别错了）；按原文保留为文字，不当作 0。请核对原文后在 JSON 中填入数字。",
                            $"{cellLabelEn} reads \"{token.Text}\": a letter among the digits (O or l typed or recognised for 0 or 1); kept as text, not read as 0. Check the source and put the number in the JSON."),
                        ValueKind.BadlyGrouped => (ImportRules.NonNumeric,
                            $"{cellLabel} 写的是“{token.Text}”，逗号不在千位上（是录入错误，还是小数点写成了逗号？），不是一个确切的数；按原文保留为文字，不当作 0。请核对原文后在 JSON 中填入数字。",
                            $"{cellLabelEn} reads \"{token.Text}\": the comma does not group thousands (a typo, or a decimal comma?), so it is not an exact number; kept as text, not read as 0. Check the source and put the number in the JSON."),
                        _ => (ImportRules.NonNumeric,
                            $"{cellLabel} 写的是“{token.Text}”，不是数字；按原文保留为文字，不当作 0。",
                            $"{cellLabelEn} reads \"{token.Text}\", which is not a number; kept as text, not read as 0."),
                    };
                    diagnostics.Add(rule, token.Line, token.Column, message, messageEn, key, cellLabel, cellLabelEn);
                    break;
            }
            if (report.Cells[cell].State == CellState.Number && Math.Abs(parsed.Number) >= ReportReader.MaxCell)
            {
                // Written as it is (as text the checker would only say "no quotes around numbers"); the checker refuses
                // it (RL0107), and the import says so now.
                diagnostics.Add(ImportRules.NumberOutOfRange, token.Line, token.Column,
                    $"{cellLabel} 写的是“{token.Text}”，大得不可能（10^18 以上），多为相邻的数连在了一起或录入错误；按原数写入，检查时会报告。请核对原文后改正。",
                    $"{cellLabelEn} reads \"{token.Text}\", too large to be real (10^18 or more): most likely neighbouring numbers run together, or a typo. Written as it is; the checker refuses it. Check the source.",
                    key, cellLabel, cellLabelEn);
            }
        }
    }

    private static string Tail(string label, int length = 24) => label.Length <= length + 4 ? label : "…" + label[^(length + 4)..];

    [GeneratedRegex(@"\S+")]
    private static partial Regex Whitespace();
}
