using ReportLint.Findings;
using ReportLint.Validation;

namespace ReportLint.Formatting;

/// <summary>
/// For people: findings grouped by file, each with its cell and the arithmetic, then a summary line — "共检查 N 个文件"
/// for a check, "共导入 N 个文件" when <paramref name="importing"/> (the diagnostics of <c>reportlint import</c>).
/// </summary>
public sealed class TextFormatter(Language language, bool colour, bool showTime = true, bool importing = false) : IFindingFormatter
{
    private bool En => language == Language.English;

    public void WriteFile(TextWriter output, FileResult file)
    {
        if (file.Findings.Count == 0)
        {
            return;
        }
        // Everything printed that a file or its name supplies goes through Quoted.Visible: this output is for terminals.
        output.WriteLine(Paint(Quoted.Visible(file.Path), "1"));
        foreach (var finding in file.Findings)
        {
            var severity = finding.Severity switch
            {
                Severity.Error => Paint(En ? "error" : "错误", "31"),
                Severity.Warning => Paint(En ? "warning" : "警告", "33"),
                _ => Paint(En ? "info" : "提示", "36"),
            };
            output.WriteLine($"  {finding.Line}:{finding.Column}  {severity}  {finding.RuleId}  {Quoted.Visible(finding.MessageIn(language))}");
            if (finding.CellKey is not null && (En ? finding.CellLabelEn : finding.CellLabel) is { } label)
            {
                output.WriteLine($"      {(En ? "cell" : "单元格")}: {label} ({finding.CellKey})");
            }
            if (finding.Arithmetic is { } arithmetic)
            {
                WriteSide(output, En ? "left " : "左边", arithmetic.Lhs);
                WriteSide(output, En ? "right" : "右边", arithmetic.Rhs);
                output.WriteLine($"      {(En ? "difference" : "相差")}: {FindingFactory.Format(arithmetic.Difference ?? 0)}");
            }
        }
        output.WriteLine();
    }

    public void End(TextWriter output, RunSummary summary)
    {
        if (summary.SkippedSentence(En ? Language.English : Language.Chinese) is { } skipped)
        {
            output.WriteLine(skipped);
        }
        var time = showTime ? (En ? $" ({summary.Elapsed.TotalSeconds:0.00} s)" : $"（{summary.Elapsed.TotalSeconds:0.00} 秒）") : "";
        var counts = En
            ? $"{summary.Errors} error(s), {summary.Warnings} warning(s), {summary.Infos} info.{time}"
            : $"{summary.Errors} 个错误，{summary.Warnings} 个警告，{summary.Infos} 个提示。{time}";
        if (importing && summary.Imported is { } imported && imported != summary.Files)
        {
            // Not "imported 1 file" for a file that was not there or could not be read.
            output.WriteLine(En
                ? $"{summary.Files} file(s), {imported} imported: {counts}"
                : $"共 {summary.Files} 个文件，导入了 {imported} 个：{counts}");
            return;
        }
        output.WriteLine(En
            ? $"{(importing ? "Imported" : "Checked")} {summary.Files} file(s): {counts}"
            : $"共{(importing ? "导入" : "检查")} {summary.Files} 个文件：{counts}");
    }

    private void WriteSide(TextWriter output, string name, Side? side)
    {
        if (side is null)
        {
            return;
        }
        var terms = side.Terms.Select((t, i) =>
            (i == 0 ? (t.Sign < 0 ? "-" : "") : (t.Sign < 0 ? " - " : " + ")) + $"{(En ? t.LabelEn : t.Label)} {(En ? t.ValueEn : t.Value)}");
        output.WriteLine($"      {name}: {string.Concat(terms)} = {FindingFactory.Format(side.Total)}");
    }

    private string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
