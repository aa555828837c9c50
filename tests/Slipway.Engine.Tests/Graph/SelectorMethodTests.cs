using Slipway.Engine.Graph.Selection;
using static Slipway.Engine.Tests.Graph.ShopGraph;

namespace Slipway.Engine.Tests.Graph;

/// <summary>Each selector method of dbt's node selection docs, with indirect selection off.</summary>
public class SelectorMethodTests
{
    [Theory]
    [InlineData("orders", new[] { Orders })]
    [InlineData("fqn:orders", new[] { Orders })]
    [InlineData("shop.staging.stg_orders", new[] { StgOrders })]
    [InlineData("staging", new[] { StgOrders, StgCustomers })]
    [InlineData("shop.staging", new[] { StgOrders, StgCustomers })]
    [InlineData("*.staging.*", new[] { StgOrders, StgCustomers })]
    [InlineData("shop.staging.stg_c*", new[] { StgCustomers })]
    [InlineData("utils", new[] { DateSpine })]
    [InlineData("helpers.date_spine", new[] { DateSpine })]
    [InlineData("dim_customers", new[] { DimV1, DimV2 })]
    [InlineData("dim_customers.v2", new[] { DimV2 })]
    [InlineData("dim_customers_v1", new[] { DimV1 })]
    [InlineData("fqn:stg_orders_typo", new string[0])]
    public void Fqn_selects_by_name_dotted_path_and_wildcards(string selector, string[] expected) =>
        Assert.Equal(Ids(expected), Direct(selector));

    [Fact]
    public void Fqn_never_selects_sources_and_the_star_selects_everything_else()
    {
        var all = Direct("fqn:*");
        Assert.DoesNotContain(Customers, all);
        Assert.Contains(Exposure, all);
        Assert.Contains(UnitTest, all);
        Assert.Contains(RawOrders, all);
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers, DimV1, DimV2, Legacy), Direct("shop.*,resource_type:model"));
    }

    [Theory]
    [InlineData("tag:nightly", new[] { StgOrders, Orders })]
    [InlineData("tag:raw", new[] { RawOrders, Customers })]
    [InlineData("tag:finance_core", new[] { Orders, Exposure })]
    [InlineData("tag:fin*", new[] { Orders, Exposure })]
    [InlineData("tag:missing", new string[0])]
    public void Tag(string selector, string[] expected) => Assert.Equal(Ids(expected), Direct(selector));

    [Theory]
    [InlineData("path:models/staging", new[] { StgOrders, StgCustomers, Customers })]
    [InlineData("models/staging", new[] { StgOrders, StgCustomers, Customers })]
    [InlineData("models/staging/", new[] { StgOrders, StgCustomers, Customers })]
    [InlineData("./models/staging", new[] { StgOrders, StgCustomers, Customers })]
    [InlineData("path:models/staging/stg_orders.sql", new[] { StgOrders })]
    [InlineData("path:models/*/stg_*.sql", new[] { StgOrders, StgCustomers })]
    [InlineData("path:models/**/stg_orders.sql", new[] { StgOrders })]
    [InlineData("path:models/helpers/date_spine.sql", new string[0])]
    [InlineData("path:seeds", new[] { RawOrders })]
    [InlineData("path:tests", new[] { Singular })]
    [InlineData("path:models/nowhere", new string[0])]
    public void Path_selects_files_and_everything_under_folders(string selector, string[] expected) =>
        Assert.Equal(Ids(expected), Direct(selector));

    [Fact]
    public void Path_selects_a_package_node_where_the_root_project_has_the_same_path()
    {
        var members = ShopGraph.Members();
        members.Add(Model("calendar", "helpers"));
        var graph = new Slipway.Engine.Graph.ManifestGraph(members) { ProjectName = "shop" };
        Assert.Equal(Ids(DateSpine, "model.shop.calendar"), Select("path:models/helpers", mode: IndirectSelection.Empty, graph: graph));
    }

    [Fact]
    public void Path_to_a_properties_file_selects_what_it_defines_and_patches()
    {
        Assert.Equal(Ids(NotNull, Relationships, UnitTest, Orders), Direct("path:models/marts/schema.yml"));
    }

    [Theory]
    [InlineData("file:stg_orders.sql", new[] { StgOrders })]
    [InlineData("stg_orders.sql", new[] { StgOrders })]
    [InlineData("file:stg_orders", new[] { StgOrders })]
    [InlineData("raw_orders.csv", new[] { RawOrders })]
    [InlineData("file:stg_*.sql", new[] { StgOrders, StgCustomers })]
    [InlineData("file:sources.yml", new[] { Customers })]
    public void File_matches_the_file_name_or_its_stem(string selector, string[] expected) =>
        Assert.Equal(Ids(expected), Direct(selector));

    [Fact]
    public void Package_matches_names_wildcards_and_this()
    {
        Assert.Equal(Ids(DateSpine), Direct("package:utils"));
        Assert.Equal(Ids(DateSpine), Direct("package:ut*"));
        var shop = Direct("package:this");
        Assert.Equal(Direct("package:shop"), shop);
        Assert.Contains(Customers, shop);
        Assert.DoesNotContain(DateSpine, shop);
    }

    [Theory]
    [InlineData("config.materialized:table", new[] { Orders })]
    [InlineData("config.materialized:seed", new[] { RawOrders })]
    [InlineData("config.meta.owner:alice", new[] { Orders })]
    [InlineData("config.tags:finance_core", new[] { Orders })]
    [InlineData("config.contract.enforced:true", new[] { Orders })]
    [InlineData("config.contract.enforced:True", new[] { Orders })]
    [InlineData("config.severity:error", new[] { NotNull, Singular })]
    [InlineData("config.severity:WARN", new[] { Relationships })]
    [InlineData("config.materialized:TABLE", new string[0])]
    [InlineData("config.meta.missing:x", new string[0])]
    public void Config_compares_nested_keys_lists_and_booleans(string selector, string[] expected) =>
        Assert.Equal(Ids(expected), Direct(selector));

    [Theory]
    [InlineData("resource_type:seed", new[] { RawOrders })]
    [InlineData("resource_type:source", new[] { Customers })]
    [InlineData("resource_type:exposure", new[] { Exposure })]
    [InlineData("resource_type:unit_test", new[] { UnitTest })]
    [InlineData("resource_type:test", new[] { NotNull, Relationships, Singular })]
    public void Resource_type(string selector, string[] expected) => Assert.Equal(Ids(expected), Direct(selector));

    [Theory]
    [InlineData("source:raw", new[] { Customers })]
    [InlineData("source:raw.customers", new[] { Customers })]
    [InlineData("source:shop.raw.customers", new[] { Customers })]
    [InlineData("source:raw.cust*", new[] { Customers })]
    [InlineData("source:*", new[] { Customers })]
    [InlineData("source:utils.raw.customers", new string[0])]
    [InlineData("exposure:weekly_report", new[] { Exposure })]
    [InlineData("exposure:shop.weekly_report", new[] { Exposure })]
    [InlineData("exposure:*", new[] { Exposure })]
    [InlineData("metric:revenue", new[] { Metric })]
    [InlineData("semantic_model:orders_sm", new[] { SemanticModel })]
    [InlineData("saved_query:weekly_*", new[] { SavedQuery })]
    [InlineData("unit_test:test_order_totals", new[] { UnitTest })]
    [InlineData("unit_test:shop.test_order_totals", new[] { UnitTest })]
    [InlineData("unit_test:*", new[] { UnitTest })]
    public void Resource_methods_match_name_and_package(string selector, string[] expected) =>
        Assert.Equal(Ids(expected), Direct(selector));

    [Theory]
    [InlineData("test_name:not_null", new[] { NotNull })]
    [InlineData("test_name:relationships", new[] { Relationships })]
    [InlineData("test_name:test_order_totals", new[] { UnitTest })]
    [InlineData("test_type:generic", new[] { NotNull, Relationships })]
    [InlineData("test_type:singular", new[] { Singular })]
    [InlineData("test_type:data", new[] { NotNull, Relationships, Singular })]
    [InlineData("test_type:unit", new[] { UnitTest })]
    public void Tests_by_name_and_type(string selector, string[] expected) => Assert.Equal(Ids(expected), Direct(selector));

    [Theory]
    [InlineData("group:finance", new[] { Orders, Metric })]
    [InlineData("group:fin*", new[] { Orders, Metric })]
    [InlineData("access:public", new[] { Orders })]
    [InlineData("access:protected", new[] { StgOrders, StgCustomers, DimV1, DimV2, Legacy, DateSpine })]
    [InlineData("version:latest", new[] { DimV1 })]
    [InlineData("version:prerelease", new[] { DimV2 })]
    [InlineData("version:old", new[] { Legacy })]
    [InlineData("version:none", new[] { StgOrders, StgCustomers, Orders, DateSpine })]
    public void Group_access_and_version(string selector, string[] expected) => Assert.Equal(Ids(expected), Direct(selector));

    [Fact]
    public void Disabled_and_empty_nodes_are_not_selectable_unless_the_command_includes_empty_nodes()
    {
        Assert.Empty(Direct("old_orders"));
        Assert.Empty(Direct("placeholder"));
        Assert.Equal(["model.shop.placeholder"], Select("placeholder", options: new SelectionOptions { IncludeEmptyNodes = true }));
    }
}
