#if RULES_FRONT_END
namespace ReportLint.Rules.Model;
#else
namespace ReportLint.Validation;
#endif

// The units a template column may state (`unit:` in the rule YAML), shared by the rule front end and the reader.
public static class ColumnUnits
{
    /// <summary>The format does not state the unit (2019 采购总金额): each report says which unit it used.</summary>
    public const string AsReported = "as-reported";

    /// <summary>Units a report may declare for an <see cref="AsReported"/> money column.</summary>
    public static readonly string[] Money = { "元", "万元" };

    /// <summary>Everything <c>unit:</c> may hold.</summary>
    public static readonly string[] Known = { "元", "万元", "件", AsReported };
}
