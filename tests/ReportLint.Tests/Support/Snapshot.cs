using System.Runtime.CompilerServices;

namespace ReportLint.Tests.Support;

/// <summary>
/// Verify-style snapshots (Verify itself is not in our feed): Snapshots/{Class}.{Method}[_{case}].verified.txt.
/// A mismatch writes .received.txt beside it and fails. UPDATE_SNAPSHOTS=1 accepts the new text, never when CI is set.
/// </summary>
public static class Snapshot
{
    public static string Directory => Path.Combine(Paths.ProjectDirectory, "Snapshots");

    public static void Match(object test, string actual, string? caseName = null, [CallerMemberName] string method = "")
    {
        var name = $"{test.GetType().Name}.{method}{(caseName is null ? "" : "_" + caseName)}";
        var verified = Path.Combine(Directory, name + ".verified.txt");
        var received = Path.Combine(Directory, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");
        if (!actual.EndsWith('\n'))
        {
            actual += "\n";
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        var accept = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") is null;
        System.IO.Directory.CreateDirectory(Directory);
        if (accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        if (expected is null)
        {
            throw new Xunit.Sdk.XunitException($"No snapshot {name}.verified.txt yet. Review {received} and rerun with UPDATE_SNAPSHOTS=1 to accept it.");
        }
        actual.ShouldBe(expected, $"Snapshot {name} differs; the new output is in {received}. Rerun with UPDATE_SNAPSHOTS=1 to accept.");
    }
}
