using System.Collections.Generic;
using System.Text.RegularExpressions;

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
}
