using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;
using Slipway.Engine.Manifest;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Graph;

/// <summary>Selection over the parsed harbor_basic fixture project (dbt's documented meaning of each selector).</summary>
public class FixtureProjectSelectionTests
{
    private static readonly Lazy<Slipway.Engine.Manifest.Manifest> Parsed = new(() => FixtureLoader.Parse("harbor_basic").Manifest);

    private static Slipway.Engine.Manifest.Manifest Manifest => Parsed.Value;

    private static string[] Select(string select, IndirectSelection mode = IndirectSelection.Eager) =>
        [.. NodeSelector.Select(ManifestGraph.FromManifest(Manifest), SelectionParser.ParseDifference([select], null, mode)).Selected.Order(StringComparer.Ordinal)];

    private static string[] Ids(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    /// <summary>The data tests that depend on <paramref name="uniqueId"/>, read from the parsed manifest.</summary>
    private static IEnumerable<string> TestsOn(string uniqueId) =>
        Manifest.Nodes.Values.Where(n => n.ResourceType == ResourceType.Test && n.DependsOn.Nodes.Contains(uniqueId)).Select(n => n.UniqueId);

    [Fact]
    public void Tags_from_dbt_project_yml_and_config_calls()
    {
        Assert.Equal(Ids("model.harbor_basic.stg_countries", "model.harbor_basic.stg_customers", "model.harbor_basic.stg_orders"),
            Select("tag:staging", IndirectSelection.Empty));
        Assert.Equal(Ids("model.harbor_basic.fct_orders"), Select("tag:daily", IndirectSelection.Empty));
        Assert.Equal(["model.harbor_basic.fct_orders"],
            NodeSelector.Select(Manifest, SelectionParser.ParseDifference(["tag:daily"], null, IndirectSelection.Empty)).Selected);
    }

    [Fact]
    public void Config_values_from_every_level()
    {
        Assert.Equal(Ids("model.harbor_basic.stg_customers"), Select("config.materialized:ephemeral", IndirectSelection.Empty));
        Assert.Equal(Ids("model.harbor_basic.fct_orders"), Select("config.meta.owner:finance", IndirectSelection.Empty));
        Assert.Equal(Ids("model.harbor_basic.dim_customers", "model.harbor_basic.fct_orders"), Select("config.materialized:table,resource_type:model", IndirectSelection.Empty));
    }

    [Fact]
    public void A_model_brings_every_test_that_touches_it()
    {
        var expected = TestsOn("model.harbor_basic.fct_orders").Append("model.harbor_basic.fct_orders").ToArray();
        Assert.Equal(6, expected.Length); // unique, not_null, accepted_values, relationships, the singular test, the model
        Assert.Equal(Ids(expected), Select("fct_orders"));
    }

    [Fact]
    public void Tests_by_type_and_name()
    {
        Assert.Equal(["test.harbor_basic.assert_amount_positive"], Select("test_type:singular"));
        Assert.Equal(2, Select("test_name:unique").Length);
        Assert.All(Select("test_name:unique"), id => Assert.StartsWith("test.harbor_basic.", id));
        Assert.Equal(["snapshot.harbor_basic.orders_snapshot"], Select("resource_type:snapshot"));
    }

    [Fact]
    public void Upstream_of_a_mart_reaches_the_seed_and_sources()
    {
        var upstream = Select("+fct_orders", IndirectSelection.Empty);
        Assert.Contains("model.harbor_basic.stg_orders", upstream);
        Assert.Contains("model.harbor_basic.stg_customers", upstream);
        Assert.Contains("source.harbor_basic.shop.customers", upstream);
        Assert.DoesNotContain("model.harbor_basic.dim_customers", upstream);
        Assert.DoesNotContain("seed.harbor_basic.countries", upstream);
    }

    [Fact]
    public void Sources_by_source_name_and_table()
    {
        Assert.Equal(Ids("source.harbor_basic.shop.customers", "source.harbor_basic.shop.orders"), Select("source:shop", IndirectSelection.Empty));
        Assert.Equal(["source.harbor_basic.shop.orders"], Select("source:harbor_basic.shop.orders", IndirectSelection.Empty));
    }

    [Fact]
    public void Analyses_are_members_but_only_list_shows_them()
    {
        Assert.Equal(["analysis.harbor_basic.revenue"], Select("resource_type:analysis"));
        var listed = NodeSelector.Select(ManifestGraph.FromManifest(Manifest), SelectionParser.ParseDifference(null, null),
            new SelectionOptions { ResourceTypes = ResourceTypeFilter.ListDefault });
        Assert.DoesNotContain("analysis.harbor_basic.revenue", listed.Selected);
        Assert.Contains("seed.harbor_basic.countries", listed.Selected);
    }

    [Fact]
    public void Versioned_models_by_name_version_and_version_kind()
    {
        var manifest = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\n"),
            ("models/marts/dim_customers_v1.sql", "select 1 as id"),
            ("models/marts/dim_customers_v2.sql", "select 1 as id, 2 as extra"),
            ("models/marts/dim_customers_v3.sql", "select 1 as id, 3 as extra"),
            ("models/marts/_models.yml", """
                version: 2
                models:
                  - name: dim_customers
                    latest_version: 2
                    versions:
                      - v: 1
                      - v: 2
                      - v: 3
                """)).Manifest;
        string[] Run(string select) =>
            [.. NodeSelector.Select(ManifestGraph.FromManifest(manifest), SelectionParser.ParseDifference([select], null)).Selected.Order(StringComparer.Ordinal)];
        Assert.Equal(["model.shop.dim_customers.v1", "model.shop.dim_customers.v2", "model.shop.dim_customers.v3"], Run("dim_customers"));
        Assert.Equal(["model.shop.dim_customers.v2"], Run("dim_customers.v2"));
        Assert.Equal(["model.shop.dim_customers.v3"], Run("dim_customers_v3"));
        Assert.Equal(["model.shop.dim_customers.v2"], Run("version:latest"));
        Assert.Equal(["model.shop.dim_customers.v3"], Run("version:prerelease"));
        Assert.Equal(["model.shop.dim_customers.v1"], Run("version:old"));
    }
}
