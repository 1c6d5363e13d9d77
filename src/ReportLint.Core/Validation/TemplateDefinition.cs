using System.Collections.Frozen;

namespace ReportLint.Validation;

/// <summary>
/// A template version (e.g. 2021) with its cells and rules. Subclasses are generated from rules/*.yaml;
/// <see cref="Validate"/> is the compiled form of every rule.
/// </summary>
public abstract class TemplateDefinition
{
    private readonly FrozenDictionary<string, int> tableIndex;
    private readonly FrozenDictionary<string, int>[] rowIndex;
    private readonly FrozenDictionary<string, int>[] columnIndex;
    private readonly int[][,] cellIndex;

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

        tableIndex = tables.Select((t, i) => (t.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        rowIndex = new FrozenDictionary<string, int>[tables.Length];
        columnIndex = new FrozenDictionary<string, int>[tables.Length];
        cellIndex = new int[tables.Length][,];
        for (var t = 0; t < tables.Length; t++)
        {
            var table = tables[t];
            var rowIds = table.Rows.Select(r => r.Id).Concat(table.Groups.Select(g => g.Id)).ToArray();
            rowIndex[t] = rowIds.Select((id, i) => (id, i)).ToFrozenDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            columnIndex[t] = table.Columns.Select((c, i) => (c.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
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

    public int TableIndex(ReadOnlySpan<char> id) => tableIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    public int RowIndex(int table, ReadOnlySpan<char> id) => rowIndex[table].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    public int ColumnIndex(int table, ReadOnlySpan<char> id) => columnIndex[table].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var i) ? i : -1;

    /// <summary>The cell at a table's row (or group) and column, or -1 when that row has no such column.</summary>
    public int CellIndex(int table, int row, int column) => cellIndex[table][row, column];

    public abstract void Validate(ValidationContext context, FindingSink sink);
}
