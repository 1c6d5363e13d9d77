using Microsoft.Win32.SafeHandles;

namespace ReportLint.Reading;

/// <summary>Reading a report file through one handle, as the checker and the pairing pass both do.</summary>
public static class FileBytes
{
    /// <summary>Reads from the start of the file until <paramref name="buffer"/> is full or the file ends; how many bytes came.</summary>
    public static int Fill(SafeFileHandle handle, Span<byte> buffer)
    {
        var read = 0;
        for (int n; read < buffer.Length && (n = RandomAccess.Read(handle, buffer[read..], read)) > 0;)
        {
            read += n;
        }
        return read;
    }
}
