using ReportLint.Rules;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.RuleFiles;

/// <summary>
/// extends: what a later (or earlier) template may change about the one it starts from — replace a table wholesale,
/// remove rows, groups and columns, change a rule key by key — and a located diagnostic for every misuse.
/// </summary>
public class TemplateMergeTests
{
    private const string Base = """
        template: "b"
        years: 2000-
        tables:
          - id: t
            short: 表
            columns:
              - { id: a, label: 甲 }
              - { id: b, label: 乙 }
              - { id: total, label: 总计 }
            groups:
              - { id: g, label: 组 }
            rows:
              - { id: x, label: 行X }
              - { id: y1, label: 行Y1, group: g }
              - { id: y2, label: 行Y2, group: g }
              - { id: z, label: 行Z, columns: [a, b] }
          - id: u
            columns: [ { id: n, label: 数 } ]
            rows: [ { id: m, label: 行M } ]
        rules:
          - { id: RL1001, table: t, each: column, check: x = sum(g), title: 标题, why: 旧的理由, message: "{column} {x}", example-pass: 通过的例子, example-fail: 不通过的例子 }
        """;

    private static string Derived(string body) => "template: \"d\"\nextends: \"b\"\nyears: 1990-1999\n" + body;

    [Fact]
    public void A_mistake_in_a_base_file_is_reported_once_not_again_for_the_template_that_inherits_it()
    {
        var broken = Base.Replace("check: x = sum(g)", "check: x = sum(g) + nope", StringComparison.Ordinal);
        var set = RuleCompiler.Bind([RuleCompiler.Parse("rules/b.yaml", broken), RuleCompiler.Parse("rules/d.yaml", Derived(""))]);

        // Was twice: once for b, once more with "（模板“d”继承此处…）".
        set.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldStartWith("rules/b.yaml(");
    }

    [Fact]
    public void A_change_to_an_inherited_rule_under_a_mistyped_id_names_the_rule_meant()
    {
        // "- id: RL1010, check: …" (for RL1001) was told "规则 RL1010 缺少 message" and "需要 title 和 why": writing them
        // made a new rule and left RL1001 as it was.
        var set = Bind(Derived("""
            rules:
              - { id: RL1010, check: x = sum(g) + 0 }
            """));

        set.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem()
            .ShouldContain("error RL0003: 找不到 要修改的继承规则“RL1010”：模板“b”没有这个编号的规则，是否应为“RL1001”？（新规则要写 title、why 和 message）");
    }

    [Fact]
    public void A_template_name_used_by_two_files_names_the_other_file_in_both_languages()
    {
        // The usual slip when a new year's file is started as a copy: its template: line still names the old one. The
        // Chinese said only "首次定义在第 1 行", which is a line of the other file, not of the one the error is in.
        var set = RuleCompiler.Bind([RuleCompiler.Parse("rules/b.yaml", Base), RuleCompiler.Parse("rules/copy.yaml", Base)]);

        set.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldBe(
            "rules/copy.yaml(1,11): error RL0006: 模板 “b”重复定义，首次定义在 b.yaml 第 1 行 / duplicate template 'b', first defined in b.yaml on line 1");
    }

    [Fact]
    public void Ids_given_twice_in_a_derived_file_are_duplicates_not_merged()
    {
        // A second entry with an id already used in the same file was folded into the first, key by key, unseen.
        var set = Bind(Derived("""
            tables:
              - id: t
                rows:
                  - { id: x, label: 新X }
                  - { id: x, label: 又一个X }
            rules:
              - { id: RL1001, why: 一 }
              - { id: RL1001, why: 二 }
            """));

        set.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "rules/d.yaml(8,15): error RL0006: 行 “x”重复定义，首次定义在第 7 行 / duplicate row 'x', first defined on line 7",
            "rules/d.yaml(11,11): error RL0006: 规则 “RL1001”重复定义，首次定义在第 10 行 / duplicate rule 'RL1001', first defined on line 10"], ignoreOrder: true);
    }

    [Fact]
    public void A_derived_template_can_replace_a_table_remove_a_group_and_its_rows_and_a_column_and_change_one_rule_key()
    {
        var set = Bind(Derived("""
            tables:
              - id: t
                remove-rows: [y1, y2]
                remove-groups: [g]
                remove-columns: [b]
                rows:
                  - { id: g, label: 组（一行）, after: x }
              - id: u
                replace: true
                columns: [ { id: k, label: 金额, type: money, unit: as-reported } ]
                rows: [ { id: p, label: 行P } ]
            rules:
              - { id: RL1001, why: 新的理由 }
            """));

        set.Diagnostics.ShouldBeEmpty();
        var derived = set.Templates.Single(t => t.Name == "d");
        var t = derived.Tables.Single(x => x.Id == "t");
        t.Columns.Select(c => c.Id).ShouldBe(["a", "total"]);
        t.Groups.ShouldBeEmpty();
        t.Rows.Select(r => r.Id).ShouldBe(["x", "g", "z"]);
        t.Rows.Single(r => r.Id == "z").Columns.ShouldBe(["a"]);
        t.Rows.Single(r => r.Id == "g").Group.ShouldBeNull();

        var u = derived.Tables.Single(x => x.Id == "u");
        var k = u.Columns.Single();
        (k.Id, k.Label, k.Type.ToString(), k.Unit).ShouldBe(("k", "金额", "Money", "as-reported"));
        u.Rows.Select(r => r.Id).ShouldBe(["p"]);

        var rule = derived.Rules.Single();
        rule.Why.ShouldBe("新的理由");
        rule.Title.ShouldBe("标题");
        // Examples are kept like every other key the derived file does not write (they used to be dropped).
        (rule.ExamplePass, rule.ExampleFail).ShouldBe(("通过的例子", "不通过的例子"));
        rule.CheckText.ShouldBe("x = sum(g)");
        // sum(g) of what is now a plain row is that row's cell: one term on the right.
        rule.Instances.Select(i => i.Subject).ShouldBe(["a", "total"]);
        rule.Instances[0].Rhs.ShouldHaveSingleItem().GroupRows.Count.ShouldBe(0);

        // The base template is untouched by its derived one.
        set.Templates.Single(x => x.Name == "b").Tables.Single(x => x.Id == "t").Rows.Select(r => r.Id).ShouldBe(["x", "y1", "y2", "z"]);
    }

    [Fact]
    public void Columns_and_groups_with_an_inherited_id_change_only_the_keys_written()
    {
        var set = Bind(Derived("""
            tables:
              - id: t
                columns:
                  - { id: a, label: 甲（新） }
                groups:
                  - { id: g, label-en: group }
            """));

        set.Diagnostics.ShouldBeEmpty();
        var t = set.Templates.Single(x => x.Name == "d").Tables.Single(x => x.Id == "t");
        var a = t.Columns.First();
        (a.Id, a.Label, a.Type.ToString(), a.Unit).ShouldBe(("a", "甲（新）", "Count", (string?)null));
        t.Groups.Single().Label.ShouldBe("组");
        t.Groups.Single().LabelEn.ShouldBe("group");
    }

    [Fact]
    public void Removing_a_rule_and_adding_one_with_the_same_id_replaces_it_whole()
    {
        var set = Bind(Derived("""
            remove-rules: [RL1001]
            rules:
              - { id: RL1001, table: t, each: row, check: total >= a, title: 新标题, why: 新理由, message: "{row}" }
            """));

        set.Diagnostics.ShouldBeEmpty();
        var rule = set.Templates.Single(x => x.Name == "d").Rules.Single();
        (rule.Scope.ToString(), rule.CheckText, rule.Why).ShouldBe(("Row", "total >= a", "新理由"));
    }

    public static TheoryData<string, string> Misuses => new()
    {
        { "removed_group_keeps_its_rows", Derived("tables:\n  - id: t\n    remove-groups: [g]\n") },
        { "removed_column_leaves_a_row_empty", Derived("tables:\n  - id: t\n    remove-columns: [a, b]\n") },
        { "replace_with_removals", Derived("tables:\n  - id: u\n    replace: true\n    remove-rows: [m]\n    columns: [ { id: k } ]\n    rows: [ { id: p } ]\n") },
        { "replace_a_table_that_is_not_inherited", Derived("tables:\n  - id: v\n    replace: true\n    remove-columns: [n]\n    columns: [ { id: k } ]\n    rows: [ { id: p } ]\n") },
        { "remove_what_is_not_there", Derived("tables:\n  - id: t\n    remove-rows: [w]\n    remove-groups: [h]\n    remove-columns: [c]\nremove-rules: [RL1999]\n") },
        { "replace_is_not_true_or_false", Derived("tables:\n  - id: u\n    replace: yes\n") },
        { "inheritance_keys_without_extends", "template: \"s\"\nremove-rules: [RL1001]\ntables:\n  - id: t\n    replace: true\n    remove-rows: [x]\n    remove-columns: [a]\n    remove-groups: [g]\n    columns: [ { id: a } ]\n    rows: [ { id: x, after: y } ]\nyears: 1990-1999\n" },
        { "unknown_unit_and_as_reported_on_a_count", Derived("tables:\n  - id: u\n    columns:\n      - { id: n, unit: 万 }\n      - { id: q, unit: as-reported }\n") },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_is_reported_where_it_is_written(string name, string derived)
    {
        var set = Bind(derived);
        var parsed = new[] { RuleCompiler.Parse("rules/b.yaml", Base), RuleCompiler.Parse("rules/d.yaml", derived) };
        var text = string.Join("\n", parsed.SelectMany(p => p.Diagnostics).Concat(set.Diagnostics).Select(d => d.ToString()).Order(StringComparer.Ordinal));
        text.ShouldNotBeEmpty();
        Snapshot.Match(this, text, name);
    }

    [Fact]
    public void English_output_names_a_table_by_short_en_inherited_or_else_by_short()
    {
        // English findings said "表三 / carried forward to next year / total".
        var set = RuleCompiler.Bind([
            RuleCompiler.Parse("rules/b.yaml", Base.Replace("    short: 表\n", "    short: 表\n    short-en: Table T\n", StringComparison.Ordinal)),
            RuleCompiler.Parse("rules/d.yaml", Derived(""))]);

        set.Diagnostics.ShouldBeEmpty();
        var derived = set.Templates.Single(t => t.Name == "d");
        derived.Tables.Single(t => t.Id == "t").ShortEn.ShouldBe("Table T");
        derived.Cells.First(c => c.Table == "t").TableLabelEn.ShouldBe("Table T");
        derived.Tables.Single(t => t.Id == "u").ShortEn.ShouldBe("u");
    }

    private static BoundRuleSet Bind(string derived) =>
        RuleCompiler.Bind([RuleCompiler.Parse("rules/b.yaml", Base), RuleCompiler.Parse("rules/d.yaml", derived)]);
}
