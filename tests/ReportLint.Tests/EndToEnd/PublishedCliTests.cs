using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>
/// Tests that build this repository's projects with <c>dotnet pack</c> or <c>dotnet publish</c> share its obj/ folders, so
/// they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    public const string Name = "builds of the repository's projects";
}

/// <summary>The CLI as a CI image gets it: <c>dotnet publish</c>, precompiled for a fast start (issue 7).</summary>
[Collection(RepositoryBuilds.Name)]
public class PublishedCliTests
{
    [Fact]
    public void Dotnet_publish_gives_a_precompiled_cli_that_checks_exactly_like_the_built_one()
    {
        var output = Scratch.Directory("publish");
        var (exit, log) = MsBuildPackageTests.Dotnet(Paths.RepoRoot, "publish", "src/ReportLint", "-c", "Release", "-o", output, "--nologo");
        exit.ShouldBe(0, log);

        foreach (var assembly in new[] { "reportlint.dll", "ReportLint.Core.dll" })
        {
            ReadyToRun.IsPrecompiled(Path.Combine(output, assembly)).ShouldBeTrue($"{assembly} carries no ReadyToRun code");
        }

        var workspace = ReportLintProcess.Workspace("2023_hongzequ.json", "2024_hongzequ.json");
        var environment = new Dictionary<string, string>();
        var built = ReportLintProcess.RunWithEnvironment(workspace, null, environment, "reports", "--format", "json");
        var published = ReportLintProcess.RunAssembly(Path.Combine(output, "reportlint.dll"), workspace, null, environment, "reports", "--format", "json");
        published.Err.ShouldBe(built.Err);
        published.Out.ShouldBe(built.Out);
        published.ExitCode.ShouldBe(built.ExitCode);
        published.Out.ShouldContain("\"RL1004\"");
        published.Out.ShouldContain("\"RL1201\"", customMessage: "the 2023 and 2024 reports of 洪泽区 are paired");
    }
}
