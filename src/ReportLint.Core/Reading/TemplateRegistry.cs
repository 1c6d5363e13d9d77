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
}
