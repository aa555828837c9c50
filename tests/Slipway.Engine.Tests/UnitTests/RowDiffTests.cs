using Slipway.Adapters.Results;
using Slipway.Engine.UnitTests;

namespace Slipway.Engine.Tests.UnitTests;

/// <summary>Actual vs expected rows compare as multisets: order is free, duplicates count, null is not the text "null".</summary>
public sealed class RowDiffTests
{
    private static ResultTable Table(params object?[][] rows) =>
        new(["id", "name", "actual_or_expected"], ["INTEGER", "VARCHAR", "VARCHAR"], rows);

    [Fact]
    public void Rows_in_another_order_are_equal()
    {
        var diff = RowDiff.Compare(Table([1, "a", "actual"], [2, "b", "actual"], [2, "b", "expected"], [1, "a", "expected"]));
        Assert.False(diff.HasDifference);
    }

    [Fact]
    public void A_duplicate_row_counts()
    {
        var diff = RowDiff.Compare(Table([1, "a", "actual"], [1, "a", "expected"], [1, "a", "expected"]));
        Assert.True(diff.HasDifference);
        Assert.Equal((1, 0), (diff.Missing, diff.Extra));
        Assert.Equal("\n\nactual differs from expected:\n\n@@  | id | name\n    | 1  | a\n--- | 1  | a\n", diff.Render());
    }

    [Fact]
    public void A_missing_and_an_unexpected_row_with_the_same_first_column_show_as_one_change()
    {
        var diff = RowDiff.Compare(Table([1, "a", "actual"], [2, "c", "actual"], [1, "a", "expected"], [2, "b", "expected"], [3, "d", "expected"]));
        Assert.Equal((2, 1), (diff.Missing, diff.Extra));
        Assert.Equal("\n\nactual differs from expected:\n\n@@  | id | name\n    | 1  | a\n→   | 2  | b→c\n--- | 3  | d\n", diff.Render());
    }

    [Fact]
    public void Null_differs_from_the_text_null()
    {
        var diff = RowDiff.Compare(Table([1, null, "actual"], [1, "null", "expected"]));
        Assert.Equal((1, 1), (diff.Missing, diff.Extra));
    }
}
