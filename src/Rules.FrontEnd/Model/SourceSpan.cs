namespace ReportLint.Rules.Model;

/// <summary>
/// A stretch of a rule file: character offsets for Roslyn's <c>TextSpan</c>, 1-based line and column for people.
/// </summary>
public sealed record SourceSpan(string Path, int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan At(string path, int offset, int line, int column) =>
        new(path, offset, offset, line, column, line, column);

    public override string ToString() => $"{Path}({StartLine},{StartColumn})";
}

/// <summary>A value read from a rule file together with where it was written.</summary>
public sealed record Located<T>(T Value, SourceSpan Span)
    where T : System.IEquatable<T>;
