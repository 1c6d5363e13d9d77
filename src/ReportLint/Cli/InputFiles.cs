using System.IO.Enumeration;
using ReportLint.Configuration;
using ReportLint.Findings;
using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary>One input: a path on disk, or standard input (<c>-</c>).</summary>
public sealed class InputFile
{
    // Only the path as shown is kept, with the directory it is relative to (null when it is already full): the full
    // path is rebuilt when asked, a few times per file. Made when asked for, from InputFileList.
    private readonly string? directory;

    private InputFile(string displayPath, string? directory, bool isStandardInput)
    {
        DisplayPath = displayPath;
        this.directory = directory;
        IsStandardInput = isStandardInput;
    }

    public static InputFile StandardInput { get; } = new(InputFiles.StandardInput, null, true);

    /// <summary>A file on disk, shown as <paramref name="displayPath"/>, relative to <paramref name="directory"/> unless null.</summary>
    public static InputFile OnDisk(string displayPath, string? directory) => new(displayPath, directory, false);

    public string DisplayPath { get; }

    public bool IsStandardInput { get; }

    public string? FullPath => IsStandardInput ? null : directory is null ? DisplayPath : Path.GetFullPath(DisplayPath, directory);
}

/// <summary>
/// Expands the command line into report files: files, directories (recursive *.json), glob patterns, and <c>-</c>
/// for standard input. Sorted, so the output never depends on the file system's order.
/// </summary>
public static class InputFiles
{
    public const string StandardInput = "-";

    public static (InputFileList Files, List<Finding> Problems) Expand(IEnumerable<string> paths) => Expand(paths, [".json"]);

    /// <summary>As <see cref="Expand(IEnumerable{string})"/>, taking files with these extensions from directories.</summary>
    public static (InputFileList Files, List<Finding> Problems) Expand(IEnumerable<string> paths, string[] extensions)
    {
        // Asked once: the working directory is a system call, and a run may expand 100,000 paths.
        var directory = Environment.CurrentDirectory;
        var files = new InputFileList(directory);
        var problems = new List<Finding>();
        void Add(string path)
        {
            var display = Display(Path.GetFullPath(path, directory), directory, out var relative);
            files.Add(display, relative);
        }

        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                files.AddStandardInput();
            }
            else if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var before = files.Count;
                var problemsBefore = problems.Count;
                foreach (var file in FilesUnder(path, problems))
                {
                    if (extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    {
                        Add(file);
                    }
                }
                // A folder that could not be read has been reported as such; "no reports in it" would say less.
                if (files.Count == before && problems.Count == problemsBefore)
                {
                    var kinds = string.Join(" ", extensions);
                    problems.Add(Problem(Display(path), $"目录中没有找到任何 {kinds} 报告文件：{path}", $"No {kinds} report files in directory {path}."));
                }
            }
            else if (Glob.IsPattern(path) && path.Length > Glob.MaxLength)
            {
                // Building the matcher for a pattern of 240,000 characters took 24 s; no path is that long.
                var shown = Quoted.Brief(path);
                problems.Add(Problem(shown, $"模式超过 {Glob.MaxLength} 个字符，不会有文件符合：{shown}", $"The pattern is over {Glob.MaxLength} characters; no file can match it: {shown}"));
            }
            else if (Glob.IsPattern(path))
            {
                // Only the pattern's own folder, as deep as it reaches: "*.json" used to walk the whole tree below
                // (reporting unreadable folders it could never match), and a mistyped folder walked the working directory.
                var glob = new Glob(path);
                var before = files.Count;
                foreach (var file in Directory.Exists(glob.Root) ? FilesUnder(glob.Root, problems, glob.Depth) : [])
                {
                    // An absolute pattern matches the path as listed; any other, the path from here ("./top.json" matched */*.json).
                    if (glob.IsMatch(Path.IsPathRooted(glob.Pattern) ? file : Path.GetRelativePath(".", file)))
                    {
                        Add(file);
                    }
                }
                if (files.Count == before)
                {
                    var (missing, missingEn) = Directory.Exists(glob.Root) ? ("", "") : ($"（目录 {glob.Root} 不存在）", $" (there is no folder {glob.Root})");
                    problems.Add(Problem(path, $"没有文件符合模式：{path}{missing}", $"No file matches the pattern {path}{missingEn}."));
                }
            }
            else
            {
                problems.Add(Problem(Display(path), $"找不到文件或目录：{path}", $"No such file or directory: {path}"));
            }
        }
        // In path order, each file once (a file named twice, or found by two patterns, is checked once).
        files.SortAndDeduplicate();
        return (files, problems);
    }

    // One folder at a time (the listing below walks the tree itself), and a folder that cannot be read is an error,
    // not skipped: EnumerationOptions' own recursion with IgnoreInaccessible left such folders out without a word.
    // Hidden files and folders are listed too (the default skips them, and with them .github/reports/ without a word);
    // only version control's own folders, which never hold reports, are not walked.
    private static readonly EnumerationOptions OneFolder = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };

    private static bool IsVersionControl(ReadOnlySpan<char> name) => name is ".git" or ".hg" or ".svn";

    /// <summary>
    /// Every file below <paramref name="directory"/>, as <see cref="Directory.EnumerateFiles(string)"/> gives them, but
    /// not through links to folders: a link to a folder above it (a loop) made the listing run until paths grew too
    /// long — and two such links doubled it at every level, so it never ended. A linked folder named on the command
    /// line is listed; linked files are listed wherever they are. A folder that cannot be read (no permission) is
    /// reported in <paramref name="problems"/> (RL0101) and the others are listed on.
    /// </summary>
    /// <param name="depth">How many folders deep to go; null: all the way.</param>
    private static IEnumerable<string> FilesUnder(string directory, List<Finding> problems, int? depth = null)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        var rootSeparators = Separators(directory.TrimEnd('/', Path.DirectorySeparatorChar));
        static int Separators(string path) => path.Count(c => c == '/' || c == Path.DirectorySeparatorChar);
        while (pending.TryPop(out var folder))
        {
            IEnumerator<string> files;
            try
            {
                // The folder is opened here (and read in MoveNext below): either can be refused.
                files = new FileSystemEnumerable<string>(folder, static (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), OneFolder)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                    {
                        // Only links: on Windows other reparse points (OneDrive's files-on-demand folders) are ordinary folders.
                        if (entry.IsDirectory && !IsVersionControl(entry.FileName)
                            && (depth is null || Separators(entry.ToSpecifiedFullPath()) - rootSeparators - 1 < depth)
                            && ((entry.Attributes & FileAttributes.ReparsePoint) == 0 || new DirectoryInfo(entry.ToFullPath()).LinkTarget is null))
                        {
                            pending.Push(entry.ToSpecifiedFullPath());
                        }
                        return !entry.IsDirectory;
                    },
                }.GetEnumerator();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(UnreadableFolder(folder, e));
                continue;
            }
            using (files)
            {
                while (true)
                {
                    try
                    {
                        if (!files.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        problems.Add(UnreadableFolder(folder, e));
                        break;
                    }
                    yield return files.Current;
                }
            }
        }
    }

    private static Finding UnreadableFolder(string folder, Exception e)
    {
        var shown = Display(folder);
        var (reason, reasonEn) = Reason(e, Path.GetFullPath(folder), shown);
        return Problem(shown, $"无法读取目录 {shown}：{reason}。其中的报告没有检查。", $"Cannot read the directory {shown}: {reasonEn}. The reports in it were not checked.");
    }

    /// <summary>
    /// Why a file or folder could not be read, for a message: no permission said as such, anything else in the system's
    /// words — which carry the absolute path, so people get the path as they gave it.
    /// </summary>
    private static (string Reason, string ReasonEn) Reason(Exception e, string? fullPath, string shown)
    {
        if (e is UnauthorizedAccessException)
        {
            return ("没有读取权限", "permission denied");
        }
        var text = (fullPath is null ? e.Message : e.Message.Replace(fullPath, shown)).TrimEnd('.');
        return (text, text);
    }

    /// <summary>
    /// A report file's bytes, or why they cannot be had: too large (checked before reading, so a huge file is never
    /// loaded; standard input and pipes are read no further than the limit), gone, or unreadable. A named pipe is
    /// opened without waiting for a writer (<see cref="FileBytes.Open"/>). One open, the length from the handle, one
    /// read: this runs once per file.
    /// </summary>
    public static (byte[]? Bytes, Finding? Problem) ReadAll(InputFile file)
    {
        try
        {
            if (file.IsStandardInput)
            {
                using var stdin = Console.OpenStandardInput();
                return FileBytes.ReadUpTo(stdin, ReportReader.MaxBytes) is { } input ? (input, null) : (null, ReportReader.TooLarge(file.DisplayPath, null));
            }
            var (bytes, length) = FileBytes.ReadAll(file.FullPath!, ReportReader.MaxBytes);
            return bytes is not null ? (bytes, null) : (null, ReportReader.TooLarge(file.DisplayPath, length));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, Unreadable(file, "文件已不存在（可能是失效的链接，或在检查时被删除）", "the file no longer exists (a broken link, or deleted while checking)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (reason, reasonEn) = Reason(e, file.FullPath, file.DisplayPath);
            return (null, Unreadable(file, reason, reasonEn));
        }
    }

    private static Finding Unreadable(InputFile file, string reason, string reasonEn) =>
        new(file.DisplayPath, InputRule.Unreadable.Id, InputRule.Unreadable.Severity, $"无法读取文件：{reason}。", $"Cannot read the file: {reasonEn}.", 1, 1) { IsInputError = true };

    internal static Finding Problem(string path, string message, string messageEn) =>
        new(path, InputRule.Unreadable.Id, InputRule.Unreadable.Severity, message, messageEn, 1, 1) { IsInputError = true };

    /// <summary>
    /// Paths relative to the working directory when inside it, with forward slashes, so output is the same on every
    /// machine. Only the system's own separator becomes '/': on Linux and macOS a backslash is a character of a name
    /// (a file called <c>a\b.json</c>), and turning it into '/' would point at another file.
    /// </summary>
    public static string Display(string path) => Display(Path.GetFullPath(path), Environment.CurrentDirectory, out _);

    private static string Display(string full, string directory, out bool relativeToDirectory)
    {
        var relative = Path.GetRelativePath(directory, full);
        relativeToDirectory = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return (relativeToDirectory ? relative : full).Replace(Path.DirectorySeparatorChar, '/');
    }
}
