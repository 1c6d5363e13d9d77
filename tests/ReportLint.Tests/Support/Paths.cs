using System.Reflection;

namespace ReportLint.Tests.Support;

public static class Paths
{
    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string Examples => Path.Combine(RepoRoot, "examples");

    public static string Rules => Path.Combine(RepoRoot, "rules");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>benchmarks/node: the ajv + json-logic-js baseline and its packages.</summary>
    public static string NodeBenchmarks => Path.Combine(RepoRoot, "benchmarks", "node");

    /// <summary>The real published reports beside the repository (../shared/seeds, ../shared/reports): read only.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
}
