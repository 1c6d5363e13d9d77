using ReportLint.Validation;

namespace ReportLint.Configuration;

/// <summary>What a rule becomes under the configuration: a severity, or switched off.</summary>
public readonly record struct RuleSetting(bool Off, Severity Severity);

/// <summary>
/// The <c>.reportlint.yaml</c> configuration (docs/configuration.md): rule severities and switches, per-path overrides.
/// Paths in overrides are relative to the folder the file is in.
/// </summary>
public sealed class LintConfig
{
    public const string FileName = ".reportlint.yaml";

    public static LintConfig None(string directory) => new(null, directory, new Dictionary<string, RuleSetting>(), []);

    public LintConfig(string? path, string directory, IReadOnlyDictionary<string, RuleSetting> rules, IReadOnlyList<(IReadOnlyList<Glob> Files, IReadOnlyDictionary<string, RuleSetting> Rules)> overrides, Severity? failOn = null)
    {
        Path = path;
        Directory = directory;
        Rules = rules;
        Overrides = overrides;
        FailOn = failOn;
    }

    public string? Path { get; }

    public string Directory { get; }

    public IReadOnlyDictionary<string, RuleSetting> Rules { get; }

    public IReadOnlyList<(IReadOnlyList<Glob> Files, IReadOnlyDictionary<string, RuleSetting> Rules)> Overrides { get; }

    public Severity? FailOn { get; }

    /// <summary>Off at the top level and not turned back on for any files: then the rule need not be worked out at all.</summary>
    public bool IsOffEverywhere(string ruleId) =>
        Rules.TryGetValue(ruleId, out var top) && top.Off && !Overrides.Any(o => o.Rules.TryGetValue(ruleId, out var setting) && !setting.Off);

    /// <summary>Which rules to work out (for <see cref="Linter"/>): all but those off everywhere; null when that is every rule.</summary>
    public Func<string, bool>? RulesToRun() =>
        Rules.Count > 0 && Rules.Values.Any(r => r.Off) ? rule => !IsOffEverywhere(rule) : null;

    /// <summary>The setting for a rule on a file: the last matching override wins, then the top-level rules, then the rule's own severity.</summary>
    public RuleSetting For(string ruleId, Severity defaultSeverity, string file)
    {
        var relative = System.IO.Path.GetRelativePath(Directory, System.IO.Path.GetFullPath(file)).Replace('\\', '/');
        for (var i = Overrides.Count - 1; i >= 0; i--)
        {
            var (files, rules) = Overrides[i];
            if (rules.TryGetValue(ruleId, out var setting) && files.Any(g => g.IsMatch(relative)))
            {
                return setting;
            }
        }
        return Rules.TryGetValue(ruleId, out var top) ? top : new RuleSetting(false, defaultSeverity);
    }
}
