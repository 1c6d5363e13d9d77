using ReportLint.Validation;

namespace ReportLint.Tests.RuleFiles;

/// <summary>The distance behind every "did you mean …?": kept in three rows, it gives what the whole table gives.</summary>
public class EditDistanceTests
{
    [Theory]
    [InlineData("RL1030", "RL1003", 1)]
    [InlineData("chekc", "check", 1)]
    [InlineData("", "total", 5)]
    [InlineData("carried_over", "carried_forward", 5)]
    public void Known_distances(string a, string b, int expected)
    {
        EditDistance.Between(a, b).ShouldBe(expected);
        EditDistance.Between(b, a).ShouldBe(expected);
    }

    [Fact]
    public void Generated_pairs_give_the_distance_of_the_whole_table()
    {
        var random = new Random(20261123);
        for (var n = 0; n < 5_000; n++)
        {
            var a = Word(random);
            var b = random.Next(3) == 0 ? Slip(a, random) : Word(random);
            EditDistance.Between(a, b).ShouldBe(WholeTable(a, b), $"{a} / {b}");
        }
    }

    private static string Word(Random random) => new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => "abcd_"[random.Next(5)])]);

    private static string Slip(string word, Random random)
    {
        if (word.Length < 2)
        {
            return word + "a";
        }
        var at = random.Next(word.Length - 1);
        return word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
    }

    /// <summary>The distance as first written: the whole (n+1)×(m+1) table.</summary>
    private static int WholeTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
