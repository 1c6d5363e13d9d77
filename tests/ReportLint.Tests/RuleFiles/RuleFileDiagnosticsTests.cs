using ReportLint.Rules;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.RuleFiles;

/// <summary>Every kind of mistake a policy officer can make in a rule file gets a located diagnostic.</summary>
public class RuleFileDiagnosticsTests
{
    private const string Tables = """
        template: "t"
        years: 2021-
        tables:
          - id: requests
            short: 表三
            columns:
              - { id: a, label: 甲 }
              - { id: total, label: 总计 }
            groups:
              - { id: g, label: （三）组 }
            rows:
              - { id: x, label: 行X }
              - { id: y, label: 行Y, group: g }
        rules:
        """;

    private static string Rule(string body) => Tables + "\n" + body;

    /// <summary>A rule in block style, whose check may hold commas.</summary>
    private static string Block(string id, string check, bool each = true) =>
        $"  - id: {id}\n" + (each ? "    table: requests\n    each: column\n" : "") + $"    check: {check}\n    title: t\n    why: w\n    message: m\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "yaml_syntax", "template: \"t\"\ntables: [\n  - id: x\n" },
        // YamlDotNet's English alone, and a tab placed on the line before it: now said in the editor's words, where it is.
        { "yaml_tab_for_indentation", Rule("  - id: RL1001\n    table: requests\n    each: column\n\tcheck: x = y\n    title: t\n    why: w\n    message: m") },
        { "yaml_colon_in_a_value", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: x = y\n    title: 注意: 两者应相等\n    why: w\n    message: m") },
        { "yaml_unclosed_quote", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: x = y\n    title: t\n    why: w\n    message: \"{x} 与 {y} 不等\n") },
        { "yaml_message_starting_with_a_brace", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: x = y\n    title: t\n    why: w\n    message: {x} 与 {y} 不等") },
        { "unknown_row", Rule("  - { id: RL1001, table: requests, each: column, check: x = nothing, title: t, why: w, message: m }") },
        // A typo got no suggestion.
        { "row_typo", Rule("  - { id: RL1001, table: requests, each: column, check: x = yy, title: t, why: w, message: m }") },
        { "unknown_column_in_full_reference", Rule("  - { id: RL1001, check: requests.x.nope >= 0, title: t, why: w, message: m }") },
        { "unknown_key_typo", Rule("  - { id: RL1001, table: requests, each: column, chek: x = y, title: t, why: w, message: m }") },
        { "expression_syntax", Rule("  - { id: RL1001, table: requests, each: column, check: x = + y, title: t, why: w, message: m }") },
        { "number_as_condition", Rule("  - { id: RL1001, table: requests, each: column, check: x + y, title: t, why: w, message: m }") },
        { "condition_in_arithmetic", Rule("  - { id: RL1001, table: requests, each: column, check: (x = y) + 1 = 2, title: t, why: w, message: m }") },
        { "duplicate_rule_id", Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: m }\n  - { id: RL1001, table: requests, each: column, check: x >= y, title: t, why: w, message: m }") },
        { "placeholder_names_nothing", Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: \"{column}: {x} vs {z}\" }") },
        // Accepted before and ignored: no comparison for the tolerance to apply to.
        { "tolerance_without_a_comparison", Rule("  - { id: RL1001, table: requests, each: column, check: not blank(x), tolerance: 0.5, title: t, why: w, message: m }") },
        { "never_applies_constant", Rule("  - { id: RL1001, check: 1 = 2, title: t, why: w, message: m }") },
        { "never_applies_types", Rule("  - { id: RL1001, each: cell, types: [money], check: value >= 0, title: t, why: w, message: m }") },
        { "invalid_rule_id", Rule("  - { id: R1, table: requests, each: column, check: x = y, title: t, why: w, message: m }") },
        { "invalid_ids_cannot_reach_generated_code", "template: \"t\"\ntables:\n  - id: Requests\n    columns: [ { id: a } ]\n  - id: ok\n    columns: [ { id: a } ]\n    rows: [ { id: \"x\\\"); System.Environment.Exit(1); //\" } ]\n" },
        { "unknown_function", Rule("  - { id: RL1001, table: requests, each: column, check: total(x) = y, title: t, why: w, message: m }") },
        { "group_needs_sum", Rule("  - { id: RL1001, table: requests, each: column, check: x = g, title: t, why: w, message: m }") },
        { "value_outside_cell_rule", Rule("  - { id: RL1001, table: requests, each: column, check: value = x, title: t, why: w, message: m }") },
        { "missing_message_and_why", Rule("  - { id: RL1001, table: requests, each: column, check: x = y }") },
        // Was "needs title: and why:" when only why was missing.
        { "missing_why_only", Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, message: m }") },
        { "bad_severity_and_each", Rule("  - { id: RL1001, severity: fatal, table: requests, each: everything, check: x = y, title: t, why: w, message: m }") },
        { "extends_unknown", "template: \"u\"\nextends: \"1999\"\n" },
        { "unknown_table", Rule("  - { id: RL1001, table: request, each: column, check: x = y, title: t, why: w, message: m }") },
        { "document_separator_cuts_the_file", Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: m }\n---\n  - { id: RL1002, table: requests, each: column, check: x >= y, title: t, why: w, message: m }") },
        // These four built cleanly and then stopped the generator, or reportlint on every report (exit code 3).
        { "blank_of_last_years_cell", Rule("  - { id: RL1001, table: requests, each: column, check: not blank(previous.x), title: t, why: w, message: m }\n  - { id: RL1002, check: blank(report.year), title: t, why: w, message: m }") },
        { "empty_texts", Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: \"\", why: \" \", message: \"\", message-en: '' }") },
        { "row_with_an_empty_column_list", Rule("  - { id: RL1001, table: requests, each: column, check: y >= 0, title: t, why: w, message: m }").Replace("- { id: x, label: 行X }", "- { id: x, label: 行X, columns: [] }", StringComparison.Ordinal) },
        // Built, and then reported the same finding once per column.
        { "each_column_with_fixed_cells_only", Rule("  - { id: RL1001, table: requests, each: column, check: requests.x.total > 100000, title: t, why: w, message: m }") },
        { "division_by_zero", Rule("  - { id: RL1001, table: requests, each: column, check: x / 0 = 1, title: t, why: w, message: m }") },
        // These read this year's value where last year's was written, and so never fired.
        { "previous_of_what_is_not_a_cell", Rule(Block("RL1001", "report.year = previous.report.year + 1", each: false) + Block("RL1002", "x <= 2 * previous.value") + Block("RL1003", "x >= previous.previous.x")) },
        { "round_digits_out_of_range", Rule(Block("RL1001", "round(x, 29) >= 0") + Block("RL1002", "round(x, 3000000000) >= 0")) },
        { "phrase_alternatives_without_parentheses", Rule(Block("RL1001", "stated(\"overview\", \"收到|受理申请{n}件\") = requests.x.total", each: false)) },
        { "phrase_parentheses_in_wrong_order", Rule(Block("RL1001", "mentions(\"overview\", \"收到)申请(件\")", each: false)) },
        { "phrase_number_inside_alternatives", Rule(Block("RL1001", "stated(\"overview\", \"(收到|受理{n})件\") = requests.x.total", each: false)) },
        // Each escape (\u0031 is "1", \" a quote) counted as several characters: the column pointed 5 and 1 too far left.
        { "double_quoted_escapes_position", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: \"x = y + \\u0031 + nope\"\n    title: t\n    why: w\n    message: m") },
        { "single_quoted_doubled_quote_position", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: 'mentions(''收到'') and nope > 0'\n    title: t\n    why: w\n    message: m") },
        { "multiline_expression_position", Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: >-\n      x + y =\n      x + nope\n    title: t\n    why: w\n    message: m") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_located_diagnostics(string name, string yaml)
    {
        Snapshot.Match(this, Diagnose(yaml), name);
    }

    [Fact]
    public void The_real_2021_rules_have_no_diagnostics()
    {
        var path = Path.Combine(Paths.Rules, "2021.yaml");
        Diagnose(File.ReadAllText(path), "rules/2021.yaml").ShouldBe("");
    }

    [Fact]
    public void The_real_rule_files_bound_together_have_no_diagnostics()
    {
        // The build compiles rules/*.yml as well as *.yaml (ReportLint.Core.csproj).
        var files = Directory.GetFiles(Paths.Rules, "*.yaml").Concat(Directory.GetFiles(Paths.Rules, "*.yml")).Order(StringComparer.Ordinal)
            .Select(f => RuleCompiler.Parse("rules/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var bound = RuleCompiler.Bind(files);
        files.SelectMany(f => f.Diagnostics).Concat(bound.Diagnostics).Select(d => d.ToString()).ShouldBeEmpty();
        // Each template is named as its file (docs/adding-a-template-year.md): a new year's file needs no change here.
        bound.Templates.Select(t => t.Name).ShouldBe(files.Select(f => Path.GetFileNameWithoutExtension(f.Path)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_misspelt_row_of_the_real_2021_template_is_named_and_every_row_listed()
    {
        // The list stopped at the 12th of 表三's 29 rows and groups without a word, and no row was suggested.
        var yaml = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml")).TrimEnd()
            + "\n  - { id: RL1999, table: requests, each: column, check: disclosd >= 0, title: t, why: w, message: m }\n";
        var bound = RuleCompiler.Bind([RuleCompiler.Parse("rules/2021.yaml", yaml)]);
        var message = bound.Diagnostics.ShouldHaveSingleItem().ToString();
        message.ShouldContain("找不到 行“disclosd”（表 requests）；是否应为“disclosed”？可用：new_received、carried_over、disclosed、");
        message.ShouldContain("、carried_forward、");
        message.ShouldEndWith("did you mean 'disclosed'?");
    }

    [Theory]
    [InlineData("new_received + appeals.review >= 0", "找不到 行“appeals”（表 requests）；“appeals”是另一张表；另一张表的单元格要写全 表.行.列 三段，如 appeals.")]
    [InlineData("new_received + review >= 0", "找不到 行“review”（表 requests）；“review”是表 appeals 的行；另一张表的单元格要写全 表.行.列 三段，如 appeals.review.")]
    public void A_cell_of_another_table_written_short_says_how_to_write_it(string check, string expected)
    {
        // Was "找不到 行“appeals”（表 requests）", with 表三's rows listed: nothing said appeals is 表四.
        var yaml = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml")).TrimEnd()
            + $"\n  - {{ id: RL1999, table: requests, each: column, check: {check}, title: t, why: w, message: m }}\n";
        var bound = RuleCompiler.Bind([RuleCompiler.Parse("rules/2021.yaml", yaml)]);
        bound.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public void A_mistake_in_rules_2021_is_reported_once_though_2019_words_it_otherwise()
    {
        // A misspelt row in RL1003 was reported twice: for 2021, and again "（模板“2019”继承此处）" with 2019's rows
        // suggested, since the two messages differed.
        var broken = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml")).Replace("check: results_total = disclosed +", "check: results_total = disclosd +", StringComparison.Ordinal);
        broken.ShouldContain("disclosd");
        var files = new[] { RuleCompiler.Parse("rules/2019.yaml", File.ReadAllText(Path.Combine(Paths.Rules, "2019.yaml"))), RuleCompiler.Parse("rules/2021.yaml", broken) };

        RuleCompiler.Bind(files).Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldContain("找不到 行“disclosd”（表 requests）；是否应为“disclosed”？");
    }

    [Fact]
    public void A_rule_with_a_table_but_no_each_says_each_is_missing_once()
    {
        // Deleting "each: column" from RL1001 gave four errors, "找不到 单元格“new_received”：请写成 行.列 或 表.行.列", one per name.
        var yaml = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml"));
        var rl1001 = yaml.IndexOf("- id: RL1001", StringComparison.Ordinal);
        var each = yaml.IndexOf("    each: column\n", rl1001, StringComparison.Ordinal);
        var broken = yaml.Remove(each, "    each: column\n".Length);

        Diagnose(broken, "rules/2021.yaml").Split('\n').ShouldHaveSingleItem()
            .ShouldContain("error RL0002: “new_received”是表 requests 的行：对每一列检查的规则要写 each: column（是否漏写了 each:？）");
    }

    [Fact]
    public void A_clean_minimal_rule_binds_to_one_instance_per_column()
    {
        var set = Bind(Rule("  - { id: RL1001, table: requests, each: column, check: x = sum(g), title: t, why: w, message: \"{column} {lhs} {rhs} {difference} {x}\" }"));
        set.Diagnostics.ShouldBeEmpty();
        var rule = set.Templates.Single().Rules.Single();
        rule.Instances.Select(i => i.Subject).ShouldBe(["a", "total"]);
        rule.Instances[0].Rhs.Single().GroupRows.Count.ShouldBe(1);
    }

    [Fact]
    public void A_group_sum_skips_the_columns_its_rows_do_not_have()
    {
        // Used to stop the front end with KeyNotFoundException (RL0099 at 1,1), every other diagnostic lost.
        var set = Bind(Tables.Replace("- { id: y, label: 行Y, group: g }", "- { id: y, label: 行Y, group: g, columns: [a] }", StringComparison.Ordinal)
            .Replace("- { id: x, label: 行X }", "- { id: x, label: 行X, columns: [a] }", StringComparison.Ordinal)
            + "\n  - { id: RL1001, table: requests, each: column, check: sum(g) >= 0, title: t, why: w, message: m }");
        set.Diagnostics.ShouldBeEmpty();
        set.Templates.Single().Rules.Single().Instances.Select(i => i.Subject).ShouldBe(["a"]);
    }

    [Theory]
    [InlineData("2019-", "2021-", "rules/b.yaml(2,8): error RL0002: 模板“b”适用于 2021 年起，与模板“a”的 2019 年起重叠")]
    [InlineData("2019-2021", "2021-", "rules/b.yaml(2,8): error RL0002: 模板“b”适用于 2021 年起，与模板“a”的 2019–2021 年重叠")]
    [InlineData("2019-2020", null, "rules/b.yaml(1,11): error RL0002: 模板“b”适用于所有年度（没有写 years），与模板“a”的 2019–2020 年重叠")]
    [InlineData("2019-2020", "2021-", null)]
    // As reportlint's messages print ranges (it was three errors, two of them "all years, no 'years'").
    [InlineData("2019–2020", "2021–", null)]
    [InlineData("2019-2020", "2021年起", "rules/b.yaml(2,8): error RL0002: years 写法有误：“2021年起”")]
    public void Templates_whose_years_overlap_are_an_error(string aYears, string? bYears, string? expected)
    {
        // A copy of 2021.yaml saved as a new year with its years unchanged used to build; the template whose class name
        // sorted first then silently took the other's reports.
        string File(string name, string? years) => Tables.Replace("template: \"t\"", $"template: \"{name}\"", StringComparison.Ordinal)
            .Replace("years: 2021-\n", years is null ? "" : $"years: {years}\n", StringComparison.Ordinal);
        var set = RuleCompiler.Bind([RuleCompiler.Parse("rules/a.yaml", File("a", aYears)), RuleCompiler.Parse("rules/b.yaml", File("b", bYears))]);

        var lines = set.Diagnostics.Select(d => d.ToString()).ToList();
        if (expected is null)
        {
            lines.ShouldBeEmpty();
        }
        else
        {
            lines.ShouldHaveSingleItem().ShouldStartWith(expected);
        }
    }

    [Fact]
    public void Two_template_names_the_generated_code_cannot_tell_apart_are_an_error()
    {
        // "2099-x" and "2099_x" are both Template2099_x: the second used to vanish without a word.
        string File(string name, string years) => Tables.Replace("template: \"t\"", $"template: \"{name}\"", StringComparison.Ordinal)
            .Replace("years: 2021-", $"years: {years}", StringComparison.Ordinal);
        var set = RuleCompiler.Bind([RuleCompiler.Parse("rules/a.yaml", File("2099-x", "2099")), RuleCompiler.Parse("rules/b.yaml", File("2099_x", "2100"))]);

        set.Diagnostics.Select(d => d.ToString()).ShouldHaveSingleItem().ShouldContain("error RL0009: 模板名称“2099_x”不符合要求：与模板“2099-x”只差 - 和 _");
    }

    [Theory]
    [InlineData("replacement")]
    [InlineData("latin1")]
    public void A_rule_file_that_is_not_utf8_is_an_error_not_garbled_labels(string decodedAs)
    {
        // rules/2021.yaml saved as GBK built without an error; every label, message and phrase came out garbled, and
        // the narrative phrases could never match. The compiler decodes such a file with replacement characters (or,
        // with a code page provider, as a Western code page).
        var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml")));
        var text = decodedAs == "latin1" ? System.Text.Encoding.Latin1.GetString(gbk) : System.Text.Encoding.UTF8.GetString(gbk);

        var diagnostic = Diagnose(text, "rules/2021.yaml").Split('\n').ShouldHaveSingleItem();

        diagnostic.ShouldContain("error RL0002: 规则文件不是 UTF-8 编码（可能是 GBK/GB2312 或 ANSI）");
    }

    [Theory]
    [InlineData("    check： x = y", "(18,10): error RL0001: YAML 格式错误：“check”后面是全角冒号“：”")]
    [InlineData("\u3000\u3000check: x = y", "(18,1): error RL0001: YAML 格式错误：“check”前的缩进中有全角空格“　”")]
    public void Full_width_colons_and_spaces_in_the_structure_are_named(string line, string expected)
    {
        // Said as "indentation does not match, or a value starting with { is unquoted", or, for the full-width spaces,
        // on the next line as "a colon and a space in a value: quote the whole value".
        var yaml = Rule(Block("RL1001", "x = y").Replace("    check: x = y", line, StringComparison.Ordinal));

        Diagnose(yaml).Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public void A_yaml_error_in_a_base_file_is_not_also_an_unknown_base_in_the_file_extending_it()
    {
        // A tab in rules/2021.yaml also gave "rules/2019.yaml(14,10): error RL0011: 找不到被继承的模板“2021”" for every such mistake.
        var broken = File.ReadAllText(Path.Combine(Paths.Rules, "2021.yaml")).Replace("\n    check: ", "\n\tcheck: ", StringComparison.Ordinal);
        var files = new[] { RuleCompiler.Parse("rules/2019.yaml", File.ReadAllText(Path.Combine(Paths.Rules, "2019.yaml"))), RuleCompiler.Parse("rules/2021.yaml", broken) };
        var bound = RuleCompiler.Bind(files);

        var all = files.SelectMany(f => f.Diagnostics).Concat(bound.Diagnostics).Select(d => d.ToString()).ToList();
        all.ShouldHaveSingleItem().ShouldStartWith("rules/2021.yaml(");
        all[0].ShouldContain("制表符");
    }

    [Theory]
    [InlineData(5000, 0, "表达式中的运算超过 1000 个")]
    [InlineData(0, 3000, "括号嵌套超过 64 层")]
    [InlineData(990, 0, null)]
    [InlineData(0, 64, null)]
    public void An_expression_too_long_or_too_deep_is_located_not_a_compiler_crash(int terms, int nesting, string? expected)
    {
        // 5,000 terms or 3,000 nested parentheses ended the build in "Stack overflow … at ReportLint.Generator.Emitter.Expr",
        // with no location in the YAML.
        var check = new string('(', nesting) + "x" + new string(')', nesting) + string.Concat(Enumerable.Repeat(" + 0", terms)) + " >= 0";
        var diagnostics = Diagnose(Rule(Block("RL1001", check)));
        if (expected is null)
        {
            diagnostics.ShouldBeEmpty();
        }
        else
        {
            diagnostics.Split('\n').ShouldHaveSingleItem().ShouldContain($"error RL0004: 表达式有误 / expression error: {expected}");
        }
    }

    [Theory]
    [InlineData("x ≥ y", "“≥”要写成“>=”")]
    [InlineData("x ≠ y", "“≠”要写成“!=”")]
    [InlineData("x = y × 2", "“×”要写成“*”")]
    [InlineData("x => y", "“=>”要写成“>=”")]
    [InlineData("x =< y", "“=<”要写成“<=”")]
    [InlineData("mentions(“overview”, \"a\")", "““”要写成“\"”")]
    [InlineData("x <= ３ * y", "数字“３”中有中文（全角）数字")]
    public void Signs_typed_by_habit_are_named_with_the_operator_to_use(string check, string expected)
    {
        // ≥ was "unexpected ≥, expected an operator", => "unexpected >, expected a number", and ３ "number out of range".
        Diagnose(Rule(Block("RL1001", check))).Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Theory]
    // Both indexed the other table's first row or column (RL0099 internal error, fuzzing): now the table's own mistake
    // and the unknown reference, with a hint that needs no cell of it.
    [InlineData("rows: []", "x = appeals.y", "行“appeals”（表 requests）；“appeals”是另一张表；另一张表的单元格要写全 表.行.列 三段，如 appeals.行.列")]
    [InlineData("columns: []", "x = z", "行“z”（表 requests）；可用：x、y、g")]
    public void A_hint_about_a_table_without_rows_or_columns_is_given_without_them(string emptied, string check, string expected)
    {
        var other = "\n  - id: appeals\n    short: 表四\n    columns:\n      - { id: c, label: 丙 }\n    rows:\n      - { id: z, label: 行Z }\n";
        other = emptied.StartsWith("rows", StringComparison.Ordinal)
            ? other.Replace("    rows:\n      - { id: z, label: 行Z }\n", "    " + emptied + "\n", StringComparison.Ordinal)
            : other.Replace("    columns:\n      - { id: c, label: 丙 }\n", "    " + emptied + "\n", StringComparison.Ordinal);
        var yaml = Tables.Replace("rules:", other.TrimStart('\n') + "rules:", StringComparison.Ordinal) + "\n" + Block("RL1001", check);

        var diagnostics = Diagnose(yaml);

        diagnostics.ShouldNotContain("RL0099");
        diagnostics.ShouldContain(expected);
    }

    [Fact]
    public void A_yaml_merge_key_is_named_as_such()
    {
        // Was "规则中没有“<<”这一项，是否应为“id”？".
        var yaml = Rule("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: m }\n  - { <<: { title: t }, id: RL1002, table: requests, each: column, check: x = y, why: w, message: m }\n");

        Diagnose(yaml).ShouldContain("(16,7): error RL0002: 不支持 YAML 的合并写法“<<:”：请把各项直接写出来");
    }

    [Theory]
    // The first was a duplicate rule "first defined on line 15" at line 15; the second overflowed the stack and ended the
    // compiler (error : Stack overflow, no file or line). Fuzzing.
    [InlineData("  - &first { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: m }\n  - *first\n", "(15,5)")]
    [InlineData("  - { id: RL1001, table: requests, each: column, check: x = y, title: t, why: w, message: m }\n? &b [*b]\n: 1\n", "(16,3)")]
    public void Yaml_anchors_and_aliases_are_refused_before_the_file_is_loaded(string rules, string at)
    {
        Diagnose(Rule(rules)).Split('\n').ShouldHaveSingleItem()
            .ShouldBe($"rules/test.yaml{at}: error RL0002: 不支持 YAML 的锚点和别名（&名称、*名称）：请把内容直接写出来 / YAML anchors and aliases (&name, *name) are not supported: write the content out");
    }

    [Theory]
    // A comment ended by \r alone (or U+2028) hid the rest of the file from the nesting check: 100,000 brackets there
    // overflowed the stack.
    [InlineData("\r")]
    [InlineData("\u2028")]
    public void Nesting_after_a_comment_ended_by_another_line_break_is_still_counted(string lineBreak)
    {
        var yaml = "template: \"t\" # note" + lineBreak + "rules: " + new string('[', 1_000);

        Diagnose(yaml).ShouldContain("error RL0001: YAML 格式错误：嵌套超过 500 层");
    }

    [Fact]
    public void A_name_of_100000_characters_is_quoted_cut_short()
    {
        // Was quoted whole, twice (Chinese and English): one build error of 200,000 characters (fuzzing).
        var name = new string('q', 100_000);
        var message = Diagnose(Rule(Block("RL1001", $"x = {name}"))).Split('\n').ShouldHaveSingleItem();
        message.ShouldContain($"error RL0003: 找不到 行“{new string('q', 100)}…”");
        message.ShouldContain($"unknown row '{new string('q', 100)}…'");
        message.Length.ShouldBeLessThan(1_000);

        // A key (YAML takes a plain key of up to 1,024 characters).
        var key = Diagnose(Rule(Block("RL1001", "x = y")).Replace("    title: t\n", $"    title: t\n    {name[..1_000]}: 1\n", StringComparison.Ordinal)).Split('\n').ShouldHaveSingleItem();
        key.ShouldContain($"规则中没有“{new string('q', 100)}…”这一项");
        key.Length.ShouldBeLessThan(1_000);
    }

    [Theory]
    [InlineData("label: \"行\\e[31mX\"", "label: 中有控制字符（U+001B）")]
    [InlineData("label: \"行\\0X\"", "label: 中有控制字符（U+0000）")]
    public void A_control_character_in_a_label_is_an_error(string label, string expected)
    {
        // Accepted, and printed raw to the terminal by the text format's 单元格 line and by explain.
        var yaml = Rule(Block("RL1001", "x = y")).Replace("label: 行X", label, StringComparison.Ordinal);
        Diagnose(yaml).Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Theory]
    [InlineData("mentions(\"other\", \"第 #1 号\")", "(16,33): error RL0004: 表达式有误 / expression error: # 前有空格，YAML 把 # 及其后的内容当作注释删去了")]
    [InlineData("x = = y  # a note", "(16,16): error RL0004: 表达式有误 / expression error: 意外出现“=”")]
    public void A_hash_that_cut_an_expression_short_is_named(string check, string expected)
    {
        // Was "unexpected end of expression, expected a closing quote": nothing said where the rest had gone.
        Diagnose(Rule(Block("RL1001", check, each: false))).Split('\n').ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public void A_key_indented_into_the_text_above_it_is_reported_not_swallowed()
    {
        // An override whose check was indented like the why text above it built without a word: the check was part of
        // the why, and the inherited check stayed.
        var yaml = Rule("  - id: RL1001\n    table: requests\n    each: column\n    check: x = y\n    title: t\n    why: >-\n      第一行说明。\n      example-fail: x = 1, y = 2\n    message: m\n");

        Diagnose(yaml).Split('\n').ShouldHaveSingleItem().ShouldContain("(22,7): error RL0002: “example-fail:”缩进得比上面的 why: 深，被当作了 why 文字的一行");
    }

    [Theory]
    // The YAML library's own failures were RL0099 "internal error, please report" at 1:1 (fuzzing); 50,000 brackets
    // overflowed the stack and ended the compiler.
    [InlineData("template: \"t\"\nrules:\n- { a\n- b\n", "rules/test.yaml(1,1): error RL0001: YAML 格式错误：请检查括号是否成对")]
    [InlineData("template: \"t\"\nrules:\n  - : RL1001\n", "rules/test.yaml(1,1): error RL0001: YAML 格式错误：请检查括号是否成对")]
    [InlineData("...\ntemplate: \"t\"\n", "rules/test.yaml(1,1): error RL0001: YAML 格式错误：请检查括号是否成对")]
    [InlineData("template: \"t\"\ntitle: \"\\ud800\\u0041\"\n", "rules/test.yaml(1,1): error RL0001: YAML 格式错误：请检查括号是否成对")]
    [InlineData("DEEP", "rules/test.yaml(2,508): error RL0001: YAML 格式错误：嵌套超过 500 层")]
    public void Yaml_the_parser_itself_fails_on_is_a_yaml_error_not_an_internal_one(string yaml, string expected)
    {
        yaml = yaml == "DEEP" ? "template: \"t\"\nrules: " + new string('[', 50_000) + new string(']', 50_000) + "\n" : yaml;

        Diagnose(yaml).ShouldStartWith(expected);
    }

    internal static global::ReportLint.Rules.BoundRuleSet Bind(string yaml, string path = "rules/test.yaml") =>
        RuleCompiler.Bind([RuleCompiler.Parse(path, yaml)]);

    internal static string Diagnose(string yaml, string path = "rules/test.yaml")
    {
        var parsed = RuleCompiler.Parse(path, yaml);
        var bound = RuleCompiler.Bind([parsed]);
        return string.Join("\n", parsed.Diagnostics.Concat(bound.Diagnostics)
            .Select(d => d.ToString())
            .OrderBy(l => l, StringComparer.Ordinal));
    }
}
