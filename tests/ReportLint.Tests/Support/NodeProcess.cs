using System.ComponentModel;
using System.Diagnostics;

namespace ReportLint.Tests.Support;

/// <summary>
/// Runs a script under Node with the packages of benchmarks/node (ajv, json-logic-js). Needs node and
/// `npm ci --prefix benchmarks/node` (.ci/run does both); without them the test fails saying so, never skips.
/// </summary>
public static class NodeProcess
{
    public static (int ExitCode, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        foreach (var package in new[] { "ajv", "json-logic-js" })
        {
            if (!File.Exists(Path.Combine(Paths.NodeBenchmarks, "node_modules", package, "package.json")))
            {
                throw new Xunit.Sdk.XunitException(
                    $"benchmarks/node/node_modules/{package} is missing: run `npm ci --prefix benchmarks/node` (needs node and npm; .ci/run does it).");
            }
        }
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"`node` could not be started ({e.Message}): install Node.js (apt-get install nodejs npm); .ci/run does it.");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit(120_000).ShouldBeTrue("node did not finish within two minutes");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
