using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ReportLint.Rules.Model;

namespace ReportLint.Rules.Binding;

/// <summary>What an id in a rule file may look like. Ids end up in generated code, so they are checked, never trusted.</summary>
internal static class Names
{
    private static readonly Regex CellId = new("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex RuleId = new("^RL[1-9][0-9]{3}$", RegexOptions.CultureInvariant);
    private static readonly Regex TemplateName = new("^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$", RegexOptions.CultureInvariant);

    public static readonly HashSet<string> Reserved = new() { "and", "or", "not", "value" };

    public static bool IsCellId(string id) => CellId.IsMatch(id) && !Reserved.Contains(id);

    public static bool IsRuleId(string id) => RuleId.IsMatch(id);

    public static bool IsTemplateName(string name) => TemplateName.IsMatch(name);

    public static string ClassNameFor(string template) => "Template" + template.Replace('-', '_');

    /// <summary>
    /// The id most likely meant, when one is close (a typo, or one contains the other), then every id there is: the
    /// list was cut at 12 before, and 表三 has 29 rows and groups. English gives the suggestion alone.
    /// </summary>
    public static (string Zh, string En) Suggestions(IEnumerable<string> ids, string typed)
    {
        var list = ids.ToList();
        // A name of over 256 characters is near no id (ids have at most 64); one of 100,000 took 0.5 s of distances per
        // mention, seconds per build (fuzzing).
        var nearest = list.Count == 0 || typed.Length > 256 ? null
            : list.OrderBy(id => EditDistance.Between(typed, id)).ThenBy(id => id, System.StringComparer.Ordinal).First();
        var close = nearest is not null
            && ((EditDistance.Between(typed, nearest) is var distance && distance <= System.Math.Max(1, typed.Length / 3)
                    && distance < System.Math.Max(typed.Length, nearest.Length))
                || (System.Math.Min(typed.Length, nearest.Length) >= 3 && (nearest.Contains(typed) || typed.Contains(nearest))));
        return ((close ? $"是否应为“{nearest}”？" : "") + "可用：" + string.Join("、", list),
            close ? $"; did you mean '{nearest}'?" : "");
    }
}
