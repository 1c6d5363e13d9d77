namespace ReportLint.Validation;

/// <summary>A failed check as the validator saw it; turned into a <see cref="Findings.Finding"/> only when reported.</summary>
/// <remarks>
/// A class, not a struct: failures are rare, and a list of a struct type is generic code the JIT compiles at every start
/// (ReadyToRun cannot precompile it), a noticeable part of a one-file run.
/// </remarks>
public sealed record RuleFailure(TemplateDefinition Template, int Rule, int Instance, int Cell, Num Lhs, Num Rhs)
{
    public RuleInfo RuleInfo => Template.Rules[Rule];

    public RuleInstanceInfo InstanceInfo => RuleInfo.Instances[Instance];
}

/// <summary>Collects failures during one validation. Reused across reports so the checking loop does not allocate.</summary>
/// <param name="recordUnjudged">Whether to keep the checks that came out undecided: only worth it for a report with a cell
/// without a number (<see cref="Findings.UnjudgedChecks.Applies"/>), the one case they are named in.</param>
public sealed class FindingSink(bool recordUnjudged = true)
{
    private readonly List<RuleFailure> failures = new();
    private readonly List<RuleInfo> skipped = new();
    private readonly List<int> unjudged = new();

    /// <summary>Rules that were not judged because last year's report was not available.</summary>
    public IReadOnlyList<RuleInfo> Skipped => skipped;

    public void Skip(TemplateDefinition template, int rule) => skipped.Add(template.Rules[rule]);

    public IReadOnlyList<RuleFailure> Failures => failures;

    /// <summary>
    /// Checks that came out neither true nor false (a cell without a number, a sentence the narrative does not have),
    /// three ints each: rule, instance, cell (-1 unless a cell rule). A list of ints, not of a struct: see <see cref="RuleFailure"/>.
    /// </summary>
    public IReadOnlyList<int> Unjudged => unjudged;

    public void Unjudge(int rule, int instance, int cell)
    {
        if (!recordUnjudged)
        {
            return;
        }
        unjudged.Add(rule);
        unjudged.Add(instance);
        unjudged.Add(cell);
    }

    public void Report(TemplateDefinition template, int rule, int instance, int cell, Num lhs, Num rhs) =>
        failures.Add(new RuleFailure(template, rule, instance, cell, lhs, rhs));

    public void Clear()
    {
        failures.Clear();
        skipped.Clear();
        unjudged.Clear();
    }
}
