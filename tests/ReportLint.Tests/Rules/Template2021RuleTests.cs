using ReportLint.Tests.Support;

namespace ReportLint.Tests.Rules;

/// <summary>Every rule of rules/2021.yaml on real reports: they pass as published, and one changed cell makes each rule fail.</summary>
public class Template2021RuleTests
{
    private const string Xincheng = "000_1c6b722cb07b2c5a.json";

    public static TheoryData<string> Examples => new(Directory.GetFiles(Paths.Examples, "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_reports_pass_every_table_rule(string example)
    {
        Lint.Tables("examples/" + example, Lint.Example(example)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string, string> Failures => new()
    {
        // rule, case, text in 000 (呼和浩特市新城区 2024) to change, what to change it to
        { "RL1001", "carried_over_too_high", "\"carried_over\":      { \"natural_person\": 12, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 12 }",
                                             "\"carried_over\":      { \"natural_person\": 13, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 13 }" },
        { "RL1002", "row_total_wrong", "", "" },
        { "RL1003", "result_rows_do_not_add_up", "\"disclosed\":         { \"natural_person\": 23, \"commercial\": 2, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 25 }",
                                                 "\"disclosed\":         { \"natural_person\": 24, \"commercial\": 2, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 26 }" },
        { "RL1004", "review_total_wrong", "\"pending\": 5, \"total\": 7", "\"pending\": 5, \"total\": 8" },
        { "RL1005", "blank_cell", "{ \"decisions\": 815 }", "{ \"decisions\": null }" },
        { "RL1006", "text_in_cell", "{ \"decisions\": 128 }", "{ \"decisions\": \"无\" }" },
        { "RL1007", "negative_count", "{ \"decisions\": 128 }", "{ \"decisions\": -128 }" },
        { "RL1008", "fractional_count", "{ \"decisions\": 57677 }", "{ \"decisions\": 57677.5 }" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_rule_fails_on_a_report_that_breaks_it(string rule, string name, string from, string to)
    {
        var json = Lint.Example(Xincheng);
        json = rule == "RL1002"
            ? Lint.Mutate(json, "\"third_party\":       { \"natural_person\": 2, \"commercial\": 1, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 3 }",
                                "\"third_party\":       { \"natural_person\": 2, \"commercial\": 1, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 4 }")
            : Lint.Mutate(json, from, to);
        var findings = Lint.Tables("examples/" + Xincheng, json);
        findings.Select(f => f.RuleId).ShouldContain(rule);
        Snapshot.Match(this, Lint.Render(findings), name);
    }

    [Fact]
    public void A_group_reported_only_as_its_total_still_adds_up()
    {
        // 大同市云州区 2021 gives （六）其他处理 as one row; the report is consistent as published.
        var json = Lint.Example("003_33dd7dc401233ec9.json");
        json.ShouldContain("\"other_processing\"");
        Lint.Tables("examples/003.json", json).ShouldBeEmpty();

        var broken = Lint.Mutate(json, "\"other_processing\": { \"natural_person\": 0", "\"other_processing\": { \"natural_person\": 1");
        var findings = Lint.Tables("examples/003.json", broken);
        findings.Select(f => f.RuleId).Distinct().Order().ShouldBe(["RL1002", "RL1003"]);
        Snapshot.Match(this, Lint.Render(findings));
    }

    [Fact]
    public void A_group_given_only_as_its_total_is_noted_as_not_the_format()
    {
        // 大同市云州区 2021 prints （六）其他处理 as one row; the 2021 format has three. Checked as given, but nothing said so
        // (only the importer noted it).
        var note = Lint.Text("examples/003.json", Lint.Example("003_33dd7dc401233ec9.json")).Single(f => f.RuleId == "RL0118");
        note.Severity.ShouldBe(Validation.Severity.Info);
        note.Message.ShouldBe("表三的“（六）其他处理”只填了合计一行，格式要求分列其 3 个子项；各子项的数字无从核对。");
        note.CellKey.ShouldBe("requests.other_processing");
        Lint.Text("examples/000.json", Lint.Example(Xincheng)).ShouldNotContain(f => f.RuleId == "RL0118");
    }

    [Fact]
    public void A_cell_without_a_number_names_the_checks_it_left_undone()
    {
        // 大同市云州区 2021 gives （六）其他处理 as its total only: its rows are not reported, which is allowed and is not
        // named; the blank 商业企业 of （一）予以公开 leaves that row's total (RL1002) and the column's results (RL1003) unchecked.
        var json = Lint.Mutate(Lint.Example("003_33dd7dc401233ec9.json"), "\"disclosed\": { \"natural_person\": 1, \"commercial\": 0", "\"disclosed\": { \"natural_person\": 1, \"commercial\": null");
        var findings = Lint.Text("examples/003.json", json);
        var blank = findings.Single(f => f.RuleId == "RL1005");
        blank.CellKey.ShouldBe("requests.disclosed.commercial");
        blank.Message.ShouldEndWith("不要留空。（因此未核对：RL1002、RL1003）");
        blank.MessageEn.ShouldEndWith(" (so not checked: RL1002, RL1003)");
        findings.Where(f => f != blank).ShouldAllBe(f => !f.Message.Contains("未核对"));

        // Missing, the whole row: every check that reads one of its cells.
        var missing = Lint.Text("examples/003.json", Lint.Mutate(json, "\"carried_over\"", "\"carried_over_typo\""))
            .Single(f => f.RuleId == "RL0106");
        missing.Message.ShouldEndWith("（因此未核对：RL1001、RL1002）");
    }

    [Fact]
    public void A_negative_cell_is_shown_as_its_value_without_a_difference()
    {
        // value >= 0 has no sides to show: the finding printed "相差: -3" under "填写了负数 -3", a difference from nothing.
        var negative = Lint.Text("examples/000.json", Lint.Mutate(Lint.Example(Xincheng), "\"decisions\": 815", "\"decisions\": -3")).Single(f => f.RuleId == "RL1007");

        negative.Message.ShouldBe("表二 / 行政处罚 / 本年处理决定数量 填写了负数 -3。");
        negative.Arithmetic.ShouldBeNull();
        Lint.Render([negative]).ShouldNotContain("相差");
    }

    [Fact]
    public void The_2023_hongzequ_report_has_its_known_appeals_total_errors()
    {
        // Published 表四: 行政复议 10/1/0/0 with 总计 0; 复议后起诉 5/0/0/0 with 总计 0.
        var json = File.ReadAllText(Path.Combine(Paths.Fixtures, "expected", "2023_hongzequ.json"));
        var findings = Lint.Tables("tests/fixtures/expected/2023_hongzequ.json", json);
        findings.Select(f => (f.RuleId, f.CellKey)).ShouldBe([("RL1004", "appeals.review.total"), ("RL1004", "appeals.suit_after_review.total")]);
        findings[0].Arithmetic!.Rhs!.Total.ShouldBe(11m);
        findings[1].Arithmetic!.Rhs!.Total.ShouldBe(5m);
        Snapshot.Match(this, Lint.Render(findings) + "\n\n" + Lint.Render(findings, Validation.Language.English));
    }

    [Theory]
    [InlineData("2024_hongzequ.json")]
    [InlineData("2024_huaianshi.json")]
    public void Consistent_published_reports_raise_no_table_errors(string name)
    {
        var json = File.ReadAllText(Path.Combine(Paths.Fixtures, "expected", name));
        Lint.Tables(name, json).ShouldBeEmpty();
    }
}
