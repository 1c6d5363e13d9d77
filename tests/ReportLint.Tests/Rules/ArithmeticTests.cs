using ReportLint.Validation;

namespace ReportLint.Tests.Rules;

/// <summary>
/// Whole cells are added and compared as integers, everything else as decimals: the two must give the same answers,
/// also where they meet (a whole and a fraction) and where integers would overflow.
/// </summary>
public class ArithmeticTests
{
    private static Num Cell(decimal value) => Num.Of(CellValue.Of(value));

    private static Num WholeCell(long value) => Num.Of(CellValue.Of(value));

    [Fact]
    public void Whole_cells_are_carried_as_integers_and_fractions_as_decimals()
    {
        WholeCell(7).IsWholeNumber.ShouldBeTrue();
        Cell(7.5m).IsWholeNumber.ShouldBeFalse();
        Num.Of(CellValue.Blank).Known.ShouldBeFalse();
        Eval.Add(WholeCell(5), WholeCell(2)).ShouldSatisfyAllConditions(n => n.IsWholeNumber.ShouldBeTrue(), n => n.Value.ShouldBe(7m));
    }

    [Theory]
    [InlineData(7, "7.0", Tri.True)]
    [InlineData(7, "7.5", Tri.False)]
    [InlineData(7, "6.99", Tri.False)]
    public void A_whole_and_a_fraction_compare_by_value(long whole, string fraction, Tri equal)
    {
        var number = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);
        Eval.Equal(WholeCell(whole), Cell(number)).ShouldBe(equal);
        Eval.Equal(Cell(number), WholeCell(whole)).ShouldBe(equal);
        Eval.Add(WholeCell(whole), Cell(number)).Value.ShouldBe(whole + number);
        Eval.Subtract(WholeCell(whole), Cell(number)).Value.ShouldBe(whole - number);
        Eval.GreaterOrEqual(WholeCell(whole), Cell(number)).ShouldBe(whole >= number ? Tri.True : Tri.False);
        Eval.Less(WholeCell(whole), Cell(number)).ShouldBe(whole < number ? Tri.True : Tri.False);
    }

    [Fact]
    public void A_result_beyond_decimal_range_is_unknown_not_a_crash()
    {
        // Cells stay below 10^18, but a rule may multiply or divide cells by each other.
        var huge = Cell(79_228_162_514_264_337_593_543_950_335m);
        Eval.Add(huge, WholeCell(1)).Known.ShouldBeFalse();
        Eval.Subtract(Cell(-79_228_162_514_264_337_593_543_950_335m), WholeCell(1)).Known.ShouldBeFalse();
        Eval.Multiply(Cell(1e18m), Cell(1e18m)).Known.ShouldBeFalse();
        Eval.Divide(Cell(1e18m), Cell(0.0000000000001m)).Known.ShouldBeFalse();
        Eval.Equal(huge, Cell(-huge.Value), 1m).ShouldBe(Tri.False);
    }

    [Fact]
    public void Integers_that_would_overflow_continue_exactly_as_decimals()
    {
        var large = WholeCell(long.MaxValue - 1);
        var sum = Eval.Add(large, WholeCell(5));
        sum.IsWholeNumber.ShouldBeFalse();
        sum.Value.ShouldBe((decimal)long.MaxValue + 4);
        var difference = Eval.Subtract(WholeCell(long.MinValue + 1), WholeCell(5));
        difference.IsWholeNumber.ShouldBeFalse();
        difference.Value.ShouldBe((decimal)long.MinValue - 4);
        Eval.Equal(sum, Eval.Add(Cell((decimal)long.MaxValue), Cell(4))).ShouldBe(Tri.True);
    }

    [Fact]
    public void Unknown_stays_unknown_whatever_the_other_side_holds()
    {
        Eval.Add(WholeCell(1), Num.Unknown).Known.ShouldBeFalse();
        Eval.Add(Num.Unknown, Cell(1.5m)).Known.ShouldBeFalse();
        Eval.Equal(Num.Unknown, WholeCell(0)).ShouldBe(Tri.Unknown);
        Eval.IsWhole(Num.Unknown).ShouldBe(Tri.Unknown);
        Eval.IsWhole(WholeCell(3)).ShouldBe(Tri.True);
        Eval.IsWhole(Cell(3.0m)).ShouldBe(Tri.True);
        Eval.IsWhole(Cell(3.5m)).ShouldBe(Tri.False);
    }

    [Fact]
    public void A_group_sums_its_rows_as_integers_and_mixed_rows_exactly()
    {
        CellValue[] cells = [CellValue.NotReported, CellValue.Of(2L), CellValue.Of(3L), CellValue.Of(0.5m)];
        Eval.Group(cells, 0, [1, 2]).ShouldSatisfyAllConditions(n => n.IsWholeNumber.ShouldBeTrue(), n => n.Value.ShouldBe(5m));
        Eval.Group(cells, 0, [1, 2, 3]).Value.ShouldBe(5.5m);
        cells[1] = CellValue.Blank;
        Eval.Group(cells, 0, [1, 2]).Known.ShouldBeFalse();
    }

    [Fact]
    public void A_reported_whole_number_keeps_its_written_form_in_messages()
    {
        // 7 read as an integer prints as 7; 7.0 read as a decimal still prints as 7.0.
        WholeCell(7).Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("7");
        Cell(7.0m).Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("7.0");
    }
}
