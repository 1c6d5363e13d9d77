using System.Runtime.InteropServices;

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

    /// <summary>
    /// Given, but not usable as a value (reported by RL0107 when read): true/false, a list or an object, a number out of
    /// range, a number in quotes ("12"), an empty string. The text as written is in <c>Report.Texts</c>.
    /// </summary>
    Invalid,
}

/// <summary>One cell of a report: its state and, when it holds a number, the exact decimal value.</summary>
/// <remarks>
/// A whole number (as nearly every cell is) is kept as a <see cref="long"/> in the place of the decimal, so a cell
/// stays 24 bytes and the checks add and compare it as an integer.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
public readonly struct CellValue : IEquatable<CellValue>
{
    [FieldOffset(0)]
    private readonly CellState state;

    [FieldOffset(1)]
    private readonly bool isWhole;

    [FieldOffset(8)]
    private readonly decimal number;

    [FieldOffset(8)]
    private readonly long whole;

    public CellValue(CellState state, decimal number)
    {
        this.state = state;
        this.number = number;
    }

    private CellValue(long whole)
    {
        state = CellState.Number;
        isWhole = true;
        this.whole = whole;
    }

    public CellState State => state;

    /// <summary>The number was written as a whole number of at most 18 digits: <see cref="Whole"/> holds it.</summary>
    public bool IsWhole => isWhole;

    public long Whole => isWhole ? whole : 0;

    public decimal Number => isWhole ? whole : number;

    public static CellValue Of(decimal number) => new(CellState.Number, number);

    public static CellValue Of(long whole) => new(whole);

    public static readonly CellValue Blank = new(CellState.Blank, 0);

    public static readonly CellValue Text = new(CellState.Text, 0);

    public static readonly CellValue NotReported = new(CellState.NotReported, 0);

    public static readonly CellValue Invalid = new(CellState.Invalid, 0);

    public bool Equals(CellValue other) => state == other.state && Number == other.Number;

    public override bool Equals(object? obj) => obj is CellValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(state, Number);

    public static bool operator ==(CellValue left, CellValue right) => left.Equals(right);

    public static bool operator !=(CellValue left, CellValue right) => !left.Equals(right);

    public override string ToString() => state == CellState.Number ? $"{state} {Number}" : state.ToString();
}
