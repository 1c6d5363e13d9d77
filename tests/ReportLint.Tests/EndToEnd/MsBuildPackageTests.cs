using System.Diagnostics;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>Packs ReportLint.MSBuild into a local feed once for the tests that consume it.</summary>
public sealed class PackedPackage
{
    public PackedPackage()
    {
        Root = Scratch.Directory("msbuild");
        Feed = Path.Combine(Root, "feed");
        var (exit, output) = MsBuildPackageTests.Dotnet(Paths.RepoRoot, "pack", "src/ReportLint.MSBuild", "-o", Feed, "--nologo");
        exit.ShouldBe(0, output);
    }

    public string Root { get; }

    public string Feed { get; }
}

/// <summary>What a new user does: reference the package from a feed, put reports in, run a real `dotnet build`.</summary>
[Collection(RepositoryBuilds.Name)]
public class MsBuildPackageTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string Faulty = "\"pending\": 5, \"total\": 9";
    private const string Correct = "\"pending\": 5, \"total\": 7";
    private const string Checking = "reportlint: 检查";

    internal static (int Exit, string Output) Dotnet(string directory, params string[] args) => Dotnet(directory, new Dictionary<string, string>(), args);

    internal static (int Exit, string Output) Dotnet(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(600_000).ShouldBeTrue("dotnet " + string.Join(' ', args) + " did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private string Consumer(string targetFrameworks)
    {
        var directory = Path.Combine(package.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(directory, "reports"));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="reportlint-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        var property = targetFrameworks.Contains(';') ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(Path.Combine(directory, "Submissions.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{property}>{targetFrameworks}</{property}>
                <RestorePackagesPath>{Path.Combine(package.Root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ReportLint.MSBuild" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (var example in Directory.GetFiles(Paths.Examples, "*.json"))
        {
            File.Copy(example, Path.Combine(directory, "reports", Path.GetFileName(example)));
        }
        return directory;
    }

    private static void Edit(string directory, string from, string to)
    {
        var file = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(file, Lint.Mutate(File.ReadAllText(file), from, to));
    }

    [Fact]
    public void The_packaged_cli_is_precompiled_for_the_packing_machine()
    {
        // It was IL only: every check in a build JIT-compiled the CLI (about 0.3 s instead of 0.1 s to start).
        var linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(package.Feed, "ReportLint.MSBuild.1.0.0.nupkg"));
        using var dll = new MemoryStream();
        using (var entry = zip.GetEntry("tools/reportlint.dll").ShouldNotBeNull().Open())
        {
            entry.CopyTo(dll);
        }
        dll.Position = 0;
        ReadyToRun.IsPrecompiled(dll).ShouldBe(linuxX64);
    }

    [Fact]
    public void A_faulty_report_fails_the_build_a_fixed_one_passes_and_unchanged_builds_skip_linting()
    {
        var project = Consumer("net10.0");
        Edit(project, Correct, Faulty);

        var failed = Dotnet(project, "build", "--nologo");
        failed.Exit.ShouldNotBe(0);
        failed.Output.ShouldContain("reports/000_1c6b722cb07b2c5a.json(54,101): error RL1004: 【行政复议】总计填 9");
        // Infos are shown too (they were only at -v d), as messages: MSBuild has no info category.
        failed.Output.ShouldContain("reports/002_d7e6bacd7eea9ab0.json(15,14): message RL1305:");

        Edit(project, Faulty, Correct);
        var fixedBuild = Dotnet(project, "build", "--nologo");
        fixedBuild.Exit.ShouldBe(0, fixedBuild.Output);
        fixedBuild.Output.ShouldContain(Checking);
        fixedBuild.Output.ShouldContain("warning RL1108:");

        // A check that warned is done again by the next build, which shows the warning again: an up-to-date build used
        // to show nothing, as if it had been fixed.
        var again = Dotnet(project, "build", "--nologo");
        again.Exit.ShouldBe(0, again.Output);
        again.Output.ShouldContain(Checking);
        again.Output.ShouldContain("warning RL1108:");

        // A check with nothing to warn about is not repeated while nothing changes.
        File.WriteAllText(Path.Combine(project, ".reportlint.yaml"), "rules:\n  RL1108: off\n");
        var clean = Dotnet(project, "build", "--nologo");
        clean.Exit.ShouldBe(0, clean.Output);
        clean.Output.ShouldContain(Checking);
        clean.Output.ShouldNotContain("warning RL");
        var unchanged = Dotnet(project, "build", "--nologo");
        unchanged.Exit.ShouldBe(0);
        unchanged.Output.ShouldNotContain(Checking);

        var report = Path.Combine(project, "reports", "002_d7e6bacd7eea9ab0.json");
        File.SetLastWriteTimeUtc(report, DateTime.UtcNow.AddSeconds(5));
        var edited = Dotnet(project, "build", "--nologo");
        edited.Exit.ShouldBe(0);
        edited.Output.ShouldContain(Checking);

        Edit(project, Correct, Faulty);
        var bypassed = Dotnet(project, "build", "--nologo", "-p:ReportLintEnabled=false");
        bypassed.Exit.ShouldBe(0, bypassed.Output);
        bypassed.Output.ShouldNotContain("RL1004");
    }

    [Fact]
    public void Configuration_baseline_and_warnings_as_errors_are_honoured_and_multi_targeting_lints_once()
    {
        var project = Consumer("net10.0;netstandard2.0");
        Edit(project, Correct, Faulty);
        File.WriteAllText(Path.Combine(project, ".reportlint.yaml"), "rules:\n  RL1004: warning\n");

        var warned = Dotnet(project, "build", "--nologo");
        warned.Exit.ShouldBe(0, warned.Output);
        warned.Output.ShouldContain("warning RL1004:");
        warned.Output.Split('\n').Count(l => l.Contains(Checking)).ShouldBe(1);

        // MSBuild's own -warnaserror fails every build, not only the first: the stamp written after it let the next pass.
        for (var i = 0; i < 2; i++)
        {
            var switched = Dotnet(project, "build", "--nologo", "-warnaserror");
            switched.Exit.ShouldNotBe(0, switched.Output);
            switched.Output.ShouldContain("error RL1004:");
        }

        var strict = Dotnet(project, "build", "--nologo", "-p:ReportLintTreatWarningsAsErrors=true");
        strict.Exit.ShouldNotBe(0);
        strict.Output.ShouldContain("error RL1004:");

        // The project's own TreatWarningsAsErrors counts too (it did not: a .NET user's first try).
        var dotnetStrict = Dotnet(project, "build", "--nologo", "-p:TreatWarningsAsErrors=true");
        dotnetStrict.Exit.ShouldNotBe(0);
        dotnetStrict.Output.ShouldContain("error RL1004:");

        File.Delete(Path.Combine(project, ".reportlint.yaml"));
        var reportlint = Path.Combine(AppContext.BaseDirectory, "reportlint.dll");
        Dotnet(project, reportlint, "reports", "--write-baseline", "baseline.json").Exit.ShouldBe(0);
        var baselined = Dotnet(project, "build", "--nologo", "-p:ReportLintBaseline=baseline.json");
        baselined.Exit.ShouldBe(0, baselined.Output);
        baselined.Output.ShouldNotContain("RL1004");
    }

    [Fact]
    public void One_framework_of_a_multi_targeting_project_built_alone_is_checked()
    {
        // `dotnet build -f` runs only that framework's build, not the outer one that checked: it passed unchecked.
        var project = Consumer("net10.0;netstandard2.0");
        Edit(project, Correct, Faulty);
        var one = Dotnet(project, "build", "--nologo", "-f", "netstandard2.0");
        one.Exit.ShouldNotBe(0, one.Output);
        one.Output.ShouldContain("error RL1004:");

        Edit(project, Faulty, Correct);
        var all = Dotnet(project, "build", "--nologo");
        all.Exit.ShouldBe(0, all.Output);
        all.Output.Split('\n').Count(l => l.Contains(Checking)).ShouldBe(1);
        Dotnet(project, "build", "--nologo", "-f", "net10.0").Output.ShouldNotContain(Checking);
    }

    [Fact]
    public void Report_names_never_reach_a_shell_and_old_dates_removed_items_hidden_files_and_fail_on_are_honoured()
    {
        var project = Consumer("net10.0");
        File.WriteAllText(Path.Combine(project, ".reportlint.yaml"), "fail-on: warning\n");
        var csproj = Path.Combine(project, "Submissions.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", "  <ItemGroup><ReportLintFile Remove=\"reports/old/**\" /></ItemGroup>\n</Project>"));

        // A file name the shell would have run as a command ($(…)), a report in a folder the project removes, and
        // hidden files (a macOS ._ file, an editor's .history/) that are not reports.
        var reports = Path.Combine(project, "reports");
        File.Copy(Path.Combine(reports, "000_1c6b722cb07b2c5a.json"), Path.Combine(reports, "$(touch PWNED).json"));
        Directory.CreateDirectory(Path.Combine(reports, "old"));
        File.WriteAllText(Path.Combine(reports, "old", "broken.json"), "{");
        File.WriteAllBytes(Path.Combine(reports, "._002_d7e6bacd7eea9ab0.json"), [0, 5, 22, 7, 0, 2, 0, 0]);
        Directory.CreateDirectory(Path.Combine(reports, ".history"));
        File.WriteAllText(Path.Combine(reports, ".history", "draft.json"), "{");

        // fail-on: warning makes the examples' one warning (RL1108) fail the build, and the project is not compiled.
        var failed = Dotnet(project, "build", "--nologo");
        failed.Exit.ShouldNotBe(0, failed.Output);
        File.Exists(Path.Combine(project, "PWNED")).ShouldBeFalse("a report's file name was run as a shell command");
        failed.Output.ShouldContain("reportlint: 检查 6 个报告文件");
        failed.Output.ShouldContain("reports/$(touch PWNED).json(10,873): warning RL1108:");
        failed.Output.ShouldContain("warning RL1108:");
        failed.Output.ShouldContain("error RL0000: 报告文件有问题（见上方），构建失败");
        failed.Output.ShouldNotContain("broken.json");
        failed.Output.ShouldNotContain("._002");
        File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "Submissions.dll")).ShouldBeFalse();

        // Passing now; then a faulty report copied in with an older date than the last check is still checked.
        File.Delete(Path.Combine(project, ".reportlint.yaml"));
        Dotnet(project, "build", "--nologo").Exit.ShouldBe(0);
        var target = Path.Combine(reports, "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(target, Lint.Mutate(File.ReadAllText(target), Correct, Faulty));
        File.SetLastWriteTimeUtc(target, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var old = Dotnet(project, "build", "--nologo");
        old.Exit.ShouldNotBe(0, old.Output);
        old.Output.ShouldContain("error RL1004:");

        // `dotnet clean` forgets the last check: the next build checks again.
        File.WriteAllText(target, Lint.Mutate(File.ReadAllText(target), Faulty, Correct));
        Dotnet(project, "build", "--nologo").Exit.ShouldBe(0);
        Dotnet(project, "clean", "--nologo").Exit.ShouldBe(0);
        Dotnet(project, "build", "--nologo").Output.ShouldContain(Checking);
    }
}
