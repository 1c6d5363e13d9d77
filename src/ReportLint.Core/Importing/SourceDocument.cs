namespace ReportLint.Importing;

/// <summary>How the source was published, which decides how its lines are cut into table cells.</summary>
public enum SourceKind
{
    /// <summary>Text copied from a web page: table cells one per line ending in “ |”, or one per line between blank lines.</summary>
    WebText,

    /// <summary><c>pdftotext -layout</c> output: a table row is a label followed by its values on one line (or wrapped).</summary>
    PdfText,

    /// <summary>An HTML page: paragraphs, and tables read row by row.</summary>
    Html,

    /// <summary>A PDF, read through poppler's <c>pdftotext -layout</c>.</summary>
    Pdf,

    /// <summary>A Word document (.docx): paragraphs, and tables read row by row, as for HTML.</summary>
    Word,
}

/// <summary>
/// One line of the source as the importer sees it. <see cref="Cells"/> is set for table rows whose cells the source
/// marks (HTML rows; one web-text cell per line); other lines are plain text and are cut into label and values by layout.
/// </summary>
public sealed record SourceLine(int Number, string Text, IReadOnlyList<string>? Cells = null, bool EndsRow = false)
{
    public bool IsCellRow => Cells is not null;

    /// <summary>Whether the line holds anything: text, or (a table row) cells.</summary>
    public bool HasContent => Text.Trim().Length > 0 || IsCellRow && Cells!.Count > 0;
}

/// <summary>A source file turned into lines, whatever its format.</summary>
public sealed record SourceDocument(string Path, SourceKind Kind, IReadOnlyList<SourceLine> Lines)
{
    /// <summary>The index, among lines [<paramref name="from"/>, <paramref name="to"/>), of the first line numbered <paramref name="number"/> or later.</summary>
    public int IndexOf(int number, int from, int to) => Enumerable.Range(from, to - from).First(i => Lines[i].Number >= number);
}
