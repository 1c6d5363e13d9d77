using System.CommandLine;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary><c>reportlint schema</c>: print the JSON Schema of report files, generated from the compiled templates.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of report files (schema/report.schema.json), generated from rules/*.yaml.");
        command.SetAction(_ =>
        {
            Console.Out.Write(SchemaWriter.Write(TemplateRegistry.Default.All));
            return ExitCodes.Clean;
        });
        return command;
    }
}
