using Slipway.Engine.Artifacts;
using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;
using Slipway.Engine.Manifest;
using ManifestModel = Slipway.Engine.Manifest.Manifest;

namespace Slipway.Engine.Tests.Graph;

/// <summary>
/// The graph built from the parsed manifest, compared by state: with the manifest.json that manifest writes:
/// nothing may look modified until something really changes.
/// </summary>
public sealed class ManifestRoundTripTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("slipway-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static ManifestModel Build(string ordersSql = "select * from {{ ref('stg_orders') }}")
    {
        var manifest = new ManifestModel();
        manifest.Metadata.ProjectName = "p";
        var stg = new ModelNode
        {
            UniqueId = "model.p.stg_orders", Name = "stg_orders", PackageName = "p", Path = "staging/stg_orders.sql",
            OriginalFilePath = "models/staging/stg_orders.sql", Schema = "main", Alias = "stg_orders", Fqn = ["p", "staging", "stg_orders"],
            RawCode = "select * from {{ source('raw', 'orders') }}", Tags = ["staging"],
        };
        stg.Config.Materialized = "view";
        stg.DependsOn.Nodes.Add("source.p.raw.orders");
        var orders = new ModelNode
        {
            UniqueId = "model.p.orders", Name = "orders", PackageName = "p", Path = "orders.sql", OriginalFilePath = "models/orders.sql",
            Schema = "main", Alias = "orders", Fqn = ["p", "orders"], RawCode = ordersSql,
        };
        orders.Config.Materialized = "table";
        orders.UnrenderedConfig["materialized"] = "table";
        orders.DependsOn.Nodes.Add("model.p.stg_orders");
        var test = new GenericTestNode
        {
            UniqueId = "test.p.not_null_orders_id.abcdef1234", Name = "not_null_orders_id", PackageName = "p", Path = "not_null_orders_id.sql",
            OriginalFilePath = "models/schema.yml", Schema = "main", Alias = "not_null_orders_id", Fqn = ["p", "not_null_orders_id"],
            RawCode = "{{ test_not_null(**_dbt_generic_test_kwargs) }}", TestMetadata = new TestMetadata { Name = "not_null" },
        };
        test.DependsOn.Nodes.Add("model.p.orders");
        var source = new SourceDefinition
        {
            UniqueId = "source.p.raw.orders", Name = "orders", PackageName = "p", Path = "models/sources.yml", OriginalFilePath = "models/sources.yml",
            Schema = "raw", SourceName = "raw", Identifier = "orders", Fqn = ["p", "raw", "orders"],
        };
        var exposure = new Exposure
        {
            UniqueId = "exposure.p.dashboard", Name = "dashboard", PackageName = "p", Path = "exposures.yml", OriginalFilePath = "models/exposures.yml",
            Type = "dashboard", Fqn = ["p", "dashboard"], Maturity = "high",
        };
        exposure.Owner["name"] = "Ada";
        exposure.DependsOn.Nodes.Add("model.p.orders");
        manifest.Sources[source.UniqueId] = source;
        manifest.Nodes[stg.UniqueId] = stg;
        manifest.Nodes[orders.UniqueId] = orders;
        manifest.Nodes[test.UniqueId] = test;
        manifest.Exposures[exposure.UniqueId] = exposure;
        manifest.Macros["macro.p.cents"] = new Macro
        {
            UniqueId = "macro.p.cents", Name = "cents", PackageName = "p", Path = "macros/cents.sql", OriginalFilePath = "macros/cents.sql",
            MacroSql = "{% macro cents(x) %}{{ x }}/100{% endmacro %}",
        };
        manifest.BuildParentAndChildMaps();
        return manifest;
    }

    private string[] SelectAgainstWritten(ManifestModel current, string selector)
    {
        var state = Path.Combine(root, "state");
        ManifestWriter.Write(Build(), Path.Combine(state, "manifest.json"));
        var spec = SelectionParser.ParseDifference([selector], null, IndirectSelection.Empty);
        var options = new SelectionOptions { PreviousState = PreviousState.Load(state) };
        return [.. NodeSelector.Select(ManifestGraph.FromManifest(current), spec, options).Selected.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void An_unchanged_project_has_nothing_modified()
    {
        Assert.Empty(SelectAgainstWritten(Build(), "state:modified"));
        Assert.Equal(5, SelectAgainstWritten(Build(), "state:unmodified").Length);
    }

    [Fact]
    public void A_changed_model_and_its_children_are_selected_with_plus() =>
        Assert.Equal(["exposure.p.dashboard", "model.p.orders", "test.p.not_null_orders_id.abcdef1234"],
            SelectAgainstWritten(Build("select 1 as id"), "state:modified+"));

    [Fact]
    public void The_graph_of_the_parsed_manifest_matches_its_parent_and_child_maps()
    {
        var manifest = Build();
        var graph = ManifestGraph.FromManifest(manifest);
        foreach (var (id, parents) in manifest.ParentMap)
        {
            Assert.Equal(parents, graph.ParentMap()[id]);
        }
        foreach (var (id, children) in manifest.ChildMap)
        {
            Assert.Equal(children, graph.ChildMap()[id]);
        }
        Assert.Equal(["model.p.stg_orders"], NodeSelector.Select(graph, SelectionParser.ParseDifference(["tag:staging"], null)).Selected);
    }
}
