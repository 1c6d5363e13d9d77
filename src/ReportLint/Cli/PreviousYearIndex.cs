using ReportLint.Findings;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary>
/// Finds last year's report of the same agency among the files checked and those given with --previous.
/// Agencies are matched by name; a name that ends with the other also matches, because reports name the same
/// body with and without its city (洪泽区人民政府 / 淮安市洪泽区人民政府). Only identities are kept, never reports,
/// and only when two consecutive years are among the inputs: a run over one year's reports keeps nothing per file.
/// </summary>
public sealed class PreviousYearIndex
{
    // Candidates are the checked files followed by the --previous ones, numbered in that order (neither list is
    // copied: each InputFile is made when asked for). Aligned with them: a file whose identity is unknown has no name.
    private readonly InputFileList files;
    private readonly InputFileList? extra;
    private readonly string?[] reversedAgency;
    private readonly int[] year;
    private readonly Dictionary<int, YearNames> byYear;

    // Which --previous files last year's report was taken from: one never used was given for nothing, and is said so;
    // one that matched but could not be read, with why (else the run would only say "no report of last year").
    private readonly bool[] extraUsed;
    private readonly Finding?[] extraUnreadable;
    private readonly HashSet<int> checkedYears;

    private PreviousYearIndex(InputFileList files, InputFileList? extra, string?[] reversedAgency, int[] year,
        Dictionary<int, YearNames> byYear, IReadOnlyList<Finding> problems, HashSet<int> checkedYears)
    {
        this.checkedYears = checkedYears;
        this.files = files;
        this.extra = extra;
        this.reversedAgency = reversedAgency;
        this.year = year;
        this.byYear = byYear;
        Problems = problems;
        extraUsed = new bool[extra?.Count ?? 0];
        extraUnreadable = new Finding?[extra?.Count ?? 0];
    }

    /// <summary>What could not be used of --previous (missing paths, empty folders), reported like any input problem.</summary>
    public IReadOnlyList<Finding> Problems { get; }

    public static PreviousYearIndex Build(InputFileList files, IReadOnlyList<string> previousPaths)
    {
        var (extra, expandProblems) = InputFiles.Expand(previousPaths);
        IReadOnlyList<Finding> problems = expandProblems;
        if (extra.HasStandardInput)
        {
            // Standard input is the report being checked, never last year's: "--previous -" was ignored without a word.
            problems = [.. problems, InputFiles.Problem("-", "--previous 不能是 -（标准输入）：请给出上一年度报告的文件或目录。",
                "--previous cannot be - (standard input): give last year's report as a file or folder.")];
        }
        var count = files.Count + extra.Count;
        // With one file and no --previous there is nothing to pair with: skip reading identities at all.
        if (count - (files.HasStandardInput ? 1 : 0) - (extra.HasStandardInput ? 1 : 0) < 2)
        {
            return None(files, extra, problems, []);
        }
        // Years first, names only when two consecutive years are among the inputs: a run over one year's reports (the
        // usual CI run) holds no name at any point, and keeps nothing per file once it knows.
        var year = new int[count];
        Parallel.For(0, count, i => year[i] = Sniff(files, extra, i) is { } identity ? identity.Year : 0);
        // A report named with --previous whose year cannot be read is said, not passed over: the run would otherwise
        // report that there is no last year's report at all.
        var unusable = Enumerable.Range(files.Count, extra.Count).Where(i => year[i] == 0 && !Candidate(files, extra, i).IsStandardInput).ToList();
        if (unusable.Count > 0)
        {
            problems = problems.Concat(unusable.Select(i => InputFiles.Problem(Candidate(files, extra, i).DisplayPath,
                "--previous 给出的这个文件读不出报告年度（year），没有用于与上一年度的核对；请先单独检查它（reportlint 文件名）。",
                "This file given with --previous has no readable report year; it was not used for the year-over-year checks. Check it on its own first."))).ToList();
        }
        var years = year.Where(y => y != 0).ToHashSet();
        var checkedYears = year.Take(files.Count).Where(y => y != 0).ToHashSet();
        if (!years.Any(y => years.Contains(y - 1)))
        {
            return None(files, extra, problems, checkedYears);
        }
        // A second look at the files that can pair (a year next to theirs is present), for their agency's name.
        var reversedAgency = new string?[count];
        Parallel.For(0, count, i =>
        {
            // A name of one character or none ("" ends every name) would pair the report with any agency's.
            if (year[i] != 0 && (years.Contains(year[i] - 1) || years.Contains(year[i] + 1)) && Sniff(files, extra, i) is { } identity && identity.Year == year[i]
                && identity.Agency.Trim().Length >= 2)
            {
                reversedAgency[i] = Reverse(identity.Agency);
            }
        });
        var byYear = Enumerable.Range(0, count).Where(i => reversedAgency[i] is not null).GroupBy(i => year[i])
            .ToDictionary(g => g.Key, g => YearNames.Of(g.ToArray(), reversedAgency));
        return new PreviousYearIndex(files, extra, reversedAgency, year, byYear, problems, checkedYears);
    }

    private static PreviousYearIndex None(InputFileList files, InputFileList extra, IReadOnlyList<Finding> problems, HashSet<int> checkedYears) =>
        new(files, extra, [], [], [], problems, checkedYears);

    /// <summary>
    /// The files given with --previous that were not used, with the agency and year read from each and why: last year's
    /// report of a checked one that could not be read (<c>Unreadable</c>), one of the checked years (given by mistake), or
    /// of the year before a checked one but no checked report's agency. Files of other years (an archive folder) and the
    /// checked files themselves (a folder holding both years) are not named; those whose year could not be read are among
    /// <see cref="Problems"/> already.
    /// </summary>
    public IEnumerable<(InputFile File, (string Agency, int Year) Identity, Finding? Unreadable, bool SameYear)> UnusedPrevious()
    {
        HashSet<string>? checkedPaths = null;
        for (var i = 0; i < extraUsed.Length; i++)
        {
            var file = extra![i];
            if (extraUsed[i] && extraUnreadable[i] is null || file.IsStandardInput || file.FullPath is not { } path
                || ReportIdentity.Sniff(path) is not { } identity)
            {
                continue;
            }
            if (extraUnreadable[i] is { } why)
            {
                yield return (file, identity, why, false);
                continue;
            }
            checkedPaths ??= files.Select(f => f.FullPath).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (checkedPaths.Contains(path))
            {
                continue;
            }
            if (checkedYears.Contains(identity.Year))
            {
                yield return (file, identity, null, true);
            }
            else if (checkedYears.Contains(identity.Year + 1))
            {
                yield return (file, identity, null, false);
            }
        }
    }

    private static InputFile Candidate(InputFileList files, InputFileList? extra, int index) => index < files.Count ? files[index] : extra![index - files.Count];

    private static (string Agency, int Year)? Sniff(InputFileList files, InputFileList extra, int index) =>
        Candidate(files, extra, index).FullPath is { } path ? ReportIdentity.Sniff(path) : null;

    /// <summary>
    /// Last year's report for the checked file at <paramref name="fileIndex"/>, read when asked (each is usually needed
    /// once). When several files match, the first in input order, as the files are listed, and the others are named in
    /// <see cref="PreviousYear.Others"/> so the run can say which one was used.
    /// </summary>
    public PreviousYear PreviousOf(int fileIndex, Linter linter)
    {
        if (fileIndex >= reversedAgency.Length || reversedAgency[fileIndex] is not { } agency
            || !byYear.TryGetValue(year[fileIndex] - 1, out var names))
        {
            return PreviousYear.None;
        }
        var matches = names.Matches(agency);
        if (matches.Count == 0)
        {
            return PreviousYear.None;
        }
        // Through the same door as every report file (size limit, a file gone since it was listed): when last year's
        // report cannot be read, the year-over-year rules are listed as not judged, as when there is none.
        var candidate = Candidate(files, extra, matches[0]);
        // Every match counts as paired: the ones not used are named by RL0116, not called unpaired by RL0117.
        foreach (var match in matches.Where(m => m >= files.Count))
        {
            extraUsed[match - files.Count] = true;
        }
        var (bytes, problem) = InputFiles.ReadAll(candidate);
        var read = bytes is null ? null : linter.Read(candidate.DisplayPath, bytes);
        if (read?.Report is null && matches[0] >= files.Count)
        {
            // A --previous file whose first kilobyte names the agency and year but which cannot be read as a whole
            // (malformed further on, too large): said at that file. A checked file's own problems are its findings.
            extraUnreadable[matches[0] - files.Count] = problem ?? read?.Findings.FirstOrDefault(f => f.IsInputError) ?? read?.Findings.FirstOrDefault();
        }
        // The same file listed twice (among the checked files and with --previous) is one report, not two.
        var others = matches.Skip(1).Select(i => Candidate(files, extra, i))
            .Where(c => !string.Equals(c.FullPath, candidate.FullPath, StringComparison.Ordinal))
            .Select(c => c.DisplayPath).Distinct(StringComparer.Ordinal).ToList();
        return new PreviousYear(read?.Report, candidate.DisplayPath, year[matches[0]], others);
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>
    /// One year's agency names, reversed and sorted, with where each came from. Reversed, "ends with" becomes "starts
    /// with": the names that end with a given one are one range found by binary search, and the names a given one ends
    /// with are its reversed prefixes, each an exact search. A lookup costs a name's length times log n, not n.
    /// </summary>
    private sealed class YearNames
    {
        private readonly string[] reversed;
        private readonly int[] index;

        private YearNames(string[] reversed, int[] index)
        {
            this.reversed = reversed;
            this.index = index;
        }

        public static YearNames Of(int[] indices, string?[] reversedAgency)
        {
            var names = indices.Select(i => reversedAgency[i]!).ToArray();
            Array.Sort(names, indices, StringComparer.Ordinal);
            return new YearNames(names, indices);
        }

        /// <summary>The inputs whose name equals <paramref name="agency"/>, ends with it, or is its end, in input order.</summary>
        public List<int> Matches(string agency)
        {
            var found = new List<int>();
            // Names ending with this one (itself included): reversed, they start with it. Only a name that says which
            // body it is may stand for a longer one: 县政府 ends every county's name.
            var distinctive = Distinctive(agency);
            for (var k = LowerBound(agency); k < reversed.Length && reversed[k].StartsWith(agency, StringComparison.Ordinal); k++)
            {
                if (distinctive || reversed[k].Length == agency.Length)
                {
                    found.Add(index[k]);
                }
            }
            // Names this one ends with: its reversed prefixes, each a name that says which body it is.
            for (var length = 1; length < agency.Length; length++)
            {
                var prefix = agency.AsSpan(0, length);
                if (!Distinctive(prefix))
                {
                    continue;
                }
                for (var k = LowerBound(prefix); k < reversed.Length && reversed[k].AsSpan().SequenceEqual(prefix); k++)
                {
                    found.Add(index[k]);
                }
            }
            found.Sort();
            return found;
        }

        // What every name of its kind ends with, reversed (names are kept reversed): 人民政府, 政府, 管委会 …
        private static readonly string[] GenericEndings = [.. new[] { "人民政府", "政府", "管理委员会", "管委会", "委员会", "办公室", "办事处" }.Select(Reverse)];

        /// <summary>
        /// Whether a (reversed) name says which body it is, beyond its kind and level: 洪泽区人民政府 does (洪泽); 县政府,
        /// 区人民政府 and 市财政局 do not, so they match only a name equal to them.
        /// </summary>
        private static bool Distinctive(ReadOnlySpan<char> reversedName)
        {
            foreach (var ending in GenericEndings)
            {
                if (reversedName.StartsWith(ending, StringComparison.Ordinal))
                {
                    reversedName = reversedName[ending.Length..];
                    break;
                }
            }
            if (reversedName.Length > 0 && IsLevel(reversedName[0]))
            {
                reversedName = reversedName[1..];
            }
            // A name that starts with its level (市财政局, 县政府: "the city's …") names no place.
            return reversedName.Trim().Length >= 2 && !IsLevel(reversedName[^1]);
        }

        private static bool IsLevel(char c) => c is '省' or '市' or '县' or '区' or '镇' or '乡' or '旗' or '州' or '盟';

        private int LowerBound(ReadOnlySpan<char> key)
        {
            int low = 0, high = reversed.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (reversed[middle].AsSpan().SequenceCompareTo(key) < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }
    }
}

/// <summary>What pairing found for one report: last year's (null when none, or unreadable), its file, and other files that matched too.</summary>
public sealed record PreviousYear(Report? Report, string? Path, int Year, IReadOnlyList<string> Others)
{
    public static readonly PreviousYear None = new(null, null, 0, []);
}
