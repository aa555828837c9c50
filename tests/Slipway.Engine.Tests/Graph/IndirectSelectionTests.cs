using Slipway.Engine.Graph.Selection;
using static Slipway.Engine.Tests.Graph.ShopGraph;

namespace Slipway.Engine.Tests.Graph;

/// <summary>
/// dbt's test selection docs: eager takes tests with any selected parent, cautious only tests whose parents are
/// all selected, buildable also tests whose other parents are ancestors of the selection, empty none; test
/// exclusion is always greedy.
/// </summary>
public class IndirectSelectionTests
{
    [Fact]
    public void Eager_selects_tests_that_touch_any_selected_node() =>
        Assert.Equal(Ids(Orders, NotNull, Relationships, Singular, UnitTest), Select("orders"));

    [Fact]
    public void Cautious_selects_only_tests_whose_parents_are_all_selected()
    {
        Assert.Equal(Ids(Orders, NotNull, Singular, UnitTest), Select("orders", mode: IndirectSelection.Cautious));
        Assert.Equal(Ids(StgCustomers), Select("stg_customers", mode: IndirectSelection.Cautious));
    }

    [Fact]
    public void Cautious_takes_a_test_once_a_union_brings_in_its_other_parent() =>
        Assert.Equal(Ids(Orders, StgCustomers, NotNull, Singular, UnitTest, Relationships),
            Select("orders stg_customers", mode: IndirectSelection.Cautious));

    [Fact]
    public void Buildable_accepts_parents_that_are_ancestors_of_the_selection()
    {
        Assert.Equal(Ids(Orders, NotNull, Relationships, Singular, UnitTest), Select("orders", mode: IndirectSelection.Buildable));
        Assert.Equal(Ids(StgCustomers), Select("stg_customers", mode: IndirectSelection.Buildable));
    }

    [Fact]
    public void Empty_selects_no_tests() => Assert.Equal(Ids(Orders), Select("orders", mode: IndirectSelection.Empty));

    [Fact]
    public void Eager_on_a_parent_of_a_multi_parent_test() =>
        Assert.Equal(Ids(StgCustomers, Relationships), Select("stg_customers"));

    [Fact]
    public void Excluding_a_node_excludes_every_test_that_touches_it()
    {
        Assert.Equal(Ids(Orders, NotNull, Singular, UnitTest), Select("orders", "stg_customers"));
        Assert.Equal(Ids(Orders, NotNull, Singular, UnitTest), Select("orders", "stg_customers", IndirectSelection.Cautious));
    }

    [Fact]
    public void Tests_limited_to_one_model_by_type()
    {
        Assert.Equal(Ids(NotNull, Relationships, Singular), Select("orders,test_type:data"));
        Assert.Equal(Ids(UnitTest), Select("orders,test_type:unit"));
        Assert.Equal(Ids(NotNull, Relationships), Select("orders,test_type:generic"));
    }

    [Fact]
    public void Tests_selected_directly_come_alone() =>
        Assert.Equal(Ids(NotNull), Select("test_name:not_null"));
}
