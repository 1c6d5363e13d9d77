using ReportLint.Tests.Support;

namespace ReportLint.Tests.Narrative;

/// <summary>The two 洪泽区 reports (2023, 2024) as a real year-over-year pair, through the CLI.</summary>
public class YearOverYearTests
{
    private static string Pair()
    {
        var directory = Scratch.Directory("yoy");
        Directory.CreateDirectory(Path.Combine(directory, "2023"));
        Directory.CreateDirectory(Path.Combine(directory, "2024"));
        File.Copy(Path.Combine(Paths.Fixtures, "expected", "2023_hongzequ.json"), Path.Combine(directory, "2023", "hongzequ.json"));
        File.Copy(Path.Combine(Paths.Fixtures, "expected", "2024_hongzequ.json"), Path.Combine(directory, "2024", "hongzequ.json"));
        return directory;
    }

    [Fact]
    public void Both_years_checked_together_are_paired_by_agency_and_year()
    {
        // 2023 names itself 洪泽区人民政府, 2024 淮安市洪泽区人民政府: the same body.
        var directory = Pair();
        var (_, stdout, _) = ReportLintProcess.Run(directory, ".", "--format", "msbuild");
        // 2023 carried 0 forward in every column and 2024 carried 0 over: RL1201 holds.
        stdout.ShouldNotContain("2024/hongzequ.json(28");
        stdout.ShouldContain("2024/hongzequ.json(27,141): message RL1203: 本年新收申请 95 件，上年 21 件");
        var text = ReportLintProcess.Run(directory, ".").Out;
        text.ShouldContain("未检查的跨年度规则");
        text.ShouldContain("RL1201×1");
    }

    /// <summary>The 洪泽区 report of each year under other agency names, as files a.json, b.json … in this order, and their pairing.</summary>
    private static (ReportLint.Cli.PreviousYearIndex Index, Linter Linter) Pairing(params (int Year, string Name)[] reports)
    {
        var directory = Scratch.Directory("pairing");
        for (var i = 0; i < reports.Length; i++)
        {
            var report = File.ReadAllText(Path.Combine(Paths.Fixtures, "expected", $"{reports[i].Year}_hongzequ.json"));
            var named = System.Text.RegularExpressions.Regex.Replace(report, "\"name\": \"[^\"]+\"", $"\"name\": \"{reports[i].Name}\"", default, TimeSpan.FromSeconds(1));
            File.WriteAllText(Path.Combine(directory, $"{(char)('a' + i)}.json"), named);
        }
        var (files, problems) = ReportLint.Cli.InputFiles.Expand([directory]);
        problems.ShouldBeEmpty();
        return (ReportLint.Cli.PreviousYearIndex.Build(files, []), new Linter(ReportLint.Reading.TemplateRegistry.Default));
    }

    [Fact]
    public void Last_years_report_is_found_by_name_either_way_round_the_first_in_input_order_when_several_match()
    {
        var (index, linter) = Pairing((2024, "洪泽区人民政府"), (2023, "淮安市洪泽区人民政府"), (2024, "泗洪县人民政府"),
            (2023, "江苏省淮安市洪泽区人民政府"), (2024, "江苏省淮安市洪泽区人民政府"));

        // 洪泽区人民政府 (2024): both 2023 names end with it; b comes first.
        index.PreviousOf(0, linter).Report!.AgencyName.ShouldBe("淮安市洪泽区人民政府");
        index.PreviousOf(1, linter).Report.ShouldBeNull("b is a 2023 report and there is no 2022 one");
        index.PreviousOf(2, linter).Report.ShouldBeNull("no 2023 report of 泗洪县");
        // 江苏省淮安市洪泽区人民政府 (2024) ends with b's name and equals d's: b still comes first.
        index.PreviousOf(4, linter).Report!.AgencyName.ShouldBe("淮安市洪泽区人民政府");
    }

    [Fact]
    public void A_name_without_a_place_stands_only_for_itself()
    {
        // 县政府 (2023) was taken as last year's report of 洪泽县政府 (2024), and 市财政局 of 南京市财政局: such names end
        // every county's or city's name.
        var (index, linter) = Pairing((2024, "洪泽县政府"), (2023, "县政府"), (2024, "南京市财政局"), (2023, "市财政局"),
            (2024, "区人民政府"), (2023, "区人民政府"));

        index.PreviousOf(0, linter).Report.ShouldBeNull();
        index.PreviousOf(2, linter).Report.ShouldBeNull();
        // The same name, however plain, is still the same agency.
        index.PreviousOf(4, linter).Report!.AgencyName.ShouldBe("区人民政府");
    }

    [Fact]
    public void Last_years_report_gone_since_it_was_listed_leaves_the_rules_unjudged_instead_of_failing_the_run()
    {
        var directory = Pair();
        var (files, _) = ReportLint.Cli.InputFiles.Expand([directory]);
        var index = ReportLint.Cli.PreviousYearIndex.Build(files, []);
        var linter = new Linter(ReportLint.Reading.TemplateRegistry.Default);
        var current = files.Select(f => f.DisplayPath).ToList().FindIndex(p => p.EndsWith("2024/hongzequ.json", StringComparison.Ordinal));
        index.PreviousOf(current, linter).Report.ShouldNotBeNull();

        File.Delete(Path.Combine(directory, "2023", "hongzequ.json"));

        index.PreviousOf(current, linter).Report.ShouldBeNull();
    }

    [Fact]
    public void A_carried_over_count_that_does_not_match_last_year_is_reported()
    {
        var directory = Pair();
        var previous = Path.Combine(directory, "2023", "hongzequ.json");
        File.WriteAllText(previous, Lint.Mutate(File.ReadAllText(previous),
            "\"carried_forward\": { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 }",
            "\"carried_forward\": { \"natural_person\": 3, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 3 }"));
        var (_, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023", "--format", "msbuild");
        Snapshot.Match(this, string.Join("\n", stdout.Split('\n').Where(l => l.Contains("RL1201"))));
    }

    [Fact]
    public void Without_last_years_report_the_cross_year_rules_are_listed_as_skipped_never_passed()
    {
        var directory = Pair();
        var (_, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--lang", "en", "--format", "text");
        stdout.ShouldContain("Skipped (no report of the previous year for the same agency");
        stdout.ShouldContain("RL1201×1");
        var json = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--format", "json").Out;
        json.ShouldContain("\"RL1201\": 1");
    }

    [Fact]
    public void Documents_in_force_follow_from_last_years_plus_issued_minus_repealed()
    {
        // Published: 2023 in force 5; 2024 issued 3, repealed 0, in force 8 = 5 + 3 − 0.
        var directory = Pair();
        ReportLintProcess.Run(directory, ".", "--format", "msbuild").Out.ShouldNotContain("warning RL1202");

        var current = Path.Combine(directory, "2024", "hongzequ.json");
        File.WriteAllText(current, Lint.Mutate(File.ReadAllText(current),
            "\"normative_documents\": { \"issued\": 3, \"repealed\": 0, \"in_force\": 8 }",
            "\"normative_documents\": { \"issued\": 3, \"repealed\": 0, \"in_force\": 9 }"));
        var line = ReportLintProcess.Run(directory, ".", "--format", "msbuild").Out.Split('\n').Single(l => l.Contains("warning RL1202"));
        line.ShouldBe("2024/hongzequ.json(20,72): warning RL1202: 【行政规范性文件】现行有效 9，但上年现行有效 5 + 本年制发 3 − 本年废止 0 = 8。");
    }

    [Fact]
    public void Two_reports_of_last_year_for_one_agency_are_named_with_the_one_used()
    {
        // The first by path order was used and the other passed over without a word.
        var directory = Pair();
        File.Copy(Path.Combine(directory, "2023", "hongzequ.json"), Path.Combine(directory, "2023", "hongzequ-revised.json"));
        var (exit, stdout, _) = ReportLintProcess.Run(directory, ".", "--format", "msbuild");
        exit.ShouldBe(1);
        stdout.Split('\n').Where(l => l.Contains("RL0116", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldBe(
            "2024/hongzequ.json(1,1): warning RL0116: 2023 年度有 2 份报告与本报告的机关名称相符：2023/hongzequ-revised.json、2023/hongzequ.json。跨年度核对用的是 2023/hongzequ-revised.json；请确认，并只保留该机关上一年度的一份报告。");

        // Given with --previous, both are paired (RL0116), neither is "unused" (RL0117).
        var given = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023", "--format", "msbuild").Out;
        given.ShouldContain("RL0116");
        given.ShouldNotContain("RL0117");

        // The same file named twice (checked and with --previous) is one report.
        File.Delete(Path.Combine(directory, "2023", "hongzequ-revised.json"));
        ReportLintProcess.Run(directory, ".", "--previous", "2023/hongzequ.json", "--format", "msbuild").Out.ShouldNotContain("RL0116");
    }

    [Fact]
    public void A_report_given_with_previous_that_pairs_with_nothing_is_said_to_be_unused()
    {
        // The run said only "no report of last year; use --previous", which the user had done, with the wrong file.
        var directory = Pair();
        var other = Path.Combine(directory, "2023", "other.json");
        File.WriteAllText(other, File.ReadAllText(Path.Combine(directory, "2023", "hongzequ.json")).Replace("洪泽区人民政府", "淮阴区人民政府", StringComparison.Ordinal));
        var (_, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023/other.json", "--format", "msbuild");
        stdout.Split('\n').Where(l => l.Contains("RL0117", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldEndWith("/2023/other.json(1,1): warning RL0117: --previous 给出的这份报告（淮阴区人民政府，2023 年度）没有用上：被检查的报告中没有这个机关 2024 年度的报告。");

        // A report of the year checked, given by mistake: said so (it was "no report of that agency for 2025").
        File.Copy(Path.Combine(directory, "2024", "hongzequ.json"), Path.Combine(directory, "same-year.json"));
        ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../same-year.json", "--format", "msbuild").Out
            .Split('\n').Where(l => l.Contains("RL0117", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldEndWith("/same-year.json(1,1): warning RL0117: --previous 给出的这份报告（淮安市洪泽区人民政府，2024 年度）没有用上：它与被检查的报告同为 2024 年度；上一年度的报告应是 2023 年度的。");

        // Used, it is not mentioned; nor are the checked reports themselves in a --previous folder holding both years,
        // nor reports of other years there (an archive).
        ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023/hongzequ.json", "--format", "msbuild").Out.ShouldNotContain("RL0117");
        File.Delete(other);
        File.Delete(Path.Combine(directory, "same-year.json"));
        File.WriteAllText(Path.Combine(directory, "2023", "older.json"), Lint.Mutate(File.ReadAllText(Path.Combine(directory, "2023", "hongzequ.json")), "\"year\": 2023", "\"year\": 2021"));
        ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "..", "--format", "msbuild").Out.ShouldNotContain("RL0117");
    }

    [Fact]
    public void A_previous_report_that_cannot_be_read_is_an_input_error_where_it_is_and_the_finding_names_the_file_used()
    {
        // Malformed after its first kilobyte, it was passed over: "no report of last year; use --previous", exit 0.
        var directory = Pair();
        var previous = Path.Combine(directory, "2023", "hongzequ.json");
        var json = File.ReadAllText(previous);
        File.WriteAllText(previous, json[..^3] + ",}\n");
        var (exit, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023", "--format", "msbuild");
        exit.ShouldBe(2);
        stdout.ShouldContain("/2023/hongzequ.json(56,5): error RL0102: --previous 给出的上一年度报告（洪泽区人民政府，2023 年度）无法读取，跨年度规则没有核对：");

        // Readable, a year-over-year finding shows last year's side and the file it came from (there was no right side).
        File.WriteAllText(previous, Lint.Mutate(json,
            "\"carried_forward\": { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 }",
            "\"carried_forward\": { \"natural_person\": 3, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 3 }"));
        var text = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023").Out;
        text.ShouldContain("/2023/hongzequ.json）/ 四、结转下年度继续办理 / 自然人 3 = 3");
        text.ShouldContain("右边: 上一年度报告（");
    }

    [Fact]
    public void A_previous_path_that_does_not_exist_is_an_input_error_not_ignored()
    {
        var directory = Pair();
        var (exit, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2022", "--format", "msbuild");
        exit.ShouldBe(2);
        stdout.ShouldContain("error RL0101: 找不到文件或目录：../2022");
    }

    [Fact]
    public void A_previous_report_whose_year_cannot_be_read_is_an_input_error_not_ignored()
    {
        // A truncated last year's report was passed over: the run said there was no last year's report at all.
        var directory = Pair();
        var previous = Path.Combine(directory, "2023", "hongzequ.json");
        File.WriteAllText(previous, File.ReadAllText(previous)[..10]);
        var (exit, stdout, _) = ReportLintProcess.Run(Path.Combine(directory, "2024"), "hongzequ.json", "--previous", "../2023", "--format", "msbuild");
        exit.ShouldBe(2);
        stdout.ShouldContain("2023/hongzequ.json(1,1): error RL0101: --previous 给出的这个文件读不出报告年度");
    }

    [Fact]
    public void A_report_without_an_agency_name_is_paired_with_no_one()
    {
        // An empty name ends every name: it paired with whichever agency's report of last year came first.
        var directory = Pair();
        var current = Path.Combine(directory, "2024", "hongzequ.json");
        File.WriteAllText(current, Lint.Mutate(File.ReadAllText(current), "\"name\": \"淮安市洪泽区人民政府\"", "\"name\": \"\""));
        var (files, _) = ReportLint.Cli.InputFiles.Expand([directory]);
        var index = ReportLint.Cli.PreviousYearIndex.Build(files, []);
        var at = files.Select(f => f.DisplayPath).ToList().FindIndex(p => p.EndsWith("2024/hongzequ.json", StringComparison.Ordinal));
        index.PreviousOf(at, new Linter(ReportLint.Reading.TemplateRegistry.Default)).Report.ShouldBeNull();
    }
}
