using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary><c>reportlint rules</c>: every rule with id, templates, severity and title; <c>--format json|markdown</c> for machines and docs.</summary>
public static class RulesCommand
{
    private static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "text (default), json, or markdown (the rule reference in docs/rule-reference.md).",
        DefaultValueFactory = _ => "text",
    };

    static RulesCommand() => Format.AcceptOnlyFromAmong("text", "json", "markdown");

    public static Command Create()
    {
        var command = new Command("rules", "List every rule: id, template, severity, title. 列出全部规则。") { Format, LintCommand.Lang };
        command.SetAction(parse =>
        {
            var rules = RuleCatalog.All(TemplateRegistry.Default);
            var english = LintCommand.LanguageOf(parse) == Language.English;
            switch (parse.GetValue(Format))
            {
                case "json":
                    Console.Out.WriteLine(Json(rules));
                    break;
                case "markdown":
                    Console.Out.Write(RuleReference.Markdown(rules));
                    break;
                default:
                    // The templates column as wide as its longest entry: a third template ("2019,2021,2027") pushed the
                    // severity and title of those rules out of line.
                    static string Templates(RuleDescription rule) => rule.Templates.Count == 0 ? "(all)" : string.Join(",", rule.Templates);
                    var width = rules.Max(r => Templates(r).Length);
                    foreach (var rule in rules)
                    {
                        Console.Out.WriteLine($"{rule.Id}  {Templates(rule).PadRight(width)} {rule.Severity.ToString().ToLowerInvariant(),-8} {(english ? rule.TitleEn : rule.Title)}");
                    }
                    break;
            }
            return ExitCodes.Clean;
        });
        return command;
    }

    private static string Json(IReadOnlyList<RuleDescription> rules) =>
        JsonSerializer.Serialize(rules.Select(r => new
        {
            id = r.Id,
            name = r.Name,
            templates = r.Templates,
            severity = r.Severity.ToString().ToLowerInvariant(),
            basis = r.Basis,
            title = r.Title,
            titleEn = r.TitleEn,
            check = r.Check,
            helpUri = r.HelpUri,
        }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
