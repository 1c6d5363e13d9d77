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
        if (template is null && year is { } y && templates.ForYear(y) is null)
        {
            return english
                ? $"{command}: --year {y}: no template covers that report year ({templates.Coverage(language)}). Check the year, or name the template with --template."
                : $"{command}: --year {y}：没有适用于 {y} 年度的模板（{templates.Coverage(language)}）。请核对年度，或用 --template 指定模板。";
        }
        return null;
    }
}
