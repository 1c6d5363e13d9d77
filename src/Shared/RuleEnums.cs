// The enums a rule means the same thing by at build time (front end, generator) and at run time (validators).
// One source file, compiled into Rules.FrontEnd (in its model namespace) and ReportLint.Core, so the two can never
// disagree; the generator emits these names into the validators it writes.
#if RULES_FRONT_END
namespace ReportLint.Rules.Model;
#else
namespace ReportLint.Validation;
#endif

public enum CellType
{
    /// <summary>A count of items (件、决定数): a whole number, never negative.</summary>
    Count,

    /// <summary>An amount of money; decimals allowed, never negative. The unit is the column's.</summary>
    Money,

    /// <summary>A change (本年增/减): a whole number that may be negative.</summary>
    Signed,
}

public enum Severity
{
    Info,
    Warning,
    Error,
}

public enum RuleScope
{
    /// <summary>Once per report.</summary>
    Report,

    /// <summary>Once per column of the rule's table.</summary>
    Column,

    /// <summary>Once per row of the rule's table.</summary>
    Row,

    /// <summary>Once per cell (of the given types) of every table, or of the rule's table.</summary>
    Cell,
}

public enum PlaceholderKind
{
    Literal,
    Lhs,
    Rhs,
    Difference,
    Column,
    Row,
    Cell,
    Value,
    Operand,

    /// <summary>The sentence of the narrative a rule read (quoted in the finding).</summary>
    Sentence,

    /// <summary>The phrases of the rule's narrative patterns that the text does not have (what a mentions() check missed).</summary>
    Missing,
}
