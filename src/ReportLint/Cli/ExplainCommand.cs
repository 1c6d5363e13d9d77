using System.CommandLine;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Validation;

namespace ReportLint.Cli;

/// <summary><c>reportlint explain RL1001</c>: what the rule checks, why it matters, its expression and examples (like `ruff rule`).</summary>
public static class ExplainCommand
{
    private static readonly Argument<string> RuleId = new("rule") { Description = "A rule id such as RL1001." };

    /// <summary>The code ReportLint.MSBuild's targets give the build's closing error (build/ReportLint.MSBuild.targets).</summary>
    private const string BuildFailed = "RL0000";

    private const string BuildFailedZh = """
        RL0000 不是一条检查规则，而是 `dotnet build`（ReportLint.MSBuild）的总结性错误：
        - “报告文件有问题（见上方），构建失败”：上方列出的报告问题中有达到 fail-on 级别的（错误；若设置了
          fail-on: warning 或 ReportLintTreatWarningsAsErrors，警告也算）。逐条改正上方的问题即可，各条规则用
          reportlint explain <规则编号> 查看。
        - “reportlint 无法检查报告文件（退出码 2 或 3）”：有文件无法读取、JSON 格式有误、配置或基线文件有误；
          原因见上方带位置的错误。
        说明见 docs/msbuild.md。

        """;

    private const string BuildFailedEn = """
        RL0000 is not a rule but the closing error of `dotnet build` (ReportLint.MSBuild):
        - "the report files have findings at or above fail-on": some finding listed above is an error (or a warning,
          with fail-on: warning or ReportLintTreatWarningsAsErrors). Fix those; see reportlint explain <rule id>.
        - "reportlint could not check the report files (exit code 2 or 3)": a file could not be read or is malformed,
          or the configuration or baseline is wrong; the located errors above say which.
        See docs/msbuild.md.

        """;

    /// <summary>RL1002 from "rl1002", "ＲＬ１００２" (a Chinese input method) or "1002".</summary>
    private static string Normalise(string written)
    {
        var ascii = new string(written.Select(FullWidth.ToAscii).ToArray()).ToUpperInvariant();
        return ascii.Length == 4 && ascii.All(char.IsAsciiDigit) ? "RL" + ascii : ascii;
    }

    public static Command Create()
    {
        var command = new Command("explain", "Explain one rule: what it checks, why, the expression, a passing and a failing example. 解释一条规则。") { RuleId, LintCommand.Lang };
        command.SetAction(parse =>
        {
            var written = parse.GetValue(RuleId)!.Trim();
            var id = Normalise(written);
            var rules = RuleCatalog.All(TemplateRegistry.Default);
            // The id (any case, full-width, without "RL"), or the rule's name as `rules` and the findings show it.
            var rule = rules.FirstOrDefault(r => r.Id == id) ?? rules.FirstOrDefault(r => string.Equals(r.Name, written, StringComparison.OrdinalIgnoreCase));
            if (rule is null && id == BuildFailed)
            {
                // Not a rule: the closing error of the ReportLint.MSBuild targets. People who meet it in a build look it up here.
                Console.Out.Write(LintCommand.LanguageOf(parse) == Language.English ? BuildFailedEn : BuildFailedZh);
                return ExitCodes.Clean;
            }
            if (rule is null)
            {
                var meant = EditDistance.Nearest(id, rules.Select(r => r.Id), 1) ?? EditDistance.Nearest(written.ToLowerInvariant(), rules.Select(r => r.Name), 3);
                // Shown, not acted on: an argument with ESC sequences recoloured or cleared the terminal.
                var quoted = Quoted.Brief(written);
                var shown = written.Length == 0 ? "（空）" : quoted;
                Stderr.Line(meant is null
                    ? $"reportlint: 没有规则“{shown}”；用 reportlint rules 查看全部规则。/ no rule '{quoted}'; see 'reportlint rules'."
                    : $"reportlint: 没有规则“{shown}”，是否应为 {meant}？/ no rule '{quoted}'; did you mean {meant}?");
                return ExitCodes.InputError;
            }
            Console.Out.Write(RuleReference.Explain(rule, LintCommand.LanguageOf(parse)));
            return ExitCodes.Clean;
        });
        return command;
    }
}
