using System.CommandLine;
using System.Text;
using ReportLint.Cli;

Console.OutputEncoding = Encoding.UTF8;
try
{
    var root = LintCommand.Create();
    root.Add(SchemaCommand.Create());
    root.Add(RulesCommand.Create());
    root.Add(ExplainCommand.Create());
    root.Add(ImportCommand.Create());
    root.Add(ExportCommand.Create());
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        var english = UsageErrors.AskForEnglish(args);
        foreach (var error in parse.Errors)
        {
            Stderr.Line($"reportlint: {(english ? error.Message : UsageErrors.InChinese(error.Message))}");
        }
        Stderr.Line(english ? "See 'reportlint --help'." : "用法见 reportlint --help。");
        return ExitCodes.InputError;
    }
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // Output that cannot be written — a folder that does not exist, no permission, a full disk, a closed pipe — is a
    // problem of the machine, said as such, not an internal error.
    try
    {
        Stderr.Line($"reportlint: 无法写入输出（目录不存在、不是文件、没有写入权限、磁盘已满或输出管道已关闭）。技术信息：{e.Message} / cannot write the output (no such folder, not a file, no permission, disk full or pipe closed): {e.Message}");
    }
    catch (IOException)
    {
        // Standard error is gone too: the exit code is all that can still be said.
    }
    return ExitCodes.InputError;
}
catch (Exception e)
{
    Stderr.Line("reportlint 内部错误，请报告此问题 / internal error, please report it:");
    Stderr.Line(e.ToString());
    return ExitCodes.InternalError;
}
