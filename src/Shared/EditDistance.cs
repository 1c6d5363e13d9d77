using System;
using System.Collections.Generic;

#if RULES_FRONT_END
namespace ReportLint.Rules.Model;
#else
namespace ReportLint.Validation;
#endif

/// <summary>
/// Levenshtein distance, for "did you mean …?" suggestions: rule-file keys in the generator, options and rule ids in
/// the CLI. Shared as source (netstandard2.0 and net10.0 alike), like <see cref="ColumnUnits"/>.
/// </summary>
public static class EditDistance
{
    /// <summary>
    /// The candidate nearest to <paramref name="typed"/> within <paramref name="within"/> edits, the first in the given
    /// order on a tie; null when none is that near.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates, int within)
    {
        string? best = null;
        var bestDistance = 0;
        foreach (var candidate in candidates)
        {
            var distance = Between(typed, candidate);
            if (distance <= within && (best is null || distance < bestDistance))
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best;
    }

    /// <summary>Edits from one to the other: a character inserted, deleted, changed, or two neighbours swapped.</summary>
    public static int Between(string a, string b)
    {
        // Three rows of the table, not the whole of it: a name of 100,000 characters in a rule file made a 12 MB table
        // for each id it was compared with, and the build took seconds longer.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    // Two characters swapped (RL1030 for RL1003, chekc for check) is one slip, not two.
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
