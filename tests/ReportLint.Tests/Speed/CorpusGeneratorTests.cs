using ReportLint.Benchmarks;
using ReportLint.Reading;
using ReportLint.Tests.Support;
using ReportLint.Validation;

namespace ReportLint.Tests.Speed;

/// <summary>
/// The benchmark corpus (issue 7): the same seed always gives the same bytes, so every figure in docs/performance.md is
/// measured on the same reports on every machine; and it is what it claims to be — valid reports, one in ten with a
/// mistake in its tables.
/// </summary>
public class CorpusGeneratorTests
{
    private static CorpusGenerator Generator(int seed) => new(TemplateRegistry.Default.Find("2021")!,
        CorpusGenerator.SectionsFrom(Lint.Example("004_459b43244279d95c.json")), seed);

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var first = Generator(7).Reports(50).ToList();
        var again = Generator(7).Reports(50).ToList();
        var other = Generator(8).Reports(50).ToList();

        again.Select(r => r.Name).ShouldBe(first.Select(r => r.Name));
        for (var i = 0; i < first.Count; i++)
        {
            again[i].Bytes.ShouldBe(first[i].Bytes, first[i].Name);
        }
        other.Zip(first).Count(pair => !pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes)).ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Every_report_reads_cleanly_and_one_in_ten_has_a_mistake_in_its_tables()
    {
        var reports = Generator(7).Reports(200).ToList();

        for (var i = 0; i < reports.Count; i++)
        {
            var (name, bytes) = reports[i];
            bytes.Length.ShouldBeInRange(5_000, 20_000, "about 10 KB, as docs/performance.md says");
            var findings = Lint.Linter.Lint(name, bytes);
            findings.ShouldNotContain(f => f.IsInputError, name);
            var tableErrors = findings.Where(f => f.Severity == Severity.Error && f.RuleId.StartsWith("RL10", StringComparison.Ordinal)).ToList();
            if (i % CorpusGenerator.ErrorShare == CorpusGenerator.ErrorShare - 1)
            {
                tableErrors.ShouldNotBeEmpty($"{name} is generated with one wrong cell");
            }
            else
            {
                tableErrors.ShouldBeEmpty(name);
            }
        }
    }
}
