using System.Collections.Concurrent;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary>
/// Finds last year's report of the same agency among the files checked and those given with --previous.
/// Agencies are matched by name; a name that ends with the other also matches, because reports name the same
/// body with and without its city (洪泽区人民政府 / 淮安市洪泽区人民政府).
/// </summary>
public sealed class PreviousYearIndex
{
    private readonly List<(string Agency, int Year, string Path)> reports;
    private readonly Linter linter;
    private readonly ConcurrentDictionary<string, Report?> loaded = new(StringComparer.Ordinal);

    private PreviousYearIndex(List<(string, int, string)> reports, Linter linter)
    {
        this.reports = reports;
        this.linter = linter;
    }

    /// <summary>What could not be used of --previous (missing paths, empty folders), to be reported like any input problem.</summary>
    public IReadOnlyList<Findings.Finding> Problems { get; private init; } = [];

    public static PreviousYearIndex Build(IReadOnlyList<InputFile> files, (string Agency, int Year)?[] identities, IReadOnlyList<string> previousPaths, Linter linter)
    {
        var reports = new List<(string, int, string)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (identities[i] is { } identity && files[i].FullPath is { } path)
            {
                reports.Add((identity.Agency, identity.Year, path));
            }
        }
        var (extra, problems) = InputFiles.Expand(previousPaths);
        foreach (var file in extra.Where(f => f.FullPath is not null))
        {
            if (linter.Read(file.DisplayPath, File.ReadAllBytes(file.FullPath!)).Report is { AgencyName: { } agency, Year: { } year })
            {
                reports.Add((agency, year, file.FullPath!));
            }
        }
        return new PreviousYearIndex(reports, linter) { Problems = problems };
    }

    public Report? Find(string agency, int year)
    {
        var match = reports.Where(r => r.Year == year && SameAgency(r.Agency, agency)).Select(r => r.Path).FirstOrDefault();
        return match is null ? null : loaded.GetOrAdd(match, path => linter.Read(path, File.ReadAllBytes(path)).Report);
    }

    private static bool SameAgency(string a, string b) =>
        a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);
}
