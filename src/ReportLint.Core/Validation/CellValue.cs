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
public readonly record struct CellValue
{
    public CellValue(CellState state, decimal number)
    {
        State = state;
        Number = number;
    }

    private CellValue(long whole)
    {
        State = CellState.Number;
        IsWhole = true;
        Whole = whole;
        Number = whole;
    }

    public CellState State { get; }

    /// <summary>
    /// The number was written as a whole number of at most 18 digits (as nearly every cell is): <see cref="Whole"/> holds
    /// it too, and the checks add and compare it as an integer instead of through decimal arithmetic.
    /// </summary>
    public bool IsWhole { get; }

    public long Whole { get; }

    public decimal Number { get; }

    public static CellValue Of(decimal number) => new(CellState.Number, number);

    public static CellValue Of(long whole) => new(whole);

    public static readonly CellValue Blank = new(CellState.Blank, 0);

    public static readonly CellValue Text = new(CellState.Text, 0);

    public static readonly CellValue NotReported = new(CellState.NotReported, 0);
}
