using ReportLint.Narrative;

namespace ReportLint.Tests.Narrative;

/// <summary>How reports write numbers, from the real reports and the examples.</summary>
public class NumberReaderTests
{
    [Theory]
    [InlineData("85", 85)]
    [InlineData("８５", 85)]
    [InlineData("3,119", 3119)]
    [InlineData("3119", 3119)]
    [InlineData("96171.6", 96171.6)]
    [InlineData("79.16", 79.16)]
    [InlineData("十二", 12)]
    [InlineData("十", 10)]
    [InlineData("二十", 20)]
    [InlineData("两", 2)]
    [InlineData("一百零五", 105)]
    [InlineData("三万四千", 34000)]
    [InlineData("两千七百八十九", 2789)]
    public void Reads_numbers_as_reports_write_them(string text, double expected)
    {
        NumberReader.TryRead(text, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("件")]
    [InlineData("1.2.3")]
    public void Refuses_what_is_not_a_number(string text) => NumberReader.TryRead(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("overview", "2024年收到政府信息公开申请85件,均已办结。", "(收到|受理)*申请*{n}件", 85, false, false)]
    [InlineData("overview", "2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。", "(收到|受理)*申请*{n}件", 21, false, false)]
    [InlineData("overview", "共收到依申请公开办理45件,已办结45件", "(收到|受理)*申请*{n}件", 45, false, false)]
    [InlineData("overview", "全年共收到政府信息公开申请十二件。", "(收到|受理)*申请*{n}件", 12, false, false)]
    [InlineData("overview", "主动发布各类信息2789余条。", "发布*信息{n}条", 2789, true, false)]
    [InlineData("overview", "继续有效57份,占清理总数的79.16%;", "占清理总数的{n}", 79.16, false, true)]
    [InlineData("overview", "现行有效规范性文件共计１８件。", "现行有效*规范性文件*{n}(件|个)", 18, false, false)]
    public void Finds_the_number_a_phrase_states(string section, string text, string pattern, double value, bool approximate, bool percent)
    {
        var match = new NarrativeText(section, text).Find(new NarrativePattern(section, pattern)).ShouldHaveSingleItem();
        match.Number.ShouldBe(new StatedNumber((decimal)value, approximate, percent));
        text.ShouldContain(match.Sentence);
    }

    [Fact]
    public void A_phrase_stays_within_its_sentence()
    {
        var text = "本年度收到来信60件。政府信息公开申请共5件。";
        new NarrativeText("overview", text).Find(new NarrativePattern("overview", "收到*申请*{n}件")).ShouldBeEmpty();
    }
}
