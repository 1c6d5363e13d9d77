using ReportLint.Reading;

namespace ReportLint.Benchmarks;

/// <summary>The in-memory corpus the benchmarks share: the same seed as the whole-process runs.</summary>
public static class Corpus
{
    public const int Seed = 20250131;

    public static string RepoRoot { get; } = FindRoot();

    public static List<byte[]> Generate(int count)
    {
        var example = File.ReadAllText(Path.Combine(RepoRoot, "examples", "004_459b43244279d95c.json"));
        var generator = new CorpusGenerator(TemplateRegistry.Default.Find("2021")!, CorpusGenerator.SectionsFrom(example), Seed);
        return generator.Reports(count).Select(r => r.Bytes).ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lint.sln")))
            {
                return directory.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
