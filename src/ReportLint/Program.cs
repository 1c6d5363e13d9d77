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
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"reportlint: {error.Message}");
        }
        Console.Error.WriteLine("用法见 reportlint --help / see 'reportlint --help'.");
        return ExitCodes.InputError;
    }
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine("reportlint 内部错误，请报告此问题 / internal error, please report it:");
    Console.Error.WriteLine(e);
    return ExitCodes.InternalError;
}
