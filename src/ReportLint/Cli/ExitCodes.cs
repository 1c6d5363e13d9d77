namespace ReportLint.Cli;

/// <summary>Documented in --help and the README.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the failure threshold.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the threshold (error by default).</summary>
    public const int Findings = 1;

    /// <summary>Usage, configuration or input errors: bad arguments, unreadable or malformed files, unknown template.</summary>
    public const int InputError = 2;

    /// <summary>A bug in reportlint itself.</summary>
    public const int InternalError = 3;
}
