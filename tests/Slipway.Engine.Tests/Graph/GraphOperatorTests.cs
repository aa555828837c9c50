using Slipway.Engine.Graph.Selection;
using static Slipway.Engine.Tests.Graph.ShopGraph;

namespace Slipway.Engine.Tests.Graph;

/// <summary>Graph operators (+, n+, +n, @) and set operators (space, comma, --exclude) from dbt's syntax docs.</summary>
public class GraphOperatorTests
{
    private static readonly string[] OrdersDownstream = [Orders, NotNull, Relationships, Singular, UnitTest, Exposure, Metric, SemanticModel, SavedQuery];

    [Fact]
    public void Plus_prefix_selects_all_ancestors() =>
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers, RawOrders, Customers), Direct("+orders"));

    [Fact]
    public void N_plus_prefix_limits_ancestor_depth()
    {
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers), Direct("1+orders"));
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers, RawOrders, Customers), Direct("2+orders"));
    }

    [Fact]
    public void Plus_suffix_selects_all_descendants() =>
        Assert.Equal(Ids([StgOrders, .. OrdersDownstream]), Direct("stg_orders+"));

    [Fact]
    public void Plus_n_suffix_limits_descendant_depth()
    {
        Assert.Equal(Ids(StgCustomers, Orders, DimV1, DimV2, Legacy, Relationships), Direct("stg_customers+1"));
        Assert.Equal(Ids(StgOrders, Orders), Direct("stg_orders+1"));
    }

    [Fact]
    public void Both_sides_combine()
    {
        Assert.Equal(Ids(StgOrders, RawOrders, Orders), Direct("1+stg_orders+1"));
    }

    [Fact]
    public void At_selects_children_and_all_their_parents() =>
        Assert.Equal(Ids([StgOrders, .. OrdersDownstream, RawOrders, StgCustomers, Customers]), Direct("@stg_orders"));

    [Fact]
    public void At_cannot_be_combined_with_a_plus_suffix()
    {
        var error = Assert.Throws<SelectorException>(() => Direct("@stg_orders+"));
        Assert.Equal("Invalid node spec @stg_orders+ - \"@\" prefix and \"+\" suffix are incompatible", error.Message);
    }

    [Fact]
    public void Space_is_a_union_and_repeated_select_values_too()
    {
        Assert.Equal(Ids(StgOrders, StgCustomers), Direct("stg_orders stg_customers"));
        var spec = SelectionParser.ParseDifference(["stg_orders", "tag:raw"], null, IndirectSelection.Empty);
        Assert.Equal(Ids(StgOrders, RawOrders, Customers), NodeSelector.Select(ShopGraph.Build(), spec).Selected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Comma_is_an_intersection()
    {
        Assert.Equal(Ids(Orders), Direct("tag:nightly,config.materialized:table"));
        Assert.Equal(Ids(StgCustomers), Direct("+orders,staging,tag:staging,stg_c*.sql"));
        Assert.Equal(Ids(Orders, StgOrders), Direct("stg_orders+,tag:nightly"));
    }

    [Fact]
    public void Exclude_removes_from_the_selection()
    {
        Assert.Equal(Ids(StgCustomers), Select("staging", "stg_orders", IndirectSelection.Empty));
        Assert.Equal(Ids(StgCustomers, Customers), Select("models/staging", "tag:nightly", IndirectSelection.Empty));
        Assert.Equal(Ids(RawOrders), Select("+stg_orders", "stg_orders+", IndirectSelection.Empty));
    }

    [Fact]
    public void No_selection_selects_every_enabled_member()
    {
        var all = Select(null);
        Assert.Equal(17, all.Length);
        Assert.Contains(Customers, all);
        Assert.Contains(SavedQuery, all);
        Assert.DoesNotContain("model.shop.old_orders", all);
        Assert.DoesNotContain("model.shop.placeholder", all);
    }

    [Fact]
    public void Resource_type_filter_applies_after_selection()
    {
        var modelsOnly = new SelectionOptions { ResourceTypes = new HashSet<string> { "model" } };
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers), Select("+orders", options: modelsOnly));
        var build = ResourceTypeFilter.FromArgs(["all"], ["unit_test", "exposure", "saved_query"], ResourceTypeFilter.Build, ResourceTypeFilter.Build);
        Assert.Equal(Ids(Orders, NotNull, Relationships, Singular), Select("orders", options: new SelectionOptions { ResourceTypes = build }));
    }

    [Fact]
    public void A_criterion_that_matches_nothing_warns_as_dbt_does()
    {
        var spec = SelectionParser.ParseDifference(["nothing_here", "orders"], null);
        var result = NodeSelector.Select(ShopGraph.Build(), spec);
        Assert.Equal(["The selection criterion 'nothing_here' does not match any enabled nodes"], result.Warnings);
    }
}
