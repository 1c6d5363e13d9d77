using ReportLint.Validation;

namespace ReportLint.Reading;

public enum AgencyKind
{
    Unknown,
    Government,
    Department,
    Other,
}

/// <summary>A report as read from its JSON file: metadata, narrative sections, and one value per template cell.</summary>
public sealed class Report
{
    public Report(string path, TemplateDefinition template, ReadOnlyMemory<byte> source)
    {
        Path = path;
        Template = template;
        Source = source;
        Cells = new CellValue[template.Cells.Count];
        CellOffsets = new int[template.Cells.Count];
        Array.Fill(CellOffsets, -1);
        sectionTokens = new int[SectionKeys.Length];
        Array.Fill(sectionTokens, -1);
    }

    /// <summary>The narrative sections a report file may have (docs/report-json.md), in the report's order.</summary>
    public static readonly string[] SectionKeys = ["preamble", "overview", "proactive", "requests", "appeals", "problems", "other"];

    // Sections are decoded from the file only when a rule reads them: most rules read one or two of the seven.
    private readonly int[] sectionTokens;
    private string?[]? sectionTexts;

    public string Path { get; }

    public TemplateDefinition Template { get; }

    /// <summary>The file's bytes, kept to turn offsets into lines and columns when a finding needs one.</summary>
    public ReadOnlyMemory<byte> Source { get; }

    public int? Year { get; set; }

    /// <summary>Report years a file may give: from 2008, when the Regulations took effect, to 2999 (a four-digit year).</summary>
    public const int FirstYear = 2008, LastYear = 2999;

    public static bool IsPlausibleYear(int year) => year is >= FirstYear and <= LastYear;

    public string? AgencyName { get; set; }

    public AgencyKind AgencyKind { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    public DateOnly? Published { get; set; }

    /// <summary>The top-level keys a report file may have (docs/report-json.md).</summary>
    public static readonly string[] FieldKeys = ["template", "year", "agency", "period", "published", "sections", "tables", "units", "source", "$schema"];

    private readonly int[] fieldOffsets = NewFieldOffsets();

    private static int[] NewFieldOffsets()
    {
        var offsets = new int[FieldKeys.Length];
        Array.Fill(offsets, -1);
        return offsets;
    }

    /// <summary>Byte offset of one of the report's own fields (year, published, period, agency…), for findings about it; null when absent.</summary>
    public int? FieldOffset(string key) => Array.IndexOf(FieldKeys, key) is var index and >= 0 && fieldOffsets[index] >= 0 ? fieldOffsets[index] : null;

    internal void SetFieldOffset(int index, int offset) => fieldOffsets[index] = offset;

    /// <summary>A section's text, or null when the file does not give it (or gives null).</summary>
    public string? Section(string key)
    {
        var index = Array.IndexOf(SectionKeys, key);
        if (index < 0 || sectionTokens[index] < 0)
        {
            return null;
        }
        sectionTexts ??= new string?[SectionKeys.Length];
        return sectionTexts[index] ??= JsonStrings.Decode(Source.Span, sectionTokens[index]);
    }

    /// <summary>Byte offset of a section's JSON string (its opening quote), so a finding can point at a quoted sentence.</summary>
    public int? SectionOffset(string key)
    {
        var index = Array.IndexOf(SectionKeys, key);
        return index >= 0 && sectionTokens[index] >= 0 ? sectionTokens[index] : null;
    }

    /// <summary>Records where a section's string is; the reader has checked that it decodes.</summary>
    internal void SetSection(int index, int tokenOffset) => sectionTokens[index] = tokenOffset;

    public CellValue[] Cells { get; }

    /// <summary>Byte offset of each cell's value in <see cref="Source"/>; -1 when the cell is not in the file.</summary>
    public int[] CellOffsets { get; }

    /// <summary>For cells holding text, the text as written (made when the first such cell is read: most reports have none).</summary>
    public string?[] Texts => texts ??= new string?[Template.Cells.Count];

    private string?[]? texts;

    /// <summary>
    /// The unit the report states (<c>units</c>) for a cell whose unit the format leaves open (<c>unit: as-reported</c>
    /// in the template, e.g. 2019 采购总金额), by cell index: 元 or 万元.
    /// </summary>
    public Dictionary<int, string> Units { get; } = [];

    /// <summary>Byte offset of the <c>tables</c> object, or of the file start: where findings about absent cells point.</summary>
    public int TablesOffset { get; set; }
}
