using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportLint.Importing;

// What a cell's text is — a number, a number with a unit or a note, a placeholder, or a label — for the table reader
// (which runs of text are values) and the importer (which lines belong to a table).
public sealed partial class TableReader
{
    public enum ValueKind
    {
        NotAValue,
        Blank,
        Number,
        NumberWithUnit,
        Placeholder,
        /// <summary>A number with a note: 约57677, 815*, 54（含转办3件）.</summary>
        Annotated,
        /// <summary>Digits with a letter typed or recognised for 0 or 1: 17O, l80.</summary>
        MisreadDigits,
        /// <summary>Digits with commas not in thousands: 15,02, 4,3 (a typo, or a decimal comma).</summary>
        BadlyGrouped,
    }

    public readonly record struct ParsedValue(ValueKind Kind, decimal Number, string? Unit);

    public static bool IsValue(string text) => Parse(text).Kind != ValueKind.NotAValue;

    /// <summary>What a cell's text is: a number (full-width digits and 1,234 allowed), a number with a unit, “-”/“无”, or a label.</summary>
    public static ParsedValue Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new(ValueKind.Blank, 0, null);
        }
        var ascii = LabelText.Normalize(trimmed).Replace("，", ",", StringComparison.Ordinal);
        var match = NumberPattern().Match(ascii);
        if (!match.Success)
        {
            return PlaceholderPattern().IsMatch(ascii) ? new(ValueKind.Placeholder, 0, null)
                : AnnotatedPattern().IsMatch(ascii) ? new(ValueKind.Annotated, 0, null)
                : MisreadDigitsPattern().IsMatch(ascii) ? new(ValueKind.MisreadDigits, 0, null)
                : BadlyGroupedPattern().IsMatch(ascii) ? new(ValueKind.BadlyGrouped, 0, null)
                : new(ValueKind.NotAValue, 0, null);
        }
        var number = match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new(ValueKind.NotAValue, 0, null);
        }
        var unit = match.Groups["unit"].Value;
        return unit.Length == 0 ? new(ValueKind.Number, value, null) : new(ValueKind.NumberWithUnit, value, unit);
    }

    [GeneratedRegex(@"^(?<number>[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)(?<unit>万元|元|件|条|个|项|次|人|%)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(-|—|–|－|——|/|\\|无|空|暂无|—-|\*)$")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A number with a word of approximation before it, or a footnote mark, 余/多/左右 or a note in brackets after it.</summary>
    [GeneratedRegex(@"^((约|大约|近|逾|超过|≈|~)[+-]?\d[\d,]*(\.\d+)?(余|多|左右)?|[+-]?\d[\d,]*(\.\d+)?(余|多|左右|\*+|※|（[^（）]{1,30}）))$")]
    private static partial Regex AnnotatedPattern();

    /// <summary>Digits and commas that are not thousands (1,234 is): 15,02, 4,3, 1,2345.</summary>
    [GeneratedRegex(@"^[+-]?\d+(,\d+)+$")]
    private static partial Regex BadlyGroupedPattern();

    /// <summary>Digits with the letter O or l (or I) typed or recognised for 0 or 1: 17O, l80.</summary>
    [GeneratedRegex(@"^(?=.*\d)(?=.*[OolI])[\dOolI]{2,12}$")]
    private static partial Regex MisreadDigitsPattern();
}
