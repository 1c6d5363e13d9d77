using ReportLint.Findings;

namespace ReportLint.Cli;

/// <summary>Expands the paths given on the command line into report files, sorted so output never depends on the file system.</summary>
public static class InputFiles
{
    public static (List<string> Files, List<Finding> Problems) Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<Finding>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Display(path));
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.json", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive })
                    .Select(Display).ToList();
                if (found.Count == 0)
                {
                    problems.Add(Problem(Display(path), $"目录中没有找到任何 .json 报告文件：{path}", $"No .json report files in directory {path}."));
                }
                files.UnionWith(found);
            }
            else
            {
                problems.Add(Problem(Display(path), $"找不到文件或目录：{path}", $"No such file or directory: {path}"));
            }
        }
        return (files.ToList(), problems);
    }

    private static Finding Problem(string path, string message, string messageEn) =>
        new(path, InputRule.Unreadable.Id, InputRule.Unreadable.Severity, message, messageEn, 1, 1) { IsInputError = true };

    /// <summary>Paths relative to the working directory when inside it, with forward slashes, so output is the same on every machine.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
        return shown.Replace('\\', '/');
    }
}
