using System.Text;

namespace ReportLint.Validation;

/// <summary>
/// A template version (e.g. 2021) with its cells and rules. Subclasses are generated from rules/*.yaml;
/// <see cref="Validate"/> is the compiled form of every rule.
/// </summary>
public abstract class TemplateDefinition
{
    private readonly Dictionary<string, int> tableIndex;
    private readonly Dictionary<string, int>[] rowIndex;
    private readonly Dictionary<string, int>[] columnIndex;
    private readonly int[][,] cellIndex;

    // The reader's fast path: ids as UTF-8, compared with the bytes of the file; rows, then groups, per table.
    private readonly byte[][][] rowNames;
    private readonly byte[][][] columnNames;
    private readonly int[] rowSlots;
    private readonly int[][][] groupMembers;

    private readonly Lazy<Narrative.NarrativePattern[]> patterns;

    protected TemplateDefinition(string name, string title, string titleEn, int firstYear, int lastYear, TableInfo[] tables, CellInfo[] cells, RuleInfo[] rules, NarrativeInfo[] narratives)
    {
        Narratives = narratives;
        patterns = new(() => narratives.Select(n => new Narrative.NarrativePattern(n.Section, n.Pattern)).ToArray());
        Name = name;
        Title = title;
        TitleEn = titleEn;
        FirstYear = firstYear;
        LastYear = lastYear;
        Tables = tables;
        Cells = cells;
        Rules = rules;

        // Plain dictionaries: a frozen one reads a little faster but costs more to build, and a one-file run pays that.
        tableIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        rowIndex = new Dictionary<string, int>[tables.Length];
        columnIndex = new Dictionary<string, int>[tables.Length];
        cellIndex = new int[tables.Length][,];
        rowNames = new byte[tables.Length][][];
        columnNames = new byte[tables.Length][][];
        rowSlots = new int[tables.Length + 1];
        groupMembers = new int[tables.Length][][];
        for (var t = 0; t < tables.Length; t++)
        {
            var table = tables[t];
            tableIndex[table.Id] = t;
            var rowIds = table.Rows.Select(r => r.Id).Concat(table.Groups.Select(g => g.Id)).ToArray();
            rowIndex[t] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < rowIds.Length; r++)
            {
                rowIndex[t][rowIds[r]] = r;
            }
            columnIndex[t] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < table.Columns.Length; c++)
            {
                columnIndex[t][table.Columns[c].Id] = c;
            }
            rowNames[t] = rowIds.Select(Encoding.UTF8.GetBytes).ToArray();
            columnNames[t] = table.Columns.Select(c => Encoding.UTF8.GetBytes(c.Id)).ToArray();
            rowSlots[t + 1] = rowSlots[t] + rowIds.Length;
            groupMembers[t] = table.Groups.Select(g => g.Rows.Select(id => rowIndex[t][id]).ToArray()).ToArray();
            var grid = new int[rowIds.Length, table.Columns.Length];
            for (var r = 0; r < rowIds.Length; r++)
            {
                for (var c = 0; c < table.Columns.Length; c++)
                {
                    grid[r, c] = -1;
                }
            }
            foreach (var cell in cells.Where(c => c.Table == table.Id))
            {
                grid[rowIndex[t][cell.Row], columnIndex[t][cell.Column]] = cell.Index;
            }
            cellIndex[t] = grid;
        }
        AsReportedCells = cells.Where(c => tables[tableIndex[c.Table]].Columns[columnIndex[tableIndex[c.Table]][c.Column]].Unit == ColumnUnits.AsReported)
            .Select(c => c.Index).ToArray();
    }

    public string Name { get; }

    public string Title { get; }

    public string TitleEn { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public IReadOnlyList<TableInfo> Tables { get; }

    public IReadOnlyList<CellInfo> Cells { get; }

    public IReadOnlyList<RuleInfo> Rules { get; }

    public IReadOnlyList<NarrativeInfo> Narratives { get; }

    /// <summary>The narrative patterns, compiled once per template and only if a report is checked against it.</summary>
    public Narrative.NarrativePattern[] Patterns => patterns.Value;

    public bool Covers(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>
    /// Cells whose unit the format leaves open (<c>unit: as-reported</c>, e.g. 2019 采购总金额): the report states it.
    /// </summary>
    public int[] AsReportedCells { get; }

    /// <summary>How many rows and groups all tables have together: the size of an array with a slot per row.</summary>
    public int RowSlotCount => rowSlots[^1];

    /// <summary>A row's (or group's) place among all tables' rows, see <see cref="RowSlotCount"/>.</summary>
    public int RowSlot(int table, int row) => rowSlots[table] + row;

    /// <summary>The row indices of a table's group, in the group's order.</summary>
    public int[] GroupMembers(int table, int group) => groupMembers[table][group];

    /// <summary>The id of a table's row or, past the rows, group.</summary>
    public string RowId(int table, int row) => row < Tables[table].Rows.Length ? Tables[table].Rows[row].Id : Tables[table].Groups[row - Tables[table].Rows.Length].Id;

    /// <summary>A row (or group) by its id as UTF-8, trying <paramref name="expected"/> first: files list rows in the template's order.</summary>
    public int RowIndex(int table, ReadOnlySpan<byte> utf8, int expected) => Find(rowNames[table], utf8, expected);

    /// <summary>A column by its id as UTF-8, trying <paramref name="expected"/> first.</summary>
    public int ColumnIndex(int table, ReadOnlySpan<byte> utf8, int expected) => Find(columnNames[table], utf8, expected);

    private static int Find(byte[][] names, ReadOnlySpan<byte> utf8, int expected)
    {
        if ((uint)expected < (uint)names.Length && utf8.SequenceEqual(names[expected]))
        {
            return expected;
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (utf8.SequenceEqual(names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public int TableIndex(ReadOnlySpan<char> id) => tableIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    public int RowIndex(int table, ReadOnlySpan<char> id) => rowIndex[table].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    public int ColumnIndex(int table, ReadOnlySpan<char> id) => columnIndex[table].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    /// <summary>The cell at a table's row (or group) and column, or -1 when that row has no such column.</summary>
    public int CellIndex(int table, int row, int column) => cellIndex[table][row, column];

    public abstract void Validate(ValidationContext context, FindingSink sink);
}
