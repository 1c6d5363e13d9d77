using ReportLint.Importing;
using ReportLint.Tests.Support;

namespace ReportLint.Tests.Importing;

/// <summary>
/// The agency of a report without a title: the longest name ending in 人民政府 / 管委会 used twice. It is counted in one
/// pass; these compare it with the plain definition (search the whole text for each candidate), which was quadratic.
/// </summary>
public class AgencyGuessTests
{
    [Fact]
    public void Real_report_texts_give_the_agency_the_plain_definition_gives()
    {
        var texts = Directory.EnumerateFiles(Path.Combine(Paths.Shared, "reports"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.Shared, "seeds"), "*.txt"))
            .Select(File.ReadAllText)
            .ToList();
        texts.Count.ShouldBeGreaterThanOrEqualTo(8);
        var named = 0;
        foreach (var text in texts)
        {
            var expected = Plain(text);
            ReportImporter.AgencyIn(text).ShouldBe(expected);
            named += expected is null ? 0 : 1;
        }
        named.ShouldBeGreaterThan(texts.Count / 2);
    }

    [Fact]
    public void Generated_texts_give_the_agency_the_plain_definition_gives()
    {
        // Few distinct pieces, so names repeat, overlap (甲人民政府甲人民政府…), tie in length and stop at NotAStart characters.
        string[] pieces = ["人民政府", "管委会", "管理委员会", "甲", "乙", "丙", "县", "的", "与", "，", "a", "。"];
        var random = new Random(20261123);
        var differences = 0;
        var named = 0;
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Plain(text);
            named += expected is null ? 0 : 1;
            differences += ReportImporter.AgencyIn(text) == expected ? 0 : 1;
        }
        differences.ShouldBe(0);
        named.ShouldBeGreaterThan(500);
    }

    /// <summary>The definition as first written: each candidate counted by searching the whole text.</summary>
    private static string? Plain(string lead)
    {
        string? best = null;
        foreach (System.Text.RegularExpressions.Match suffix in System.Text.RegularExpressions.Regex.Matches(lead, "(人民政府|管委会|管理委员会)"))
        {
            var endAt = suffix.Index + suffix.Length;
            for (var length = suffix.Length + 2; length <= suffix.Length + 14 && suffix.Index - (length - suffix.Length) >= 0; length++)
            {
                var startAt = endAt - length;
                if (!IsHan(lead[startAt]))
                {
                    break;
                }
                if ("在与向由经对按和及是的为将据从我本请了至于以".Contains(lead[startAt]))
                {
                    continue;
                }
                var candidate = lead.Substring(startAt, length);
                if (Count(lead, candidate) >= 2 && (best is null || candidate.Length > best.Length))
                {
                    best = candidate;
                }
            }
        }
        return best;

        static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
        static int Count(string text, string part)
        {
            var count = 0;
            for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            {
                count++;
            }
            return count;
        }
    }
}
