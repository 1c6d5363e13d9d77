using ReportLint.Narrative;
using ReportLint.Reading;

namespace ReportLint.Validation;

/// <summary>A narrative mention a rule could not read unambiguously: reported as info, never guessed.</summary>
public sealed record UnreadableMention(int Rule, int Pattern, IReadOnlyList<NarrativeMatch> Matches, string Reason, string ReasonEn);

/// <summary>
/// What a generated validator sees of one report: its cells, last year's cells (when known), its narrative sections
/// and its own facts (year, publication date, kind of agency). Narrative patterns are matched lazily and once.
/// </summary>
public sealed class ValidationContext
{
    private readonly CellValue[]? previous;
    private readonly List<NarrativeMatch>?[] matches;
    private readonly NarrativeText?[] texts = new NarrativeText?[Report.SectionKeys.Length];
    private List<UnreadableMention>? unreadable;
    private bool[]? sectionTimedOut;

    // What a pattern's matches are set to when its section could not be searched in time (never equal to a real result).
    private static readonly List<NarrativeMatch> TimedOutMatches = [];

    private readonly bool[]? runs;

    /// <param name="runs">Which of the template's rules run, by rule index; null: all of them.</param>
    /// <param name="previousPath">The file last year's cells come from, for findings to name.</param>
    public ValidationContext(Report report, CellValue[]? previous = null, bool[]? runs = null, string? previousPath = null)
    {
        Report = report;
        this.previous = previous;
        this.runs = runs;
        PreviousPath = previousPath;
        matches = new List<NarrativeMatch>?[report.Template.Narratives.Count];
    }

    /// <summary>Whether the rule at this index runs (rules turned off everywhere are not worked out at all).</summary>
    public bool Runs(int rule) => runs is null || runs[rule];

    public Report Report { get; }

    public ReadOnlySpan<CellValue> Cells => Report.Cells;

    public bool HasPrevious => previous is not null;

    public string? PreviousPath { get; }

    public IReadOnlyList<UnreadableMention> Unreadable => (IReadOnlyList<UnreadableMention>?)unreadable ?? [];

    public Num Previous(int cell) => previous is null ? Num.Unknown : Num.Of(previous[cell]);

    /// <summary>The matches of a pattern in its section (what a finding quotes).</summary>
    public IReadOnlyList<NarrativeMatch> MatchesOf(int pattern) => Matches(pattern);

    /// <summary>The number a phrase states, when the report states exactly one value for it; unknown otherwise.</summary>
    public Num Stated(int pattern, int rule)
    {
        var found = Matches(pattern);
        if (TimedOut(pattern, rule))
        {
            return Num.Unknown;
        }
        if (found.Count == 0)
        {
            return Num.Unknown;
        }
        var value = found[0].Number!.Value;
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Number!.Value != value)
            {
                var values = found.Select(m => m.Number!.Value).Distinct().ToList();
                // The first few: a broken or hostile text stating thousands of numbers made a message of megabytes.
                var listed = string.Join("、", values.Take(MaxListed).Select(v => v.Value)) + (values.Count > MaxListed ? "……" : "");
                Note(rule, pattern, found, $"叙述中出现了 {values.Count} 个不同的数（{listed}）", $"the narrative states {values.Count} different numbers");
                return Num.Unknown;
            }
        }
        if (value.Approximate)
        {
            Note(rule, pattern, found, "叙述中给出的是约数（余/多）", "the narrative gives an approximate number (余/多)");
            return Num.Unknown;
        }
        return Num.Of(value.Value);
    }

    /// <summary>How many of a mention's different numbers (and sentences) a finding lists.</summary>
    public const int MaxListed = 5;

    public Tri Mentions(int pattern, int rule) => Matches(pattern).Count > 0 ? Tri.True : TimedOut(pattern, rule) ? Tri.Unknown : Tri.False;

    /// <summary>Whether matching the pattern ran out of time; then the rule is not judged, and says so.</summary>
    private bool TimedOut(int pattern, int rule)
    {
        if (!ReferenceEquals(matches[pattern], TimedOutMatches))
        {
            return false;
        }
        var section = Report.Template.Patterns[pattern].Section;
        Note(rule, pattern, [], $"sections.{section} 过长或过于复杂，未能在时限内读完", $"sections.{section} is too long or too complex to read within the time limit");
        return true;
    }

    public Tri SectionEmpty(string section) =>
        string.IsNullOrWhiteSpace(Report.Section(section)) ? Tri.True : Tri.False;

    public Num Year => Report.Year is { } year ? Num.Of(year) : Num.Unknown;

    /// <summary>The publication date as days after the end of the report year (1 = 1 January of the next year).</summary>
    public Num Published => Report.Published is { } date && Report.Year is { } year
        ? Num.Of(date.DayNumber - new DateOnly(year, 12, 31).DayNumber)
        : Num.Unknown;

    public Num PeriodStart => Report.PeriodStart is { } d ? Num.Of(d.Year * 10000 + d.Month * 100 + d.Day) : Num.Unknown;

    public Num PeriodEnd => Report.PeriodEnd is { } d ? Num.Of(d.Year * 10000 + d.Month * 100 + d.Day) : Num.Unknown;

    public Tri IsGovernment => Report.AgencyKind == AgencyKind.Unknown ? Tri.Unknown : Report.AgencyKind == AgencyKind.Government ? Tri.True : Tri.False;

    public Tri IsDepartment => Report.AgencyKind == AgencyKind.Unknown ? Tri.Unknown : Report.AgencyKind == AgencyKind.Department ? Tri.True : Tri.False;

    /// <summary>A day of the year after the report year, counted like <see cref="Published"/>.</summary>
    public Num DaysAfterYearEnd(int month, int day) => Report.Year is { } year
        ? Num.Of(new DateOnly(year + 1, month, Math.Min(day, DateTime.DaysInMonth(year + 1, month))).DayNumber - new DateOnly(year, 12, 31).DayNumber)
        : Num.Unknown;

    private List<NarrativeMatch> Matches(int pattern)
    {
        if (matches[pattern] is { } cached)
        {
            return cached;
        }
        var compiled = Report.Template.Patterns[pattern];
        var section = Array.IndexOf(Report.SectionKeys, compiled.Section);
        var text = texts[section] ??= new NarrativeText(compiled.Section, Report.Section(compiled.Section) ?? "");
        if (sectionTimedOut?[section] != true)
        {
            try
            {
                return matches[pattern] = text.Find(compiled);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A hostile or broken text (megabytes of digits, say): the rules that read this section are not judged
                // and each says why, instead of the run failing; the section's other patterns are not tried (each
                // would take the time limit again).
                (sectionTimedOut ??= new bool[texts.Length])[section] = true;
            }
        }
        return matches[pattern] = TimedOutMatches;
    }

    private void Note(int rule, int pattern, List<NarrativeMatch> found, string reason, string reasonEn)
    {
        unreadable ??= [];
        if (!unreadable.Any(u => u.Rule == rule && u.Pattern == pattern))
        {
            unreadable.Add(new UnreadableMention(rule, pattern, found, reason, reasonEn));
        }
    }
}
