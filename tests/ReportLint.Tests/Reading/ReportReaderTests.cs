using System.Text;
using ReportLint.Findings;
using ReportLint.Reading;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Reading;

/// <summary>Bad input gets a located, understandable finding — never an exception, never silence.</summary>
public class ReportReaderTests
{
    private static string Example => Lint.Example("000_1c6b722cb07b2c5a.json");

    public static TheoryData<string, string> BadInputs => new()
    {
        { "missing_comma", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 2024") },
        { "trailing_garbage", Example + "\n}" },
        { "not_an_object", "[1, 2, 3]" },
        { "unknown_template", Lint.Mutate(Example, "\"template\": \"2021\"", "\"template\": \"2031\"") },
        { "no_template_no_year", Lint.Mutate(Lint.Mutate(Example, "\"template\": \"2021\",", ""), "\"year\": 2024,", "") },
        { "unknown_row", Lint.Mutate(Example, "\"petition\":", "\"petitions\":") },
        { "unknown_column", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 815, \"amount\": 1 }") },
        { "missing_row", Lint.Mutate(Example, "\"enforcement\":         { \"decisions\": 128 },", "") },
        // A missing table was one finding per row (25 for 表三), a report without tables 34 findings at 1:1.
        { "missing_table", Example[..Example.LastIndexOf(",\n    \"appeals\"", StringComparison.Ordinal)] + "\n  }\n}\n" },
        { "empty_table", Example[..Example.LastIndexOf("\"appeals\"", StringComparison.Ordinal)] + "\"appeals\": {}\n  }\n}\n" },
        { "no_tables", Example[..Example.IndexOf(",\n  \"tables\"", StringComparison.Ordinal)] + "\n}\n" },
        { "missing_column", Lint.Mutate(Example, "\"upheld\": 0, \"corrected\": 0, \"other_result\": 0, \"pending\": 0, \"total\": 0 },", "\"upheld\": 0, \"corrected\": 0, \"total\": 0 },") },
        // Was two findings for one cell: out of range (RL0107), and "not a number" (RL1006) for the same text.
        { "number_out_of_range", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 1e400 }") },
        { "wrong_value_type", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": [815] }") },
        { "group_given_twice", Lint.Mutate(Example, "\"results_total\":", "\"other_processing\": { \"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"nonprofit\": 0, \"legal_services\": 0, \"other_org\": 0, \"total\": 0 },\n      \"results_total\":") },
        // Was "must be a YYYY-MM-DD date", which it is.
        { "impossible_date", Lint.Mutate(Example, "\"published\": \"2025-02-05\"", "\"published\": \"2025-02-30\"") },
        // Each was two findings: "missing agency.name" at 1:1 beside "must be text"; "the whole row is missing" beside
        // "must be an object".
        { "agency_name_null", Lint.Mutate(Example, "\"name\": \"呼和浩特市新城区人民政府\"", "\"name\": null") },
        { "row_not_an_object", Lint.Mutate(Example, "\"penalty\":             { \"decisions\": 815 }", "\"penalty\":             [815]") },
        { "bad_metadata", Lint.Mutate(Lint.Mutate(Example, "\"kind\": \"government\"", "\"kind\": \"county\""), "\"published\": \"2025-02-05\"", "\"published\": \"2025年2月5日\"") },
        { "unknown_field", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 2024, \"yaer\": 2024,") },
        { "template_contradicts_year", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 2020,") },
        // Was "报告年度 1800 应使用模板“（无）”".
        { "year_no_template_covers", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 2010,") },
        // Were stack traces (a date in year 0 or 20244 cannot be made), or "published 738,832 days late" for year 1.
        { "year_out_of_range", Lint.Mutate(Example, "\"year\": 2024,", "\"year\": 0,") },
        { "year_mistyped_without_template", Lint.Mutate(Lint.Mutate(Example, "\"template\": \"2021\",", ""), "\"year\": 2024,", "\"year\": 20244,") },
        // Was ignored without a word, the template then chosen by the year.
        { "template_not_text", Lint.Mutate(Example, "\"template\": \"2021\"", "\"template\": true") },
        // Was a stack trace: decimal's largest value passed, and adding it to the row's other cells overflowed.
        { "number_too_large_to_add", Lint.Mutate(Example, "\"disclosed\":         { \"natural_person\": 23", "\"disclosed\":         { \"natural_person\": 79228162514264337593543950335") },
        // Were RL1006 "not a number; write digits only" for digits in quotes, and "“” is not a number".
        { "number_in_quotes", Lint.Mutate(Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": \"815\" }"), "\"disclosed\":         { \"natural_person\": 23", "\"disclosed\":         { \"natural_person\": \"\"") },
        // Was read as 23.
        { "number_too_precise", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 815.00000000000000000000000000001 }") },
        // Was read as 0.
        { "number_too_small", Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": 1e-400 }") },
        // Passed without a word: the year-dependent rules (deadline, period) and every narrative rule quietly did not apply.
        { "no_year", Lint.Mutate(Example, "\"year\": 2024,", "") },
        { "no_sections", Example[..Example.IndexOf("  \"sections\"", StringComparison.Ordinal)] + Example[Example.IndexOf("  \"tables\"", StringComparison.Ordinal)..] },
        // Were errors ("unknown or not text"; "period.note must be a date") where an unknown top-level field is a warning.
        { "unknown_agency_and_period_fields", Lint.Mutate(Lint.Mutate(Example, "\"kind\": \"government\" }", "\"kind\": \"government\", \"code\": \"150102\" }"), "\"end\": \"2024-12-31\" }", "\"end\": \"2024-12-31\", \"note\": \"自然年\" }") },
        { "empty", "" },
        // Was "missing comma or quote" with the reader's English "does not contain any JSON tokens".
        { "white_space_only", "  \n\n\t  \n" },
        // A file cut short after its last row: was the catch-all "missing comma or quote" hint.
        { "cut_short", Example.TrimEnd()[..^1] },
        // Accepted without a word before, the last one winning: checked as 2019 and "1772 days late".
        // Both accepted without a word: the kind's rules quietly did not apply; an empty name paired with any agency.
        { "agency_without_kind_or_name", Lint.Mutate(Example, "\"agency\": { \"name\": \"呼和浩特市新城区人民政府\", \"kind\": \"government\" }", "\"agency\": { \"name\": \" \" }") },
        // Was "neither template nor year" at 1:1, though the year is there, only in quotes.
        { "year_in_quotes_without_template", Lint.Mutate(Lint.Mutate(Example, "\"template\": \"2021\",", ""), "\"year\": 2024,", "\"year\": \"2024\",") },
        { "field_given_twice", Lint.Mutate(Lint.Mutate(Example, "\"template\": \"2021\",", ""), "\"year\": 2024,", "\"year\": 2024, \"year\": 2019,") },
        // Each accepted without a word, the last one winning (a fuzzing campaign): the overview the narrative rules read was
        // not the one a reader sees first.
        // Each accepted without a word (fuzzing): no cell was given twice, but a reader keeping the last row or table
        // sees 4 of the row's 7 cells, or an empty 表三. A whole row given twice is one finding, not one per cell.
        { "row_given_twice_split", Lint.Mutate(Example, "\"carried_over\":      { \"natural_person\": 12, \"commercial\": 0, \"research\": 0, ", "\"carried_over\":      { \"natural_person\": 12, \"commercial\": 0, \"research\": 0 },\n      \"carried_over\": { ") },
        { "row_given_twice_whole", Lint.Mutate(Example, "\"penalty\":             { \"decisions\": 815 },", "\"penalty\":             { \"decisions\": 815 },\n      \"penalty\": { \"decisions\": 815 },") },
        { "table_given_twice", Lint.Mutate(Example, "\"appeals\": {", "\"requests\": {},\n    \"appeals\": {") },
        { "nested_field_given_twice", Lint.Mutate(Lint.Mutate(Lint.Mutate(Example, "\"name\": \"呼和浩特市新城区人民政府\",", "\"name\": \"呼和浩特市新城区人民政府\", \"name\": \"新城区\","), "\"end\": \"2024-12-31\" }", "\"end\": \"2024-12-31\", \"start\": \"2024-01-01\" }"), "\"sections\": {", "\"sections\": {\n    \"overview\": \"（略）\",") },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_reported_where_it_is(string name, string json)
    {
        var findings = Lint.Tables("report.json", json);
        findings.ShouldNotBeEmpty();
        Snapshot.Match(this, Lint.Render(findings), name);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_columns_still_count_characters()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": -815 }"))).ToArray();
        var finding = Lint.Linter.Lint("bom.json", bytes).Where(Lint.IsTableOrInput).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RL1007");
        (finding.Line, finding.Column).ShouldBe((22, 45));
    }

    [Fact]
    public void A_file_just_over_the_limit_is_not_said_to_be_as_large_as_the_limit()
    {
        // Was "文件大小 16 MB，超过上限 16 MB".
        ReportReader.TooLarge("r.json", ReportReader.MaxBytes + 1).Message.ShouldStartWith("文件大小 16.1 MB，超过上限 16 MB");
        ReportReader.TooLarge("r.json", 50L * 1024 * 1024).Message.ShouldStartWith("文件大小 50 MB，");
    }

    [Theory]
    // Each was "malformed JSON: a comma or a quote is missing" at line 1, or "not UTF-8 (GBK?)" for the PDF.
    [InlineData("reports/2024_hongzequ.txt", "RL0102", "这不是报告的 JSON 文件，而是一段文字（如已发布报告的文本）。请先转换：reportlint import")]
    [InlineData("reports/pdf/2024_hongzequ.pdf", "RL0101", "这是 PDF 文件，不是报告的 JSON 文件。请先转换：reportlint import")]
    [InlineData("seeds/000_1c6b722cb07b2c5a.txt", "RL0102", "这不是报告的 JSON 文件，而是一段文字")]
    public void A_published_report_given_to_the_checker_is_told_to_be_imported_first(string file, string rule, string says)
    {
        var finding = Lint.Linter.Lint(file, File.ReadAllBytes(Path.Combine(Paths.Shared, file))).ShouldHaveSingleItem();
        (finding.RuleId, finding.Line, finding.Column).ShouldBe((rule, 1, 1));
        finding.Message.ShouldStartWith(says);
    }

    [Fact]
    public void A_web_page_given_to_the_checker_is_told_to_be_imported_first()
    {
        var finding = Lint.Linter.Lint("page.html", File.ReadAllBytes(Path.Combine(Paths.Fixtures, "html", "003_yunzhou.html"))).ShouldHaveSingleItem();
        finding.Message.ShouldStartWith("这不是报告的 JSON 文件，而是网页（HTML）。请先转换：reportlint import page.html");
    }

    [Fact]
    public void A_binary_file_is_called_binary_not_utf16()
    {
        // A macOS AppleDouble file (._report.json, made on network shares and USB drives) starts 00 05 16 07 and was
        // reported as UTF-16 with the advice to save it as UTF-8.
        byte[] appleDouble = [0, 5, 22, 7, 0, 2, 0, 0, .. Encoding.ASCII.GetBytes("Mac OS X        "), 0, 2];
        var finding = Lint.Linter.Lint("._report.json", appleDouble).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RL0101");
        finding.Message.ShouldStartWith("这不是文本文件（是二进制文件");

        // UTF-16 without a byte order mark is still UTF-16.
        var utf16 = Encoding.Unicode.GetBytes(Example);
        Lint.Linter.Lint("utf16.json", utf16).ShouldHaveSingleItem().Message.ShouldContain("UTF-16");
        Lint.Linter.Lint("utf16be.json", Encoding.BigEndianUnicode.GetBytes(Example)).ShouldHaveSingleItem().Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void A_gbk_encoded_file_is_refused_with_advice()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"agency\": {\"name\": \"").Concat(new byte[] { 0xBA, 0xF4, 0xBA, 0xCD }).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();
        var finding = Lint.Linter.Lint("gbk.json", bytes).ShouldHaveSingleItem();
        finding.IsInputError.ShouldBeTrue();
        finding.Message.ShouldContain("UTF-8");
        (finding.Line, finding.Column).ShouldBe((1, 22));
    }

    [Theory]
    [InlineData("\"other\": \"本年度", "\"other\": \"\\uD800本年度", 15, 14)]
    [InlineData("\"name\": \"呼和浩特市", "\"name\": \"呼和浩特市\\uDC00", 4, 23)]
    public void Half_a_surrogate_pair_is_refused_where_it_is(string find, string replace, int line, int column)
    {
        // "\uD800" is valid JSON syntax but no character: decoding it throws inside System.Text.Json.
        var finding = Lint.Linter.Lint("surrogate.json", Encoding.UTF8.GetBytes(Lint.Mutate(Example, find, replace))).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RL0102");
        finding.IsInputError.ShouldBeTrue();
        finding.Message.ShouldContain("\\uD800");
        (finding.Line, finding.Column).ShouldBe((line, column));
    }

    [Theory]
    // The passes before the main one (the template and year; a table laid out for another template) decoded these and
    // crashed (exit 3): a key, the template, a column of such a table.
    [InlineData("{\"\\uD800\":1}", 1, 2)]
    [InlineData("{\"year\":2024,\"template\":\"\\uD800\"}", 1, 25)]
    [InlineData("{\"template\":\"2019\",\"year\":2020,\"tables\":{\"requests\":{\"no_correction\":{\"\\uD800\":0}}}}", 1, 71)]
    public void Half_a_surrogate_pair_read_before_the_main_pass_is_refused_where_it_is(string json, int line, int column)
    {
        var finding = Lint.Linter.Lint("surrogate.json", Encoding.UTF8.GetBytes(json)).Single(f => f.RuleId == "RL0102");
        finding.Message.ShouldContain("\\uD800");
        (finding.Line, finding.Column).ShouldBe((line, column));
    }

    [Fact]
    public void A_section_with_escapes_reads_as_the_text_it_encodes()
    {
        var json = Lint.Mutate(Example, "\"other\": \"本年度", "\"other\": \"\\u672c\\t\\\"引号\\\"\\n本年度");
        var report = Lint.Linter.Read("escapes.json", Encoding.UTF8.GetBytes(json)).Report.ShouldNotBeNull();
        report.Section("other").ShouldStartWith("本\t\"引号\"\n本年度");
        report.Section("proactive").ShouldBe("");
        report.Section("nonsense").ShouldBeNull();
    }

    [Fact]
    public void Absurd_nesting_is_refused_not_overflowed()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        var finding = Lint.Text("deep.json", json).ShouldHaveSingleItem();
        finding.IsInputError.ShouldBeTrue();
        finding.RuleId.ShouldBe("RL0102");
    }

    [Fact]
    public void Blank_is_not_zero_and_text_is_kept_as_written()
    {
        var json = Lint.Mutate(Lint.Mutate(Example, "{ \"decisions\": 815 }", "{ \"decisions\": null }"), "{ \"amount\": 3821.28 }", "{ \"amount\": \"3821.28万元\" }");
        var findings = Lint.Tables("r.json", json);
        findings.Select(f => f.RuleId).ShouldBe(["RL1005", "RL1006"]);
        findings[1].Message.ShouldContain("3821.28万元");
    }

    [Fact]
    public void Names_and_texts_of_a_megabyte_are_quoted_cut_short_and_every_finding_stays_small()
    {
        // Before, each was quoted whole: a 1 MB key gave a 1 MB message, and the agency's name went whole into every
        // finding. Half a million CJK characters each (1.5 MB of UTF-8), ending in a surrogate pair at the cut.
        var huge = new string('长', Quoted.MaxLength - 1) + "😀" + new string('长', 500_000);
        var json = Lint.Mutate(Example, "\"year\": 2024,", $"\"year\": 2024, \"{huge}\": 1,");
        json = Lint.Mutate(json, "\"petition\":", $"\"{huge}\": {{}}, \"petition\":");
        json = Lint.Mutate(json, "{ \"decisions\": 815 }", $"{{ \"decisions\": \"{huge}\", \"{huge}\": 1 }}");
        json = Lint.Mutate(json, "\"name\": \"", $"\"name\": \"{huge}");

        var findings = Lint.Text("r.json", json);
        var brief = new string('长', Quoted.MaxLength - 1) + "…";
        findings.Where(f => f.Message.Contains(brief)).Select(f => f.RuleId).Order().ShouldBe(["RL0105", "RL0105", "RL0110", "RL1006"]);
        findings.ShouldAllBe(f => f.Message.Length < 1000 && f.MessageEn.Length < 1000 && (f.Agency == null || f.Agency.Length <= Quoted.MaxLength + 1) && (f.CellKey == null || f.CellKey.Length < 300));
        findings.Where(f => f.Agency != null).ShouldNotBeEmpty();
        findings.Where(f => f.Agency != null).ShouldAllBe(f => f.Agency == brief);
    }

    [Theory]
    [InlineData(false, true)] // little-endian with a byte order mark: what Notepad saves as "Unicode"
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void A_utf16_file_is_named_as_such_at_its_start(bool bigEndian, bool byteOrderMark)
    {
        // Before: "perhaps GBK" somewhere in the middle, or — for UTF-16 without a byte order mark, which is valid
        // UTF-8 — a JSON syntax error at line 1 column 2.
        var text = new UnicodeEncoding(bigEndian, byteOrderMark);
        var bytes = text.GetPreamble().Concat(text.GetBytes(Example)).ToArray();
        (bytes[0] is 0xFF or 0xFE).ShouldBe(byteOrderMark);
        var finding = Lint.Linter.Lint("r.json", bytes).ShouldHaveSingleItem();
        (finding.RuleId, finding.Line, finding.Column).ShouldBe(("RL0101", 1, 1));
        finding.Message.ShouldStartWith("文件是 UTF-16 编码（Windows 记事本中称为“Unicode”），不是 UTF-8。");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_utf32_file_is_not_called_utf16(bool bigEndian, bool byteOrderMark)
    {
        var text = new UTF32Encoding(bigEndian, byteOrderMark);
        var bytes = text.GetPreamble().Concat(text.GetBytes(Example)).ToArray();
        var finding = Lint.Linter.Lint("r.json", bytes).ShouldHaveSingleItem();
        (finding.RuleId, finding.Line, finding.Column).ShouldBe(("RL0101", 1, 1));
        finding.Message.ShouldStartWith("文件是 UTF-32 编码，不是 UTF-8。");
    }

    public static TheoryData<string, string, string> SyntaxMistakes => new()
    {
        // What people type when they edit a report by hand, and what they are told (the English reader's detail follows).
        { "\"year\": 2024,", "\"year\": 2024，", "3:15 这里的“，”是中文（全角）字符，JSON 的符号和数字须用英文（半角）的 “,”。" },
        { "\"year\": 2024,", "\"year\"： 2024,", "3:9 这里的“：”是中文（全角）字符，JSON 的符号和数字须用英文（半角）的 “:”。" },
        { "{ \"decisions\": 815 }", "{ \"decisions\": ８１５ }", "22:45 这里的“８”是中文（全角）字符，JSON 的符号和数字须用英文（半角）的 “8”。" },
        { "\"year\": 2024,", "\"year\": 2024,\n  // 年度\n", "4:3 JSON 不允许注释（// 或 /* */），请删去。" },
        // Were "a key must be in double quotes" (it was) and "common causes: a missing comma…".
        { "\"year\": 2024,", "\"year\": 2024,\n  \u200B\"x\": 1,", "4:3 这里有一个看不见的字符（零宽空格，U+200B），多半是从网页或 Word 复制来的；请删去它。" },
        { "\"year\": 2024,", "\"year\":\u00A02024,", "3:10 这里有一个看不见的字符（不间断空格，U+00A0），多半是从网页或 Word 复制来的；请删去它。" },
        { "{ \"decisions\": 815 }", "{ \"decisions\": 815, }", "22:50 最后一项后面多了一个逗号，请删去。" },
        { "\"year\": 2024,", "\"year\": 2024,,", "3:16 这里多了一个逗号，请删去。" },
        { "\"year\": 2024,", "\"year\": 2024", "4:3 前一项后面缺少逗号“,”（或括号不配对）。" },
        { "\"year\": 2024,", "\"year\" 2024,", "3:10 键名后面缺少冒号“:”。" },
        { "\"year\": 2024,", "year: 2024,", "3:3 键名须用英文双引号括起来，如 \"year\"。" },
        { "\"year\": 2024,", "'year': 2024,", "3:3 JSON 的键名和文字须用英文双引号 \" 括起来，不能用单引号。" },
        { "\"year\": 2024,", "\"year\": \"20\n24\",", "3:14 文字中不能直接换行或含控制字符；换行请写作 \\n。" },
        { "\"year\": 2024,", "\"year\": \"C:\\x\",", "3:15 文字中的反斜杠“\\”须写作“\\\\”。" },
    };

    [Theory]
    [MemberData(nameof(SyntaxMistakes))]
    public void A_syntax_mistake_is_explained_in_words_at_its_place(string from, string to, string expected)
    {
        var finding = Lint.Text("r.json", Lint.Mutate(Example, from, to)).ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("RL0102");
        var hint = finding.Message["JSON 格式错误，文件无法读取：".Length..];
        $"{finding.Line}:{finding.Column} {hint[..hint.IndexOf("（技术信息：", StringComparison.Ordinal)]}".ShouldBe(expected);
    }

    [Fact]
    public void A_report_cut_short_or_with_more_after_its_end_is_explained()
    {
        Lint.Text("r.json", Example[..(Example.Length / 2)]).ShouldHaveSingleItem().Message.ShouldContain("文件在中途就结束了");
        // Cut after a line, as a truncated upload usually is: it was "a key must be in double quotes".
        var lines = Example.Split('\n');
        Lint.Text("r.json", string.Join('\n', lines[..30]) + "\n").ShouldHaveSingleItem().Message.ShouldContain("文件在中途就结束了");
        Lint.Text("r.json", "{\"year\": 2024,\n").ShouldHaveSingleItem().Message.ShouldContain("文件在中途就结束了");
        Lint.Text("r.json", Example + "}").ShouldHaveSingleItem().Message.ShouldContain("后面多出了内容");
    }
}
