using ReportLint.Validation;

namespace ReportLint.Importing;

/// <summary>One imported cell: a number, an explicit blank, or text as written; and the source line it came from.</summary>
public readonly record struct ImportedCell(CellState State, decimal Number, string? Text, int Line);

/// <summary>A report as the importer read it from a published source, ready to be written as the JSON model.</summary>
public sealed class ImportedReport(TemplateDefinition template, string sourceFile)
{
    public TemplateDefinition Template { get; } = template;

    public string SourceFile { get; } = sourceFile;

    public int? Year { get; set; }

    public string? AgencyName { get; set; }

    /// <summary>government, department or other (docs/report-json.md); null when the name does not tell.</summary>
    public string? AgencyKind { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public DateOnly? Published { get; set; }

    public string? Title { get; set; }

    /// <summary>Section id → text, in the model's order.</summary>
    public List<KeyValuePair<string, string>> Sections { get; } = [];

    /// <summary>Cell index → what was read. A cell not here was not read (and a diagnostic says why).</summary>
    public Dictionary<int, ImportedCell> Cells { get; } = [];

    /// <summary>Groups given only as their total row ((table id, group id)).</summary>
    public HashSet<(string Table, string Group)> GroupTotals { get; } = [];

    /// <summary>Units stated in cells whose unit the format leaves to the report (cell key → 元 / 万元).</summary>
    public SortedDictionary<string, string> Units { get; } = new(StringComparer.Ordinal);
}
