using System.CommandLine;
using ReportLint.Findings;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary><c>reportlint explain RL1001</c>: what the rule checks, why it matters, its expression and examples (like `ruff rule`).</summary>
public static class ExplainCommand
{
    private static readonly Argument<string> RuleId = new("rule") { Description = "A rule id such as RL1001." };

    public static Command Create()
    {
        var command = new Command("explain", "Explain one rule: what it checks, why, the expression, a passing and a failing example. 解释一条规则。") { RuleId, LintCommand.Lang };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(RuleId)!.Trim().ToUpperInvariant();
            var rule = RuleCatalog.All(TemplateRegistry.Default).FirstOrDefault(r => r.Id == id);
            if (rule is null)
            {
                Console.Error.WriteLine($"reportlint: 没有规则 {id}；用 reportlint rules 查看全部规则。/ no rule {id}; see 'reportlint rules'.");
                return ExitCodes.InputError;
            }
            Console.Out.Write(RuleReference.Explain(rule, LintCommand.LanguageOf(parse)));
            return ExitCodes.Clean;
        });
        return command;
    }
}
