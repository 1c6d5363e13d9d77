#if RULES_FRONT_END
namespace ReportLint.Rules.Model;
#else
namespace ReportLint.Validation;
#endif

/// <summary>
/// What a Chinese input method types in place of ASCII: the full-width forms ！ to ～ (U+FF01–FF5E) and the ideographic
/// space. Shared as source (netstandard2.0 and net10.0 alike), like <see cref="EditDistance"/>: the expression grammar
/// names such a character, the importer unifies labels with it, `explain` reads ＲＬ１００２ as RL1002.
/// </summary>
public static class FullWidth
{
    public static bool Is(char c) => c == '\u3000' || c is >= '\uFF01' and <= '\uFF5E';

    /// <summary>The ASCII character a full-width one stands for (the ideographic space: a space); any other unchanged.</summary>
    public static char ToAscii(char c) => c == '\u3000' ? ' ' : c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
