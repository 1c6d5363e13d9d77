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
    private readonly List<(string Display, bool Relative)> directories = [];
    private readonly Dictionary<string, int> directoryIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> directoryLookup;
    private readonly List<char[]> blocks = [];
    private int blockUsed = BlockSize;
    private Entry[] entries = new Entry[16];
    private int count;

    /// <summary>
    /// A file: its directory (-1 for standard input) and where its name is, block × <see cref="BlockSize"/> + offset;
    /// the character there is the name's length, the name follows.
    /// </summary>
    private readonly record struct Entry(int Directory, int Name);

    public InputFileList(string currentDirectory)
    {
        this.currentDirectory = currentDirectory;
        directoryLookup = directoryIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => count;

    public bool HasStandardInput => entries.AsSpan(0, count).Contains(StandardInputEntry);

    private static readonly Entry StandardInputEntry = new(-1, 0);
    private const int NoName = -1;

    public InputFile this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            var entry = entries[index];
            if (entry.Directory < 0)
            {
                return InputFile.StandardInput;
            }
            var (display, relative) = directories[entry.Directory];
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
            directories.Add((text, relative));
            directoryIndex.Add(text, folderIndex);
        }
        var name = displayPath.AsSpan(slash);
        if (name.IsEmpty)
        {
            Append(new Entry(folderIndex, NoName));
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
        Append(new Entry(folderIndex, ((blocks.Count - 1) * BlockSize) + blockUsed));
        blockUsed += 1 + name.Length;
    }

    private void Append(Entry entry)
    {
        if (count == entries.Length)
        {
            Array.Resize(ref entries, Math.Max(16, count * 2));
        }
        entries[count++] = entry;
    }

    private ReadOnlySpan<char> Name(Entry entry)
    {
        if (entry.Directory < 0 || entry.Name == NoName)
        {
            return [];
        }
        var block = blocks[entry.Name / BlockSize];
        var start = entry.Name % BlockSize;
        return block.AsSpan(start + 1, block[start]);
    }

    private ReadOnlySpan<char> Folder(Entry entry) => entry.Directory < 0 ? InputFiles.StandardInput : directories[entry.Directory].Display;

    /// <summary>Puts the files in path order (ordinal, as the shown paths compare) and drops repeats: a file named twice is checked once.</summary>
    internal void SortAndDeduplicate()
    {
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
        Array.Resize(ref entries, count);
        // Only Add needs to find a directory by its text; the list is complete once sorted.
        directoryIndex.Clear();
        directoryIndex.TrimExcess();
    }

    private int Compare(Entry a, Entry b) => a.Directory == b.Directory
        ? Name(a).SequenceCompareTo(Name(b))
        : CompareJoined(Folder(a), Name(a), Folder(b), Name(b));

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
