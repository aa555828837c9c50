using Slipway.Engine.Manifest;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>Exposures, groups, YAML snapshots and the semantic layer (kept as data, resolved for the DAG).</summary>
public sealed class SemanticFixtureTests
{
    private static readonly Lazy<global::Slipway.Engine.Manifest.Manifest> Fixture = new(() => FixtureLoader.Parse("harbor_semantic").Manifest);
    private static global::Slipway.Engine.Manifest.Manifest M => Fixture.Value;

    [Fact]
    public void Parent_map_covers_every_graph_member()
    {
        Assert.Equal(M.Nodes.Count + M.Sources.Count + M.Exposures.Count + M.Metrics.Count + M.SemanticModels.Count + M.SavedQueries.Count + M.UnitTests.Count, M.ParentMap.Count);
        Assert.Contains("unit_test.harbor_semantic.fct_orders.test_customer_name_is_joined", M.ChildMap["model.harbor_semantic.fct_orders"]);
    }

    [Fact]
    public void Manifest_with_semantic_layer_is_valid_v12() => Manifest.ManifestSchemaTests.AssertValid(M);

    [Fact]
    public void Exposures_groups_and_semantic_layer_resources_are_kept()
    {
        var exposure = M.Exposures["exposure.harbor_semantic.weekly_revenue"];
        Assert.Equal(["model.harbor_semantic.fct_orders", "source.harbor_semantic.shop.customers"], exposure.DependsOn.Nodes);
        Assert.Equal(["harbor_semantic", "marts", "weekly_revenue"], exposure.Fqn);
        Assert.Equal("Finance team", M.Groups["group.harbor_semantic.finance"].Owner["name"]);

        var semantic = M.SemanticModels["semantic_model.harbor_semantic.orders"];
        Assert.Equal(["model.harbor_semantic.fct_orders"], semantic.DependsOn.Nodes);
        Assert.Equal("fct_orders", semantic.NodeRelation!["alias"]);
        Assert.Equal("main_mart", semantic.NodeRelation!["schema_name"]);
        Assert.Contains("metric.harbor_semantic.revenue", M.Metrics.Keys);
        Assert.Contains("saved_query.harbor_semantic.revenue_by_status", M.SavedQueries.Keys);

        var unit = M.UnitTests["unit_test.harbor_semantic.fct_orders.test_customer_name_is_joined"];
        Assert.Equal(["harbor_semantic", "marts", "fct_orders", "test_customer_name_is_joined"], unit.Fqn);
        Assert.Equal(["model.harbor_semantic.fct_orders"], unit.DependsOn.Nodes);
    }

    [Fact]
    public void Yaml_defined_snapshots_select_from_their_relation()
    {
        var snapshot = M.Nodes["snapshot.harbor_semantic.customers_snapshot"];
        Assert.Equal("select * from {{ source('shop', 'customers') }}", snapshot.RawCode);
        Assert.Equal(["source.harbor_semantic.shop.customers"], snapshot.DependsOn.Nodes);
        Assert.Equal("timestamp", snapshot.Config.GetString("strategy"));
        Assert.Equal("snapshots/_snapshots.yml", snapshot.OriginalFilePath);
    }
}
