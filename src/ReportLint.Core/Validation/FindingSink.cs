namespace ReportLint.Validation;

/// <summary>A failed check as the validator saw it; turned into a <see cref="Findings.Finding"/> only when reported.</summary>
public readonly record struct RuleFailure(TemplateDefinition Template, int Rule, int Instance, int Cell, Num Lhs, Num Rhs)
{
    public RuleInfo RuleInfo => Template.Rules[Rule];

    public RuleInstanceInfo InstanceInfo => RuleInfo.Instances[Instance];
}

/// <summary>Collects failures during one validation. Reused across reports so the checking loop does not allocate.</summary>
public sealed class FindingSink
{
    private readonly List<RuleFailure> failures = new();

    public IReadOnlyList<RuleFailure> Failures => failures;

    public void Report(TemplateDefinition template, int rule, int instance, int cell, Num lhs, Num rhs) =>
        failures.Add(new RuleFailure(template, rule, instance, cell, lhs, rhs));

    public void Clear() => failures.Clear();
}
