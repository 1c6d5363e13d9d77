using ReportLint.Findings;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary>
/// Finds last year's report of the same agency among the files checked and those given with --previous.
/// Agencies are matched by name; a name that ends with the other also matches, because reports name the same
/// body with and without its city (洪泽区人民政府 / 淮安市洪泽区人民政府). Only identities are kept, never reports,
/// so memory does not grow with the number of files.
/// </summary>
public sealed class PreviousYearIndex
{
    private readonly Dictionary<int, List<(string Agency, string Path)>> byYear;
    private readonly Dictionary<string, (string Agency, int Year)> byPath;

    private PreviousYearIndex(Dictionary<int, List<(string, string)>> byYear, Dictionary<string, (string, int)> byPath, IReadOnlyList<Finding> problems)
    {
        this.byYear = byYear;
        this.byPath = byPath;
        Problems = problems;
    }

    /// <summary>What could not be used of --previous (missing paths, empty folders), reported like any input problem.</summary>
    public IReadOnlyList<Finding> Problems { get; }

    public static PreviousYearIndex Build(IReadOnlyList<InputFile> files, IReadOnlyList<string> previousPaths)
    {
        var (extra, problems) = InputFiles.Expand(previousPaths);
        var candidates = files.Concat(extra).Where(f => f.FullPath is not null).ToList();
        // With one file and no --previous there is nothing to pair with: skip reading identities at all.
        if (candidates.Count < 2)
        {
            return new PreviousYearIndex([], [], problems);
        }
        var identities = new (string Agency, int Year)?[candidates.Count];
        Parallel.For(0, candidates.Count, i => identities[i] = ReportIdentity.Sniff(candidates[i].FullPath!));
        var byYear = new Dictionary<int, List<(string, string)>>();
        var byPath = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (identities[i] is { } identity)
            {
                if (!byYear.TryGetValue(identity.Year, out var list))
                {
                    byYear[identity.Year] = list = [];
                }
                list.Add((identity.Agency, candidates[i].FullPath!));
                byPath[candidates[i].FullPath!] = identity;
            }
        }
        return new PreviousYearIndex(byYear, byPath, problems);
    }

    /// <summary>Last year's report for a file, read when asked (each is usually needed once).</summary>
    public Report? PreviousOf(string path, Linter linter)
    {
        if (!byPath.TryGetValue(path, out var identity) || !byYear.TryGetValue(identity.Year - 1, out var candidates))
        {
            return null;
        }
        var match = candidates.Where(c => SameAgency(c.Agency, identity.Agency)).Select(c => c.Path).FirstOrDefault();
        return match is null ? null : linter.Read(match, File.ReadAllBytes(match)).Report;
    }

    private static bool SameAgency(string a, string b) =>
        a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);
}
