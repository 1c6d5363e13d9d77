using ReportLint.Reading;

namespace ReportLint.Cli;

/// <summary>
/// The file an output path (<c>-o</c>) would overwrite, to tell whether it is also one of the inputs. Paths are
/// compared in full with every link on the way followed (a folder reached through a link, a file that is a link), so
/// <c>export a.json -o ./link-to-a.json</c> is found out too; a second hard link to a file is not.
/// </summary>
public sealed class OutputFile
{
    private const int MaxLinks = 40;

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    // Inputs are mostly many files in a few folders: each folder is resolved once.
    private readonly Dictionary<string, string> folders = new(PathComparer);
    private readonly string resolved;

    private OutputFile(string path) => resolved = Resolve(Path.GetFullPath(path), 0);

    /// <summary>The file <paramref name="path"/> names, or null when there is none yet: then writing it overwrites nothing.</summary>
    public static OutputFile? Existing(string path) => File.Exists(path) ? new OutputFile(path) : null;

    /// <summary>Whether <paramref name="path"/> (relative to the working directory, or full) is this file.</summary>
    public bool Is(string path) => PathComparer.Equals(ResolveFile(Path.GetFullPath(path)), resolved);

    /// <summary>
    /// Whether the file holds a report: a JSON object, where an earlier export is an array or CSV. Only the first bytes
    /// are read, and a pipe or device not at all (it has no length to tell: reading it would wait or take its data).
    /// </summary>
    public static bool HoldsReport(string path)
    {
        try
        {
            using var handle = FileBytes.Open(path);
            if (handle is null || FileBytes.LengthOf(handle) is not > 0)
            {
                return false;
            }
            Span<byte> start = stackalloc byte[64];
            var read = RandomAccess.Read(handle, start, 0);
            var text = start[..read];
            if (text.StartsWith("\uFEFF"u8))
            {
                text = text[3..];
            }
            var first = text.IndexOfAnyExcept(" \t\r\n"u8);
            return first >= 0 && text[first] == (byte)'{';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not readable: not read as an input either, so nothing of it can be lost by reading.
            return false;
        }
    }

    private string ResolveFile(string full)
    {
        var folder = Path.GetDirectoryName(full);
        if (folder is null)
        {
            return full;
        }
        if (!folders.TryGetValue(folder, out var resolvedFolder))
        {
            resolvedFolder = Resolve(folder, 0);
            folders[folder] = resolvedFolder;
        }
        return FollowLink(Path.Join(resolvedFolder, Path.GetFileName(full)), 0);
    }

    /// <summary>A full path with the links in it followed, from the root down; the path as it is past <see cref="MaxLinks"/> (a loop).</summary>
    private static string Resolve(string full, int links)
    {
        var parent = Path.GetDirectoryName(full);
        return parent is null ? full : FollowLink(Path.Join(Resolve(parent, links), Path.GetFileName(full)), links);
    }

    /// <summary>The path a link at <paramref name="path"/> (whose folders are resolved) points to, resolved; any other path as it is.</summary>
    private static string FollowLink(string path, int links)
    {
        if (links >= MaxLinks)
        {
            return path;
        }
        FileSystemInfo? target;
        try
        {
            target = File.ResolveLinkTarget(path, returnFinalTarget: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
        return target is null ? path : Resolve(Path.GetFullPath(target.FullName), links + 1);
    }
}
