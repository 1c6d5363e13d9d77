using ReportLint.Cli;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>
/// The command line expanded into files (InputFiles.Expand): the files are kept as a directory number and a name, not
/// as paths, so the order and the paths shown must still be exactly those of the whole paths, sorted ordinally.
/// </summary>
public class InputFilesTests
{
    // Names that sort differently as whole paths than as directory, then name ("a-b/…" comes between "a.json" and
    // "a/…": '-' < '.' < '/'), upper case before lower, and Chinese names.
    private static readonly string[] Files =
    [
        "a.json", "a/b.json", "a/b/c.json", "a-b/c.json", "ab.json", "A.json", "a/B.json", "中文/洪泽区人民政府.json",
        "中文/洪泽区.json", "z.JSON", "a/b/c/d/e/f.json", "back\\slash.json",
    ];

    private static string Tree()
    {
        var root = Scratch.Directory("inputs");
        foreach (var file in Files.Append("a/notes.txt"))
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
        return root;
    }

    [Fact]
    public void Files_are_listed_in_ordinal_order_of_their_whole_shown_paths_each_once()
    {
        var root = Tree();

        // The same files reached three ways (the folder, a file by name, a pattern) and standard input.
        var (files, problems) = InputFiles.Expand([root, Path.Combine(root, "a", "b.json"), root + "/a/**/*.json", "-"]);

        problems.ShouldBeEmpty();
        // On Linux and macOS back\slash.json is one file name, shown as it is; on Windows it is a folder and a file.
        var expected = Files.Select(f => Path.Combine(root, f).Replace(Path.DirectorySeparatorChar, '/')).Append("-").Order(StringComparer.Ordinal).ToList();
        files.Select(f => f.DisplayPath).ShouldBe(expected);
        files.Count.ShouldBe(expected.Count);
        files.HasStandardInput.ShouldBeTrue();
        files[0].IsStandardInput.ShouldBeTrue("'-' sorts before '/'");
        files.Skip(1).ShouldAllBe(f => !f.IsStandardInput && File.Exists(f.FullPath));
        // .txt is not a report; a file found twice is listed once.
        files.ShouldNotContain(f => f.DisplayPath.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_to_folders_inside_a_folder_are_not_followed_so_a_loop_ends_but_a_linked_folder_named_on_the_command_line_is_listed()
    {
        var root = Scratch.Directory("links");
        Directory.CreateDirectory(Path.Combine(root, "reports", "sub"));
        File.WriteAllText(Path.Combine(root, "reports", "sub", "a.json"), "{}");
        // A link back up the tree: followed, it lists sub/a.json again at every level until paths grow too long (and
        // two such links double that at every level: a run that never ends). One keeps this test quick if it regresses.
        Directory.CreateSymbolicLink(Path.Combine(root, "reports", "sub", "up"), Path.Combine(root, "reports"));
        File.CreateSymbolicLink(Path.Combine(root, "reports", "linked.json"), Path.Combine(root, "reports", "sub", "a.json"));
        Directory.CreateSymbolicLink(Path.Combine(root, "elsewhere"), Path.Combine(root, "reports", "sub"));

        var (files, problems) = InputFiles.Expand([Path.Combine(root, "reports"), Path.Combine(root, "elsewhere")]);

        problems.ShouldBeEmpty();
        files.Select(f => f.DisplayPath[(root.Length + 1)..]).ShouldBe(["elsewhere/a.json", "reports/linked.json", "reports/sub/a.json"]);
    }

    [Fact]
    public void Without_standard_input_the_list_says_so()
    {
        var (files, _) = InputFiles.Expand([Tree()]);

        files.HasStandardInput.ShouldBeFalse();
        files.Count.ShouldBe(Files.Length);
    }
}
