namespace ReportLint.Generator;

/// <summary>Names of the generator's steps, for tests that check which steps re-ran.</summary>
public static class TrackingNames
{
    public const string RuleFiles = nameof(RuleFiles);
    public const string Parse = nameof(Parse);
    public const string Bind = nameof(Bind);
    public const string Templates = nameof(Templates);
    public const string Catalog = nameof(Catalog);
}
