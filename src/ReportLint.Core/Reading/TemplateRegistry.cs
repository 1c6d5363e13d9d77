using ReportLint.Validation;

namespace ReportLint.Reading;

/// <summary>The templates a run knows, found by declared name or by report year.</summary>
public sealed class TemplateRegistry(IReadOnlyList<TemplateDefinition> templates)
{
    public static TemplateRegistry Default { get; } = new(ReportLint.Templates.TemplateCatalog.All);

    public IReadOnlyList<TemplateDefinition> All { get; } = templates;

    public TemplateDefinition? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>The template for a report year; when ranges overlap (a later revision), the one that starts latest.</summary>
    public TemplateDefinition? ForYear(int year) =>
        All.Where(t => t.Covers(year)).OrderByDescending(t => t.FirstYear).FirstOrDefault();

    /// <summary>The report years a template is for: 2019–2020, or 2021– when it has no last year.</summary>
    public static string Years(TemplateDefinition template) =>
        $"{template.FirstYear}–{(template.LastYear == 9999 ? "" : template.LastYear.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    /// <summary>Every template with its years, for a message: 2019（2019–2020 年度）、2021（2021– 年度）.</summary>
    public string Coverage(Language language) => language == Language.English
        ? string.Join(", ", All.Select(t => $"{t.Name} (report years {Years(t)})"))
        : string.Join("、", All.Select(t => $"{t.Name}（{Years(t)} 年度）"));
}
