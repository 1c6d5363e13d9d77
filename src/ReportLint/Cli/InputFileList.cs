using System.Collections;

namespace ReportLint.Cli;

/// <summary>
/// The files of a run, in path order, each once — kept small, because a run over 100,000 files holds this list from
/// start to end and it decides whether memory grows with the number of files. Each directory is stored once; a file is
/// its directory's number and where its name is in 32 KB blocks of characters, the name's length before it: about 45
/// bytes a file where a path string and an object were about 160 (blocks, not one growing array, so no large copies
/// are left behind for the garbage collector). An <see cref="InputFile"/> is made when one is asked for.
/// </summary>
public sealed class InputFileList : IReadOnlyList<InputFile>
{
    private const int BlockSize = 16 * 1024;

    private readonly string currentDirectory;
    private readonly List<Folder> directories = [];
    private readonly Dictionary<string, int> directoryIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> directoryLookup;
    private readonly List<char[]> blocks = [];
    private int blockUsed = BlockSize;
    // A file is one long: its directory (-1 for standard input) in the high half; in the low half where its name is,
    // block × BlockSize + offset (the character there is the name's length, the name follows), or NoName. Generic
    // framework code over value types is JIT-compiled at every start (ReadyToRun cannot precompile it), and a one-file
    // run is mostly start-up: so the array is grown, searched and copied by hand, and sorted only when there are two.
    private long[] entries = new long[16];
    private int count;

    private static long Entry(int directory, int name) => ((long)directory << 32) | (uint)name;

    private static int DirectoryOf(long entry) => (int)(entry >> 32);

    private static int NameOf(long entry) => (int)entry;

    /// <summary>A directory as shown (with its trailing slash), and whether that is relative to the working directory.</summary>
    private sealed record Folder(string Display, bool Relative);

    public InputFileList(string currentDirectory)
    {
        this.currentDirectory = currentDirectory;
        directoryLookup = directoryIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => count;

    public bool HasStandardInput
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                if (entries[i] == StandardInputEntry)
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static readonly long StandardInputEntry = Entry(-1, 0);
    private const int NoName = -1;

    public InputFile this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            var entry = entries[index];
            if (DirectoryOf(entry) < 0)
            {
                return InputFile.StandardInput;
            }
            var (display, relative) = directories[DirectoryOf(entry)];
            return InputFile.OnDisk(string.Concat(display, Name(entry)), relative ? currentDirectory : null);
        }
    }

    internal void AddStandardInput() => Append(StandardInputEntry);

    /// <summary>Adds a file by its shown path (relative to the working directory when <paramref name="relative"/>).</summary>
    internal void Add(string displayPath, bool relative)
    {
        var slash = displayPath.LastIndexOf('/') + 1;
        if (displayPath.Length - slash >= BlockSize)
        {
            // No file system has a name this long; were there one, the whole path is kept as its "directory".
            slash = displayPath.Length;
        }
        var folder = displayPath.AsSpan(0, slash);
        if (!directoryLookup.TryGetValue(folder, out var folderIndex))
        {
            folderIndex = directories.Count;
            var text = folder.ToString();
            directories.Add(new Folder(text, relative));
            directoryIndex.Add(text, folderIndex);
        }
        var name = displayPath.AsSpan(slash);
        if (name.IsEmpty)
        {
            Append(Entry(folderIndex, NoName));
            return;
        }
        if (blockUsed + 1 + name.Length > BlockSize)
        {
            // A name never spans two blocks.
            blocks.Add(new char[BlockSize]);
            blockUsed = 0;
        }
        var block = blocks[^1];
        block[blockUsed] = (char)name.Length;
        name.CopyTo(block.AsSpan(blockUsed + 1));
        Append(Entry(folderIndex, ((blocks.Count - 1) * BlockSize) + blockUsed));
        blockUsed += 1 + name.Length;
    }

    private void Append(long entry)
    {
        if (count == entries.Length)
        {
            Resize(Math.Max(16, count * 2));
        }
        entries[count++] = entry;
    }

    private ReadOnlySpan<char> Name(long entry)
    {
        var name = NameOf(entry);
        if (DirectoryOf(entry) < 0 || name == NoName)
        {
            return [];
        }
        var block = blocks[name / BlockSize];
        var start = name % BlockSize;
        return block.AsSpan(start + 1, block[start]);
    }

    private ReadOnlySpan<char> FolderOf(long entry) => DirectoryOf(entry) < 0 ? InputFiles.StandardInput : directories[DirectoryOf(entry)].Display;

    private void Resize(int length)
    {
        var resized = new long[length];
        Array.Copy(entries, resized, count);
        entries = resized;
    }

    /// <summary>Puts the files in path order (ordinal, as the shown paths compare) and drops repeats: a file named twice is checked once.</summary>
    internal void SortAndDeduplicate()
    {
        if (count < 2)
        {
            return;
        }
        var files = entries.AsSpan(0, count);
        files.Sort(Compare);
        var kept = 0;
        foreach (var entry in files)
        {
            if (kept == 0 || Compare(entry, files[kept - 1]) != 0)
            {
                files[kept++] = entry;
            }
        }
        count = kept;
        Resize(count);
        // Only Add needs to find a directory by its text; the list is complete once sorted.
        directoryIndex.Clear();
        directoryIndex.TrimExcess();
    }

    private int Compare(long a, long b) => DirectoryOf(a) == DirectoryOf(b)
        ? Name(a).SequenceCompareTo(Name(b))
        : CompareJoined(FolderOf(a), Name(a), FolderOf(b), Name(b));

    /// <summary>Compares <paramref name="a1"/> + <paramref name="a2"/> with <paramref name="b1"/> + <paramref name="b2"/>, ordinally, without joining them.</summary>
    private static int CompareJoined(ReadOnlySpan<char> a1, ReadOnlySpan<char> a2, ReadOnlySpan<char> b1, ReadOnlySpan<char> b2)
    {
        while (true)
        {
            if (a1.IsEmpty)
            {
                a1 = a2;
                a2 = [];
            }
            if (b1.IsEmpty)
            {
                b1 = b2;
                b2 = [];
            }
            if (a1.IsEmpty || b1.IsEmpty)
            {
                // One has run out (its second part was empty too): the shorter comes first.
                return a1.IsEmpty ? (b1.IsEmpty ? 0 : -1) : 1;
            }
            var length = Math.Min(a1.Length, b1.Length);
            var order = a1[..length].SequenceCompareTo(b1[..length]);
            if (order != 0)
            {
                return order;
            }
            a1 = a1[length..];
            b1 = b1[length..];
        }
    }

    public IEnumerator<InputFile> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
