using System.Reflection;

namespace ReportLint.Tests.Support;

/// <summary>Every verified snapshot belongs to a test that still exists; a stale one fails the build's tests.</summary>
public class SnapshotHygieneTests
{
    [Fact]
    public void Every_snapshot_file_belongs_to_an_existing_test()
    {
        var tests = typeof(SnapshotHygieneTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => t.Name + "." + m.Name))
            .ToHashSet(StringComparer.Ordinal);
        var stale = System.IO.Directory.EnumerateFiles(Snapshot.Directory, "*.verified.txt")
            .Select(Path.GetFileName)
            .Select(f => f!.Replace(".verified.txt", ""))
            .Where(name => !tests.Contains(name) && !tests.Contains(name[..Math.Max(0, name.LastIndexOf('_'))]))
            .Where(name => !tests.Any(t => name.StartsWith(t + "_", StringComparison.Ordinal)))
            .ToList();
        stale.ShouldBeEmpty("stale snapshot files: " + string.Join(", ", stale));
    }
}
