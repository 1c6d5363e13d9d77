using System.IO.Compression;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>
/// The CLI as `dotnet tool install reportlint` gets it: one package per platform, precompiled for linux-x64 (where CI
/// runs, for a fast one-file start, issue 7) and IL for any other platform, behind a package that points at both.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public class ToolPackageTests
{
    [Fact]
    public void The_tool_installs_precompiled_on_linux_x64_with_a_platform_neutral_package_for_the_rest_and_checks_like_the_built_cli()
    {
        var root = Scratch.Directory("tool");
        var feed = Path.Combine(root, "feed");
        var (exit, log) = MsBuildPackageTests.Dotnet(Paths.RepoRoot, "pack", "src/ReportLint", "-c", "Release", "-o", feed, "--nologo");
        exit.ShouldBe(0, log);
        Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["ReportLint.1.0.0.nupkg", "ReportLint.any.1.0.0.nupkg", "ReportLint.linux-x64.1.0.0.nupkg"]);
        ReadyToRun.IsPrecompiled(Entry(Path.Combine(feed, "ReportLint.linux-x64.1.0.0.nupkg"), "tools/net10.0/linux-x64/reportlint.dll")).ShouldBeTrue();
        ReadyToRun.IsPrecompiled(Entry(Path.Combine(feed, "ReportLint.any.1.0.0.nupkg"), "tools/net10.0/any/reportlint.dll"))
            .ShouldBeFalse("code precompiled for one platform would not be used on the others");

        // Installed as a user would, from a feed, into a package folder of its own (a cached 1.0.0 must not stand in).
        // On linux-x64 the precompiled package is picked; anywhere else the platform-neutral one.
        var linuxX64 = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
        var tools = Path.Combine(root, "tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        (exit, log) = MsBuildPackageTests.Dotnet(root, environment, "tool", "install", "--tool-path", tools, "ReportLint", "--version", "1.0.0", "--add-source", feed);
        exit.ShouldBe(0, log);
        var installed = Directory.GetFiles(tools, "reportlint.dll", SearchOption.AllDirectories).ShouldHaveSingleItem();
        installed.Replace('\\', '/').ShouldContain(linuxX64 ? "/linux-x64/" : "/any/");
        ReadyToRun.IsPrecompiled(installed).ShouldBe(linuxX64);

        var workspace = ReportLintProcess.Workspace("2023_hongzequ.json", "2024_hongzequ.json");
        var none = new Dictionary<string, string>();
        var built = ReportLintProcess.RunWithEnvironment(workspace, null, none, "reports", "--format", "json");
        var tool = ReportLintProcess.RunAssembly(installed, workspace, null, none, "reports", "--format", "json");
        tool.Err.ShouldBe(built.Err);
        tool.Out.ShouldBe(built.Out);
        tool.ExitCode.ShouldBe(built.ExitCode);
        tool.Out.ShouldContain("\"RL1004\"");

        // What every other platform gets, installed by its own name here: the IL build, checking the same.
        var neutral = Path.Combine(root, "tools-any");
        (exit, log) = MsBuildPackageTests.Dotnet(root, environment, "tool", "install", "--tool-path", neutral, "ReportLint.any", "--version", "1.0.0", "--add-source", feed);
        exit.ShouldBe(0, log);
        var any = ReportLintProcess.RunAssembly(Directory.GetFiles(neutral, "reportlint.dll", SearchOption.AllDirectories).ShouldHaveSingleItem(),
            workspace, null, none, "reports", "--format", "json");
        any.Out.ShouldBe(built.Out);
        any.ExitCode.ShouldBe(built.ExitCode);
    }

    private static MemoryStream Entry(string package, string path)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(path).ShouldNotBeNull($"{Path.GetFileName(package)} has no {path}");
        using var stream = entry.Open();
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        bytes.Position = 0;
        return bytes;
    }
}
