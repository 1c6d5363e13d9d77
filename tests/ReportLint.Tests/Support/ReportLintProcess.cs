using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReportLint.Tests.Support;

/// <summary>Runs the built reportlint as a process, the way CI and people run it.</summary>
public static class ReportLintProcess
{
    public static (int ExitCode, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        RunWithInput(workingDirectory, null, args);

    public static (int ExitCode, string Out, string Err) RunWithInput(string workingDirectory, byte[]? stdin, params string[] args) =>
        RunWithEnvironment(workingDirectory, stdin, new Dictionary<string, string>(), args);

    public static (int ExitCode, string Out, string Err) RunWithEnvironment(string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAssembly(Path.Combine(AppContext.BaseDirectory, "reportlint.dll"), workingDirectory, stdin, environment, args);

    /// <summary>Runs a given reportlint.dll (for example a published one).</summary>
    public static (int ExitCode, string Out, string Err) RunAssembly(string assembly, string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start("dotnet", [assembly], workingDirectory, stdin, environment, args);

    /// <summary>
    /// Runs the built reportlint subject to file permissions, as a user who is not root is. As root (CI containers) it
    /// runs through setpriv (util-linux) without the two capabilities that let root read any file or folder.
    /// </summary>
    public static (int ExitCode, string Out, string Err) RunWithoutPrivileges(string workingDirectory, params string[] args)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "reportlint.dll");
        return Environment.IsPrivilegedProcess
            ? Start("setpriv", ["--bounding-set=-dac_override,-dac_read_search", "--", "dotnet", assembly], workingDirectory, null, new Dictionary<string, string>(), args)
            : Start("dotnet", [assembly], workingDirectory, null, new Dictionary<string, string>(), args);
    }

    private static (int ExitCode, string Out, string Err) Start(string program, string[] leading, string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var arg in leading.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                process.StandardInput.BaseStream.Write(stdin);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // reportlint stopped reading (it reads standard input only up to the 16 MB limit) and closed the pipe.
        }
        process.WaitForExit(120_000).ShouldBeTrue("reportlint did not finish within two minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string WithoutTime(string text) => Regex.Replace(text, @"[（(]\d+\.\d+ (秒|s)[）)]", "(time)");

    /// <summary>A scratch folder with the example reports (and optionally more fixtures) under reports/.</summary>
    public static string Workspace(params string[] extraFixtures)
    {
        var directory = Scratch.Directory("e2e");
        Directory.CreateDirectory(Path.Combine(directory, "reports"));
        foreach (var file in Directory.GetFiles(Paths.Examples, "*.json").Concat(extraFixtures.Select(f => Path.Combine(Paths.Fixtures, "expected", f))))
        {
            File.Copy(file, Path.Combine(directory, "reports", Path.GetFileName(file)));
        }
        return directory;
    }
}
