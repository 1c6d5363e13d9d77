using System.Globalization;

namespace ReportLint.Narrative;

/// <summary>A number as a report writes it: 85, ８５, 3,119, 79.16%, 十二, 两, 一百零五, 2789余.</summary>
public readonly record struct StatedNumber(decimal Value, bool Approximate, bool Percent);

public static class NumberReader
{
    private const string ChineseDigits = "零〇一二两三四五六七八九";

    /// <summary>The characters a number may be written with (the pattern compiler builds its regex from these).</summary>
    public const string NumberCharacterClass = "[0-9０-９.．,，零〇一二两三四五六七八九十百千万亿]";

    public static bool TryRead(string text, out decimal value)
    {
        value = 0;
        var normalized = new string(text.Where(c => c is not (',' or '，')).Select(Halfwidth).ToArray());
        if (normalized.Length == 0)
        {
            return false;
        }
        if (char.IsAsciiDigit(normalized[0]))
        {
            return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }
        return TryChinese(normalized, out value);
    }

    private static char Halfwidth(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '．' => '.',
        _ => c,
    };

    /// <summary>Chinese numerals up to 亿: 十二 = 12, 两百零五 = 205, 三万四千 = 34000.</summary>
    private static bool TryChinese(string text, out decimal value)
    {
        value = 0;
        decimal section = 0, number = 0;
        var any = false;
        foreach (var c in text)
        {
            var digit = ChineseDigits.IndexOf(c);
            if (digit >= 0)
            {
                number = digit switch { 0 or 1 => 0, 2 => 1, 3 or 4 => 2, _ => digit - 2 };
                any = true;
                continue;
            }
            var unit = c switch { '十' => 10m, '百' => 100m, '千' => 1000m, '万' => 10_000m, '亿' => 100_000_000m, _ => 0m };
            if (unit == 0)
            {
                return false;
            }
            any = true;
            if (unit >= 10_000)
            {
                value += (section + number) * unit;
                section = 0;
            }
            else
            {
                section += (number == 0 && unit == 10 ? 1 : number) * unit;
            }
            number = 0;
        }
        value += section + number;
        return any;
    }
}
