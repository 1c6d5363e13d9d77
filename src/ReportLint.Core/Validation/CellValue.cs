namespace ReportLint.Validation;

public enum CellState : byte
{
    /// <summary>The report file does not have this cell at all (a reading error is reported for it).</summary>
    Missing,

    /// <summary>A number as published.</summary>
    Number,

    /// <summary>Left blank in the source (JSON <c>null</c>) — not the same as 0.</summary>
    Blank,

    /// <summary>Something other than a number as written in the source ("-", "无", "251000元").</summary>
    Text,

    /// <summary>Not reported on its own: a group given only as its total, or a group total when its rows are given.</summary>
    NotReported,
}

/// <summary>One cell of a report: its state and, when it holds a number, the exact decimal value.</summary>
public readonly record struct CellValue(CellState State, decimal Number)
{
    public static CellValue Of(decimal number) => new(CellState.Number, number);

    public static readonly CellValue Blank = new(CellState.Blank, 0);

    public static readonly CellValue Text = new(CellState.Text, 0);

    public static readonly CellValue NotReported = new(CellState.NotReported, 0);
}
