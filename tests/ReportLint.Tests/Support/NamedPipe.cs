using System.Runtime.InteropServices;

namespace ReportLint.Tests.Support;

/// <summary>Named pipes (FIFOs) for the tests that check reportlint never waits on one (Linux and macOS: mkfifo(3)).</summary>
public static class NamedPipe
{
    /// <summary>Makes a FIFO at <paramref name="path"/> that nothing writes to.</summary>
    public static void Create(string path) => MakeFifo(path, 0b110_100_100).ShouldBe(0, $"mkfifo {path}");

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
