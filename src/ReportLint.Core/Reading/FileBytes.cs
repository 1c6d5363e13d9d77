using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReportLint.Reading;

/// <summary>
/// Reading files through one handle, never waiting on a pipe and never past a limit: reports (the check and the pairing
/// pass), the configuration, baselines and sources to import.
/// </summary>
public static partial class FileBytes
{
    /// <summary>
    /// Opens a file to read, or null when it is known to have no bytes without opening it. Never waits for a writer:
    /// opening a named pipe (FIFO) the ordinary way waits until something opens it for writing — forever, when nothing
    /// does — and one such file named *.json stopped a whole run. Throws as <see cref="File.OpenHandle"/> does for a
    /// missing or unreadable file. A pipe has no length (<see cref="LengthOf"/>): read it as it comes, once.
    /// </summary>
    public static SafeFileHandle? Open(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            // O_NONBLOCK makes open(2) return at once for a pipe that has no writer (reading it then gives end of file at
            // once); for a regular file it changes nothing. It is turned off again, so that reading a pipe that does have
            // a writer (`reportlint <(curl …)`) waits for its data instead of failing with EAGAIN.
            var descriptor = OpenNative(path, ReadOnly | NonBlocking | CloseOnExec);
            if (descriptor < 0)
            {
                throw OpenError(path, Marshal.GetLastPInvokeError());
            }
            var handle = new SafeFileHandle(descriptor, ownsHandle: true);
            if (Fcntl(descriptor, SetStatusFlags, ReadOnly) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                handle.Dispose();
                throw OpenError(path, errno);
            }
            return handle;
        }
        // Elsewhere one stat first (FileInfo): a pipe or device has length 0 and is not opened, so it reads as empty.
        // Windows has no such files in folders; macOS and the BSDs do, but their open(2) flags differ and cannot be
        // tested here.
        return new FileInfo(path).Length == 0 ? null : File.OpenHandle(path);
    }

    /// <summary>The length of an open file, or null for a pipe: it cannot seek, so it has no length and can be read only once, as it comes.</summary>
    public static long? LengthOf(SafeFileHandle handle)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// A whole file — a report, a configuration, a baseline, a source to import — or null when it is over
    /// <paramref name="limit"/> bytes. A regular file over the limit is not read at all (<c>Length</c> says how large it
    /// is); a pipe is read no further than just past it (<c>Length</c> null: it has none), and so is a file that says it
    /// has no bytes (a device such as /dev/zero, a file under /proc). Opened with
    /// <see cref="Open"/>, so a named pipe nothing writes to never makes this wait.
    /// </summary>
    public static FileContent ReadAll(string path, int limit)
    {
        using var handle = Open(path);
        if (handle is null)
        {
            return new([], 0);
        }
        // Length 0 is an empty file, or a device or /proc file, which has bytes all the same (/dev/zero without end): both
        // are read as they come, which for an empty file is one read of nothing.
        if (LengthOf(handle) is not { } length || length == 0)
        {
            using var pipe = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            return new(ReadUpTo(pipe, limit), null);
        }
        if (length > limit)
        {
            return new(null, length);
        }
        var bytes = new byte[length];
        var read = Fill(handle, bytes);
        return new(read == bytes.Length ? bytes : bytes[..read], length);
    }

    /// <summary>
    /// Everything a stream gives (standard input, a pipe) up to <paramref name="limit"/> bytes; null once it has given
    /// more — it is not read further then: a pipe that never ends (`yes | reportlint -`) would fill memory.
    /// </summary>
    public static byte[]? ReadUpTo(Stream stream, int limit)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[64 * 1024];
        for (int n; (n = stream.Read(chunk)) > 0;)
        {
            copy.Write(chunk, 0, n);
            if (copy.Length > limit)
            {
                return null;
            }
        }
        return copy.ToArray();
    }

    // Linux's open(2) and fcntl(2) values, the same on every architecture .NET runs on.
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800; // O_NONBLOCK, 0o4000
    private const int CloseOnExec = 0x80000; // O_CLOEXEC, 0o2000000
    private const int SetStatusFlags = 4; // F_SETFL

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command, int argument);

    /// <summary>The exception <see cref="File.OpenHandle"/> throws for the same error number (Linux's errno values).</summary>
    private static Exception OpenError(string path, int errno) => errno switch
    {
        2 or 20 => new FileNotFoundException($"Could not find file '{path}'.", path), // ENOENT, ENOTDIR
        1 or 13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."), // EPERM, EACCES
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'"),
    };

    /// <summary>
    /// Why a file could not be read, in words for the message (Chinese, English): .NET's own text ("Could not find file
    /// '…'") is English only. Other I/O errors keep the system's text.
    /// </summary>
    public static (string Chinese, string English) Why(Exception error, string path) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => ("找不到这个文件", "no such file"),
        UnauthorizedAccessException when Directory.Exists(path) => ("这是一个目录，不是文件", "it is a folder, not a file"),
        UnauthorizedAccessException => ("没有读取权限", "permission denied"),
        IOException when Directory.Exists(path) => ("这是一个目录，不是文件", "it is a folder, not a file"),
        _ => (error.Message.TrimEnd('.'), error.Message.TrimEnd('.')),
    };

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

/// <summary>
/// What <see cref="FileBytes.ReadAll"/> read: the bytes, or null when over the limit; the file's length (null for a pipe,
/// which has none). A type of its own, not a tuple: a tuple of these is compiled at every start (ReadyToRun cannot
/// precompile it), and every run reads a file.
/// </summary>
public readonly record struct FileContent(byte[]? Bytes, long? Length);
