using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReportLint.Validation;

/// <summary>Three-valued truth: a check on a blank or non-numeric cell is <see cref="Unknown"/>, not failed.</summary>
public enum Tri : byte
{
    False,
    True,
    Unknown,
}

/// <summary>
/// A number, or unknown when it depends on a cell without a number (that cell is reported by its own rule). Whole
/// numbers (every count in a report) are carried as integers and added and compared as such; anything else, or a whole
/// result that would not fit, as an exact decimal. Either way <see cref="Value"/> is the exact value.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public readonly struct Num
{
    private const byte UnknownKind = 0, WholeKind = 1, DecimalKind = 2;

    [FieldOffset(0)]
    private readonly byte kind;

    // One or the other, by kind.
    [FieldOffset(8)]
    private readonly long whole;

    [FieldOffset(8)]
    private readonly decimal number;

    private Num(long whole)
    {
        this.whole = whole;
        kind = WholeKind;
    }

    private Num(decimal number)
    {
        this.number = number;
        kind = DecimalKind;
    }

    public static readonly Num Unknown = default;

    public bool Known => kind != UnknownKind;

    /// <summary>Held as an integer (then <see cref="WholeValue"/> is the value).</summary>
    public bool IsWholeNumber => kind == WholeKind;

    public long WholeValue => kind == WholeKind ? whole : 0;

    public decimal Value => kind == WholeKind ? whole : number;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Num Of(decimal value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Num Whole(long value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Num Of(in CellValue cell) =>
        cell.State != CellState.Number ? default : cell.IsWhole ? new Num(cell.Whole) : new Num(cell.Number);
}

/// <summary>The operations generated validators are made of. Exact arithmetic (integers, else decimal); unknown propagates.</summary>
public static class Eval
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Num Add(Num a, Num b)
    {
        if (a.IsWholeNumber && b.IsWholeNumber)
        {
            var sum = a.WholeValue + b.WholeValue;
            // Overflow only when both have the same sign and the sum's sign differs; then decimal takes over.
            if (((a.WholeValue ^ sum) & (b.WholeValue ^ sum)) >= 0)
            {
                return Num.Whole(sum);
            }
        }
        return a.Known && b.Known ? Exact(a.Value, b.Value, '+') : Num.Unknown;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Num Subtract(Num a, Num b)
    {
        if (a.IsWholeNumber && b.IsWholeNumber)
        {
            var difference = a.WholeValue - b.WholeValue;
            if (((a.WholeValue ^ b.WholeValue) & (a.WholeValue ^ difference)) >= 0)
            {
                return Num.Whole(difference);
            }
        }
        return a.Known && b.Known ? Exact(a.Value, b.Value, '-') : Num.Unknown;
    }

    public static Num Multiply(Num a, Num b) => a.Known && b.Known ? Exact(a.Value, b.Value, '*') : Num.Unknown;

    public static Num Divide(Num a, Num b) => a.Known && b.Known && b.Value != 0 ? Exact(a.Value, b.Value, '/') : Num.Unknown;

    /// <summary>
    /// Decimal arithmetic; a result beyond decimal's range is unknown, not a crash. Cells are below 10^18 (the reader
    /// refuses more), so only a rule that multiplies or divides cells by each other can get there.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Num Exact(decimal a, decimal b, char op)
    {
        try
        {
            return Num.Of(op switch { '+' => a + b, '-' => a - b, '*' => a * b, _ => a / b });
        }
        catch (OverflowException)
        {
            return Num.Unknown;
        }
    }

    public static Num Negate(Num a) => a.Known ? Num.Of(-a.Value) : Num.Unknown;

    public static Num Abs(Num a) => a.Known ? Num.Of(Math.Abs(a.Value)) : Num.Unknown;

    public static Num Round(Num a, int digits) => a.Known ? Num.Of(Math.Round(a.Value, digits, MidpointRounding.AwayFromZero)) : Num.Unknown;

    public static Num Min(Num a, Num b) => a.Known && b.Known ? Num.Of(Math.Min(a.Value, b.Value)) : Num.Unknown;

    public static Num Max(Num a, Num b) => a.Known && b.Known ? Num.Of(Math.Max(a.Value, b.Value)) : Num.Unknown;

    /// <summary>A group's value: its own row when the report gives the group as one row, else the sum of its rows.</summary>
    public static Num Group(ReadOnlySpan<CellValue> cells, int groupCell, int[] rows)
    {
        var total = cells[groupCell];
        if (total.State == CellState.Number)
        {
            return Num.Of(total);
        }
        if (total.State is CellState.Blank or CellState.Text or CellState.Invalid)
        {
            return Num.Unknown;
        }
        var sum = Num.Whole(0);
        foreach (var row in rows)
        {
            var cell = cells[row];
            if (cell.State != CellState.Number)
            {
                return Num.Unknown;
            }
            sum = Add(sum, Num.Of(cell));
        }
        return sum;
    }

    // Exact comparisons, for rules without a tolerance. Written out one by one: the table rules run them hundreds of
    // times per report, and a shared ordering helper (int or nullable result) measured 20 % slower.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Equal(Num a, Num b) =>
        a.IsWholeNumber && b.IsWholeNumber ? (a.WholeValue == b.WholeValue ? Tri.True : Tri.False)
        : a.Known && b.Known ? (a.Value == b.Value ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri NotEqual(Num a, Num b) => Not(Equal(a, b));

    public static Tri Less(Num a, Num b) =>
        a.IsWholeNumber && b.IsWholeNumber ? (a.WholeValue < b.WholeValue ? Tri.True : Tri.False)
        : a.Known && b.Known ? (a.Value < b.Value ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri LessOrEqual(Num a, Num b) =>
        a.IsWholeNumber && b.IsWholeNumber ? (a.WholeValue <= b.WholeValue ? Tri.True : Tri.False)
        : a.Known && b.Known ? (a.Value <= b.Value ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri Greater(Num a, Num b) =>
        a.IsWholeNumber && b.IsWholeNumber ? (a.WholeValue > b.WholeValue ? Tri.True : Tri.False)
        : a.Known && b.Known ? (a.Value > b.Value ? Tri.True : Tri.False) : Tri.Unknown;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri GreaterOrEqual(Num a, Num b) =>
        a.IsWholeNumber && b.IsWholeNumber ? (a.WholeValue >= b.WholeValue ? Tri.True : Tri.False)
        : a.Known && b.Known ? (a.Value >= b.Value ? Tri.True : Tri.False) : Tri.Unknown;

    // Comparisons within a tolerance.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Equal(Num a, Num b, decimal tolerance) =>
        !a.Known || !b.Known ? Tri.Unknown
        : Subtract(a, b) is { Known: true } difference && Math.Abs(difference.Value) <= tolerance ? Tri.True : Tri.False; // a difference beyond decimal's range is no match

    public static Tri NotEqual(Num a, Num b, decimal tolerance) => Not(Equal(a, b, tolerance));

    public static Tri Less(Num a, Num b, decimal tolerance) => a.Known && b.Known ? (a.Value < b.Value - tolerance ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri LessOrEqual(Num a, Num b, decimal tolerance) => a.Known && b.Known ? (a.Value <= b.Value + tolerance ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri Greater(Num a, Num b, decimal tolerance) => a.Known && b.Known ? (a.Value > b.Value + tolerance ? Tri.True : Tri.False) : Tri.Unknown;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri GreaterOrEqual(Num a, Num b, decimal tolerance) => a.Known && b.Known ? (a.Value >= b.Value - tolerance ? Tri.True : Tri.False) : Tri.Unknown;

    public static Tri Not(Tri a) => a switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    public static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    public static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri IsBlank(in CellValue cell) => cell.State == CellState.Blank ? Tri.True : Tri.False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri IsText(in CellValue cell) => cell.State == CellState.Text ? Tri.True : Tri.False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri IsWhole(Num a) => a.IsWholeNumber ? Tri.True : a.Known ? (decimal.IsInteger(a.Value) ? Tri.True : Tri.False) : Tri.Unknown;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFalse(Tri value) => value == Tri.False;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTrue(Tri value) => value == Tri.True;
}
