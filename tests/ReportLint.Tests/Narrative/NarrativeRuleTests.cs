using ReportLint.Tests.Support;

namespace ReportLint.Tests.Narrative;

/// <summary>Narrative ↔ table, claims, and statutory rules on the real reports, and one changed sentence per rule.</summary>
public class NarrativeRuleTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Paths.Fixtures, "expected", name));

    private static IReadOnlyList<Findings.Finding> Beyond(string path, string json) =>
        Lint.Text(path, json).Where(f => string.CompareOrdinal(f.RuleId, "RL1100") > 0).ToList();

    [Fact]
    public void The_real_reports_contradictions_are_found_and_consistent_statements_raise_nothing()
    {
        var lines = new List<string>();
        foreach (var example in Directory.GetFiles(Paths.Examples, "*.json").Order(StringComparer.Ordinal))
        {
            lines.Add(Lint.Render(Beyond("examples/" + Path.GetFileName(example), File.ReadAllText(example))));
        }
        foreach (var fixture in new[] { "2023_hongzequ.json", "2024_hongzequ.json", "2024_huaianshi.json" })
        {
            lines.Add(Lint.Render(Beyond(fixture, Fixture(fixture))));
        }
        var all = string.Join("\n", lines.Where(l => l.Length > 0));
        // 呼和浩特市新城区 2024: “收到政府信息公开申请85件,均已办结” while 5 requests are carried into 2025.
        all.ShouldContain("examples/000_1c6b722cb07b2c5a.json(10,873): warning RL1108");
        // 淮安市洪泽区 2024: “受理政府信息公开申请 17 件” while table 3 counts 95 new requests.
        all.ShouldContain("2024_hongzequ.json(10,379): warning RL1101");
        Snapshot.Match(this, all);
    }

    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        // rule, fixture, text to change, changed text, why it now contradicts the table
        { "RL1101", "examples/000_1c6b722cb07b2c5a.json", "收到政府信息公开申请85件", "收到政府信息公开申请86件", "86 ≠ 本年新收 85" },
        { "RL1102", "examples/004_459b43244279d95c.json", "予以公开4件", "予以公开5件", "5 ≠ 予以公开 4" },
        { "RL1103", "examples/004_459b43244279d95c.json", "部分公开1件", "部分公开2件", "2 ≠ 部分公开 1" },
        { "RL1104", "examples/004_459b43244279d95c.json", "无法提供2件", "无法提供3件", "3 ≠ 无法提供 2" },
        { "RL1105", "2024_huaianshi.json", "政府信息公开行政复议 351件", "政府信息公开行政复议 350件", "350 ≠ 行政复议 351" },
        { "RL1106", "2024_huaianshi.json", "政府信息公开行政诉讼 46 件", "政府信息公开行政诉讼 40 件", "40 ≠ 26 + 20" },
        { "RL1107", "examples/004_459b43244279d95c.json", "现行有效规范性文件共计18件", "现行有效规范性文件共计19件", "19 ≠ 现行有效 18" },
        { "RL1109", "examples/003_33dd7dc401233ec9.json", "\"review\": { \"upheld\": 0, \"corrected\": 0, \"other_result\": 0, \"pending\": 0, \"total\": 0 }",
                                                          "\"review\": { \"upheld\": 1, \"corrected\": 0, \"other_result\": 0, \"pending\": 0, \"total\": 1 }", "未发生…行政复议, but one review" },
        { "RL1301", "examples/000_1c6b722cb07b2c5a.json", "\"kind\": \"government\"", "\"kind\": \"department\"", "published 2025-02-05, after 31 January" },
        { "RL1302", "examples/000_1c6b722cb07b2c5a.json", "\"published\": \"2025-02-05\"", "\"published\": \"2025-04-15\"", "after 31 March" },
        { "RL1303", "examples/000_1c6b722cb07b2c5a.json", "\"start\": \"2024-01-01\"", "\"start\": \"2023-12-01\"", "period starts in 2023" },
        { "RL1307", "examples/000_1c6b722cb07b2c5a.json", "(国办公开办函〔2021〕30号)制作", "(国办公开办函〔2019〕60号)制作", "a 2024 report citing the 2019 trial format" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_rule_fails_when_the_narrative_or_the_facts_contradict_the_report(string rule, string fixture, string from, string to, string because)
    {
        var json = fixture.StartsWith("examples/", StringComparison.Ordinal) ? Lint.Example(fixture["examples/".Length..]) : Fixture(fixture);
        Beyond(fixture, json).Select(f => f.RuleId).ShouldNotContain(rule, "the published report is consistent for " + rule);
        var findings = Beyond(fixture, Lint.Mutate(json, from, to));
        findings.Select(f => f.RuleId).ShouldContain(rule, because);
        Snapshot.Match(this, Lint.Render(findings.Where(f => f.RuleId == rule)), rule);
    }

    [Fact]
    public void A_government_overview_without_some_of_its_statutory_items_is_told_which_and_where()
    {
        // 呼和浩特市新城区 2024 writes of 考核 (“纳入各单位年终实绩考核”) but not of 评议 or 责任追究. The finding said
        // "at least one is missing" and pointed into the 考核 sentence, the one part that was there.
        var finding = Lint.Text("examples/000.json", Lint.Example("000_1c6b722cb07b2c5a.json")).Single(f => f.RuleId == "RL1306");
        finding.Message.ShouldEndWith("本报告的总体情况没有写到：“评议”、“责任追究”。");
        finding.MessageEn.ShouldEndWith("the overview does not mention: “评议”, “责任追究”.");
        (finding.Line, finding.Column).ShouldBe((10, 17));
    }

    [Fact]
    public void A_number_stated_in_the_text_is_the_side_of_the_arithmetic_it_is()
    {
        // RL1101 showed 右边 (the table's 95) and 相差 -78 with no 左边 at all.
        var finding = Beyond("2024_hongzequ.json", Fixture("2024_hongzequ.json")).Single(f => f.RuleId == "RL1101");
        var left = finding.Arithmetic!.Lhs.ShouldNotBeNull();
        left.Total.ShouldBe(17m);
        left.Terms.ShouldHaveSingleItem().Label.ShouldBe("一、总体情况所写");
        finding.Arithmetic.Rhs!.Total.ShouldBe(95m);
    }

    [Fact]
    public void Empty_sections_and_a_missing_fee_statement_are_reported()
    {
        var json = Lint.Mutate(Lint.Example("004_459b43244279d95c.json"), "本年度鄂伦春自治旗未产生政府信息公开信息处理费。", "无。");
        var problems = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        problems["sections"]!["problems"] = "";
        var findings = Beyond("004.json", problems.ToJsonString());
        findings.Select(f => f.RuleId).ShouldContain("RL1304");
        findings.Select(f => f.RuleId).ShouldContain("RL1305");
    }

    [Theory]
    [InlineData("2024年收到政府信息公开申请85件。其中上半年收到政府信息公开申请40件。", "出现了 2 个不同的数")]
    [InlineData("2024年收到政府信息公开申请85余件。", "约数")]
    public void A_mention_that_cannot_be_read_unambiguously_is_info_and_never_guessed(string sentence, string reason)
    {
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "2024年收到政府信息公开申请85件,均已办结。", sentence);
        var finding = Beyond("000.json", json).Single(f => f.RuleId == "RL1101");
        finding.Severity.ShouldBe(Validation.Severity.Info);
        finding.Message.ShouldContain(reason);
        finding.Message.ShouldContain("未核对");
    }

    [Fact]
    public void A_mention_stated_with_thousands_of_numbers_lists_the_first_few()
    {
        // 20,000 sentences each stating another number: the finding listed every number and quoted every sentence,
        // a message of a megabyte (7.5 MB for 200,000).
        var sentences = string.Concat(Enumerable.Range(1, 20_000).Select(n => $"收到政府信息公开申请{n}件。"));
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "2024年收到政府信息公开申请85件,均已办结。", sentences);
        var finding = Beyond("000.json", json).Single(f => f.RuleId == "RL1101");
        finding.Severity.ShouldBe(Validation.Severity.Info);
        finding.Message.ShouldContain("出现了 20000 个不同的数（1、2、3、4、5……）");
        finding.Message.ShouldEndWith("：“收到政府信息公开申请1件。”“收到政府信息公开申请2件。”“收到政府信息公开申请3件。”“收到政府信息公开申请4件。”“收到政府信息公开申请5件。”等");
        finding.MessageEn.ShouldEndWith("\" and more");
    }

    [Fact]
    public void A_contradicting_sentence_without_an_end_is_quoted_in_part_not_whole()
    {
        // 100,000 characters without 。；！？ around the statement: the finding quotes about 300 characters either
        // side, marked with …, where it quoted all of it (and walked it again for every match).
        var filler = string.Concat(Enumerable.Repeat("依法依规办理各类事项", 10_000));
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "2024年收到政府信息公开申请85件,均已办结。",
            filler + "2024年收到政府信息公开申请86件," + filler + "。");
        var finding = Beyond("000.json", json).Single(f => f.RuleId == "RL1101");
        finding.Severity.ShouldBe(Validation.Severity.Warning);
        finding.Message.ShouldContain("“…");
        finding.Message.ShouldContain("收到政府信息公开申请86件,依法依规");
        finding.Message.ShouldContain("…”");
        finding.Message.Length.ShouldBeLessThan(1_000);
    }

    [Fact]
    public void A_section_too_complex_to_read_in_time_leaves_its_rules_unjudged_and_says_so_instead_of_failing_the_run()
    {
        // Two million digits after "收到申请": matching a stated number here runs past the one-second limit. That
        // used to end the whole run with an internal error (exit 3); now every rule that reads the overview (the
        // narrative ones, and RL1306's mentions) is info "未核对", and the overview is not tried again.
        var json = Lint.Mutate(Lint.Example("000_1c6b722cb07b2c5a.json"), "2024年收到政府信息公开申请85件,均已办结。",
            "收到申请" + new string('1', 2_000_000));
        var findings = Beyond("000.json", json);
        var unjudged = findings.Where(f => f.Message.Contains("过长或过于复杂", StringComparison.Ordinal)).ToList();
        unjudged.ShouldNotBeEmpty();
        unjudged.ShouldAllBe(f => f.Severity == Validation.Severity.Info);
        unjudged.Select(f => f.RuleId).ShouldContain("RL1101");
        unjudged.Select(f => f.RuleId).ShouldContain("RL1306");
        unjudged[0].Message.ShouldStartWith("未核对（");
        unjudged[0].Message.ShouldContain("sections.overview");
    }

    [Fact]
    public void A_2019_report_citing_the_2021_format_is_reported_by_the_2019_template()
    {
        var json = File.ReadAllText(Path.Combine(Paths.Fixtures, "trial", "2019_consistent.json"));
        var cited = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Beyond("trial.json", cited.ToJsonString()).Select(f => f.RuleId).ShouldNotContain("RL1307");
        cited["sections"]!["preamble"] = "依据国办公开办函〔2021〕30号编制本报告。";
        var finding = Beyond("trial.json", cited.ToJsonString()).Single(f => f.RuleId == "RL1307");
        finding.Template.ShouldBe("2019");
        finding.Message.ShouldContain("依据国办公开办函〔2021〕30号编制本报告。");
    }
}
