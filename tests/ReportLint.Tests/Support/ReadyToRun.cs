using System.Reflection.PortableExecutable;

namespace ReportLint.Tests.Support;

/// <summary>Whether an assembly carries precompiled (ReadyToRun) code besides its IL.</summary>
public static class ReadyToRun
{
    public static bool IsPrecompiled(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        return pe.PEHeaders.CorHeader.ShouldNotBeNull("not a .NET assembly").ManagedNativeHeaderDirectory.Size > 0;
    }

    public static bool IsPrecompiled(string path) => IsPrecompiled(File.OpenRead(path));
}
