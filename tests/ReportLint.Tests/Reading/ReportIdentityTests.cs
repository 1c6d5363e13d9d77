using ReportLint.Reading;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Reading;

/// <summary>Who reported for which year, read from the start of a file to pair it with last year's report.</summary>
public class ReportIdentityTests
{
    private static string Write(string json)
    {
        var path = Path.Combine(Scratch.Directory("identity"), "r.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_real_report_names_its_agency_and_year_at_the_top()
    {
        ReportIdentity.Sniff(Path.Combine(Paths.Fixtures, "expected", "2023_hongzequ.json")).ShouldBe(("洪泽区人民政府", 2023));
    }

    [Fact]
    public void Agency_and_year_after_a_long_section_are_still_found()
    {
        // Far beyond the part read first: the whole file is read instead.
        var json = $$"""{ "sections": { "overview": "{{new string('很', 5000)}}" }, "year": 2024, "agency": { "kind": "department", "name": "某某局" } }""";
        ReportIdentity.Sniff(Write(json)).ShouldBe(("某某局", 2024));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_read_whole_to_find_them()
    {
        // The check refuses such a file unread (RL0101); the pairing pass must not read all of it either.
        var padding = new string(' ', ReportReader.MaxBytes);
        var json = $$"""{ "sections": { "overview": "很" },{{padding}} "year": 2024, "agency": { "name": "某某局" } }""";
        ReportIdentity.Sniff(Write(json)).ShouldBeNull();
        ReportIdentity.Sniff(Write(json.Replace(padding, " "))).ShouldBe(("某某局", 2024), "the same report within the limit");
    }

    [Theory]
    [InlineData("""{ "year": 2024 }""")]
    [InlineData("""{ "agency": { "name": "某某局" } }""")]
    [InlineData("""{ "year": 2024, "agency": { "name": "某某局" """)]
    [InlineData("""[1, 2]""")]
    [InlineData("""{ "year": "2024", "agency": { "name": "某某局" } }""")]
    public void Without_both_or_in_a_broken_file_there_is_no_identity(string json)
    {
        ReportIdentity.Sniff(Write(json)).ShouldBeNull();
    }

    [Fact]
    public void A_missing_file_has_no_identity()
    {
        ReportIdentity.Sniff(Path.Combine(Scratch.Directory("identity"), "gone.json")).ShouldBeNull();
    }
}
