using System.Text.Json.Nodes;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.EndToEnd;

/// <summary>`reportlint import` and `reportlint export` as a user runs them.</summary>
public class ImportCommandTests
{
    private static string Shared(string relative) => Path.Combine(Paths.Shared, relative);

    [Fact]
    public void One_file_goes_to_standard_output_and_its_diagnostics_to_standard_error()
    {
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "import", Shared("seeds/000_1c6b722cb07b2c5a.txt"));

        exit.ShouldBe(0);
        var json = JsonNode.Parse(stdout)!;
        json["agency"]!["name"]!.GetValue<string>().ShouldBe("呼和浩特市新城区人民政府");
        json["tables"]!["requests"]!["new_received"]!["total"]!.GetValue<decimal>().ShouldBe(85);
        stderr.ShouldContain("RL0209");
        // The summary says what was done: imported, not checked.
        stderr.ShouldContain("共导入 1 个文件：");
        stderr.ShouldNotContain("共检查");
    }

    [Fact]
    public void A_directory_imports_to_a_directory_and_the_result_lints_with_the_real_mistakes_found()
    {
        var output = Path.Combine(Scratch.Directory("import-cli"), "json");
        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "import", Shared("reports"), "-o", output, "--format", "msbuild");

        exit.ShouldBe(0, stdout);
        Directory.GetFiles(output).Select(Path.GetFileName).Order().ShouldBe(
            ["2023_hongzequ-2.json", "2023_hongzequ.json", "2024_hongzequ-2.json", "2024_hongzequ.json", "2024_huaianshi-2.json", "2024_huaianshi.json"]);
        stdout.ShouldContain("message RL0213");

        var (lintExit, lintOut, _) = ReportLintProcess.Run(Paths.RepoRoot, output, "--format", "msbuild");
        lintExit.ShouldBe(1);
        lintOut.Split('\n').Count(l => l.Contains("error RL1004", StringComparison.Ordinal)).ShouldBe(4, "表四 totals of 2023 洪泽区, from the text and from the PDF");
    }

    [Fact]
    public void A_directory_of_one_report_is_written_to_a_directory()
    {
        // `import pages/ -o json` wrote a file named json while pages/ held one report, and a directory from the second on.
        var input = Scratch.Directory("import-one");
        File.Copy(Shared("seeds/000_1c6b722cb07b2c5a.txt"), Path.Combine(input, "新城区.txt"));
        var output = Path.Combine(input, "json");

        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "import", input, "-o", output);

        exit.ShouldBe(0, stdout);
        Directory.GetFiles(output).Select(Path.GetFileName).ShouldBe(["新城区.json"]);
    }

    [Fact]
    public void A_directory_of_word_documents_imports_and_lints()
    {
        // .docx was "binary, not text, HTML or PDF", and a directory import passed over it without a word.
        var input = Scratch.Directory("import-word");
        File.Copy(Path.Combine(Paths.Fixtures, "word", "2024_huaianshi.docx"), Path.Combine(input, "淮安市2024.docx"));
        var output = Path.Combine(input, "json");

        var (exit, stdout, _) = ReportLintProcess.Run(Paths.RepoRoot, "import", input, "-o", output, "--format", "msbuild");

        exit.ShouldBe(0, stdout);
        Directory.GetFiles(output).Select(Path.GetFileName).ShouldBe(["淮安市2024.json"]);
        var (lintExit, lintOut, _) = ReportLintProcess.Run(Paths.RepoRoot, output, "--format", "msbuild");
        lintExit.ShouldBe(0, lintOut);
    }

    [Fact]
    public void A_source_that_is_not_there_is_RL0201()
    {
        // Was the checker's RL0101, though docs/importing.md and `explain RL0201` say RL0201.
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "import", "no/such/report.txt", "--format", "msbuild");
        exit.ShouldBe(2);
        (stdout + stderr).ShouldContain("no/such/report.txt(1,1): error RL0201: 找不到文件或目录：no/such/report.txt");
    }

    [Fact]
    public void The_summary_does_not_count_a_source_that_was_not_imported()
    {
        // It said "共导入 2 个文件" (imported 2 files) when one of the two did not exist.
        var output = Scratch.Directory("import-summary");
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "import", "no/such/report.txt", Shared("reports/2024_huaianshi.txt"), "-o", output);
        exit.ShouldBe(2);
        (stdout + stderr).ShouldContain("共 2 个文件，导入了 1 个：1 个错误，");
        File.Exists(Path.Combine(output, "2024_huaianshi.json")).ShouldBeTrue();
    }

    [Fact]
    public void Several_files_without_an_output_directory_is_a_usage_error()
    {
        var (exit, _, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "import", Shared("seeds"));

        exit.ShouldBe(2);
        stderr.ShouldContain("-o");
    }

    [Theory]
    // --year 2010 imported under a template picked from the labels, and wrote JSON the checker then refused; an unknown
    // --template was a per-file import error.
    [InlineData("--year", "2010", "reportlint import: --year 2010：没有适用于 2010 年度的模板（2019（2019–2020 年度）、2021（2021– 年度））。请核对年度，或用 --template 指定模板。")]
    [InlineData("--template", "2020", "reportlint import: --template 2020：没有这个模板。可用的模板：2019（2019–2020 年度）、2021（2021– 年度）。2020 年度的报告适用模板 2019。")]
    public void A_year_or_template_no_template_fits_is_a_usage_error_before_any_file(string option, string value, string says)
    {
        var (exit, stdout, stderr) = ReportLintProcess.Run(Paths.RepoRoot, "import", Shared("reports/2023_hongzequ.txt"), option, value);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe(says);
    }

    [Fact]
    public void A_pdf_without_pdftotext_says_how_to_install_it()
    {
        var (exit, _, stderr) = ReportLintProcess.RunWithEnvironment(Paths.RepoRoot, null,
            new Dictionary<string, string> { ["REPORTLINT_PDFTOTEXT"] = "/nonexistent/pdftotext" },
            "import", Shared("reports/pdf/2024_huaianshi.pdf"));

        exit.ShouldBe(2);
        stderr.ShouldContain("RL0211");
        stderr.ShouldContain("apt-get install poppler-utils");
    }

    [Fact]
    public void Export_writes_one_row_per_cell_and_keeps_blanks_blank()
    {
        var directory = Scratch.Directory("export");
        File.Copy(Path.Combine(Paths.Examples, "003_33dd7dc401233ec9.json"), Path.Combine(directory, "003.json"));
        File.WriteAllText(Path.Combine(directory, "blank.json"),
            File.ReadAllText(Path.Combine(Paths.Examples, "002_d7e6bacd7eea9ab0.json")).Replace("\"licensing\":           { \"decisions\": 0 }", "\"licensing\": { \"decisions\": null }", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "broken.json"), "{ \"year\": ");

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", ".");

        exit.ShouldBe(2, "broken.json could not be read");
        stderr.ShouldContain("broken.json");
        var rows = stdout.TrimEnd('\n').Split('\n');
        rows[0].ShouldBe("file,agency,kind,year,template,table,table_label,row,row_label,column,column_label,value,value_kind,unit");
        // 003 gives （六）其他处理 as one row: 200 cells less 3 × 7 sub-rows plus the 7 of the group row.
        rows.Count(r => r.StartsWith("003.json,", StringComparison.Ordinal)).ShouldBe(186);
        rows.Count(r => r.StartsWith("blank.json,", StringComparison.Ordinal)).ShouldBe(200);
        rows.ShouldContain("blank.json,北海高新区管委会,government,2024,2021,proactive,表二,licensing,行政许可,decisions,本年处理决定数量,,blank,");
        rows.ShouldContain("003.json,大同市云州区,government,2021,2021,requests,表三,other_processing,（六）其他处理,total,总计,0,number,");
    }

    [Fact]
    public void Export_writes_a_missing_cell_as_missing_and_succeeds()
    {
        // Exited 2 with RL0106 on standard error: every partly imported report failed its export.
        var directory = ReportLintProcess.Workspace();
        var report = Path.Combine(directory, "reports", "000_1c6b722cb07b2c5a.json");
        File.WriteAllText(report, Lint.Mutate(File.ReadAllText(report), "\"other_result\": 0, \"pending\": 5,", "\"pending\": 5,"));
        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", "reports/000_1c6b722cb07b2c5a.json");
        exit.ShouldBe(0, stderr);
        stderr.ShouldBeEmpty();
        stdout.Split('\n').ShouldContain(l => l.Contains(",appeals,", StringComparison.Ordinal) && l.Contains(",review,", StringComparison.Ordinal) && l.Contains(",other_result,", StringComparison.Ordinal) && l.EndsWith(",missing,", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_defuses_text_a_spreadsheet_would_run_but_keeps_negative_numbers()
    {
        // "-1+cmd|' /C calc'!A0" was written as is: a spreadsheet runs a cell starting with - as a formula.
        var directory = Scratch.Directory("export");
        File.Copy(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"), Path.Combine(directory, "2019.json"));
        File.WriteAllText(Path.Combine(directory, "text.json"), Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"),
            "{ \"decisions\": 815 }", "{ \"decisions\": \"-1+cmd|' /C calc'!A0\" }"));

        var (_, stdout, _) = ReportLintProcess.Run(directory, "export", ".");

        var rows = stdout.TrimEnd('\n').Split('\n');
        rows.Single(r => r.StartsWith("text.json,", StringComparison.Ordinal) && r.Contains(",penalty,", StringComparison.Ordinal))
            .ShouldEndWith(",'-1+cmd|' /C calc'!A0,text,");
        rows.ShouldContain(r => r.StartsWith("2019.json,", StringComparison.Ordinal) && r.EndsWith(",-2,number,", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_names_the_cells_it_could_not_take_and_exits_2()
    {
        // A cell holding true and a column the template lacks were left out of the rows without a word, exit 0.
        var directory = Scratch.Directory("export");
        File.WriteAllText(Path.Combine(directory, "odd.json"), Lint.Mutate(Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"),
            "{ \"decisions\": 815 }", "{ \"decisions\": true }"), "{ \"decisions\": 128 }", "{ \"decisions\": 128, \"amount\": 1 }"));

        var (exit, stdout, stderr) = ReportLintProcess.Run(directory, "export", "odd.json");

        exit.ShouldBe(2);
        stderr.ShouldContain("error RL0107:");
        stderr.ShouldContain("error RL0105:");
        // The true is a row of kind invalid, as written (it was left out of the rows).
        stdout.TrimEnd('\n').Split('\n').Length.ShouldBe(1 + 200);
        stdout.ShouldContain(",penalty,行政处罚,decisions,本年处理决定数量,true,invalid,");
    }
}
