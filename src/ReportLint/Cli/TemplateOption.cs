using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary>
/// <c>--template</c> and <c>--year</c> as given on the command line, checked once before any file: a name that is no
/// template, or a year no template covers, is a usage error — not the same finding against every file, nor a report
/// imported under a template picked by guesswork.
/// </summary>
internal static class TemplateOption
{
    /// <summary>The template names for an option's help: "2019 or 2021", from the rule files compiled in (a loop: this runs at every start).</summary>
    public static string Names()
    {
        var all = TemplateRegistry.Default.All;
        var names = new System.Text.StringBuilder();
        for (var i = 0; i < all.Count; i++)
        {
            names.Append(i == 0 ? "" : i == all.Count - 1 ? " or " : ", ").Append(all[i].Name);
        }
        return names.ToString();
    }

    /// <summary>The usage error for these values, or null when they can be used.</summary>
    public static string? Problem(string command, string? template, int? year, Language language, TemplateRegistry templates)
    {
        var english = language == Language.English;
        if (template is not null && templates.Find(template) is null)
        {
            // People often give the report year here (--template 2020): say which template that year takes.
            var forYear = int.TryParse(template, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asYear)
                ? templates.ForYear(asYear) : null;
            return english
                ? $"{command}: --template {template}: there is no such template; templates: {templates.Coverage(language)}.{(forYear is null ? "" : $" A {asYear} report uses template {forYear.Name}.")}"
                : $"{command}: --template {template}：没有这个模板。可用的模板：{templates.Coverage(language)}。{(forYear is null ? "" : $"{asYear} 年度的报告适用模板 {forYear.Name}。")}";
        }
        if (year is { } bad && !Report.IsPlausibleYear(bad))
        {
            return english
                ? $"{command}: --year {bad}: not a report year (from {Report.FirstYear} to {Report.LastYear}, such as 2024)."
                : $"{command}: --year {bad}：不是有效的报告年度（应在 {Report.FirstYear} 到 {Report.LastYear} 之间，如 2024）。";
        }
        if (template is not null && year is { } given && templates.Find(template) is { } named && !named.Covers(given))
        {
            // Imported under it anyway, the report was then checked with RL0109 "template does not fit the year".
            var fitting = templates.ForYear(given);
            return english
                ? $"{command}: --template {template} is for report years {TemplateRegistry.Years(named)}, and --year {given} is not one of them.{(fitting is null ? "" : $" A {given} report uses template {fitting.Name}.")}"
                : $"{command}: --template {template} 适用于 {TemplateRegistry.Years(named)} 年度，--year {given} 不在其中。{(fitting is null ? "" : $"{given} 年度的报告适用模板 {fitting.Name}。")}";
        }
        if (template is null && year is { } y && templates.ForYear(y) is null)
        {
            return english
                ? $"{command}: --year {y}: no template covers that report year ({templates.Coverage(language)}). Check the year, or name the template with --template."
                : $"{command}: --year {y}：没有适用于 {y} 年度的模板（{templates.Coverage(language)}）。请核对年度，或用 --template 指定模板。";
        }
        return null;
    }
}
