using System.Collections.Concurrent;

namespace ReportLint.Tests.Support;

/// <summary>Temporary folders for tests that run the CLI or a build; removed when the test run ends.</summary>
public static class Scratch
{
    private static readonly ConcurrentBag<string> Created = [];

    static Scratch() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var directory in Created)
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a folder still in use by a lingering build server stays behind in the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    };

    public static string Directory(string purpose)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reportlint-{purpose}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        Created.Add(directory);
        return directory;
    }
}
