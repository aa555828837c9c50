using System.Text.Json.Nodes;
using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;

namespace Slipway.Engine.Tests.Graph;

/// <summary>
/// state:, result: and source_status: against artifacts in a --state folder, following dbt's state
/// selection docs (new nodes count as modified; modified.* narrow to one kind of change).
/// </summary>
public sealed class StateSelectionTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("slipway-state-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static JsonObject Model(string name, string rawCode, JsonObject? unrendered = null, string[]? macros = null,
        bool enforced = false, string contractChecksum = "", string description = "", bool persistRelation = false, string[]? dependsOn = null) => new()
    {
        ["unique_id"] = $"model.p.{name}",
        ["resource_type"] = "model",
        ["name"] = name,
        ["package_name"] = "p",
        ["fqn"] = new JsonArray("p", name),
        ["original_file_path"] = $"models/{name}.sql",
        ["raw_code"] = rawCode,
        ["description"] = description,
        ["config"] = new JsonObject { ["enabled"] = true, ["materialized"] = "view", ["persist_docs"] = new JsonObject { ["relation"] = persistRelation } },
        ["unrendered_config"] = unrendered ?? new JsonObject(),
        ["depends_on"] = new JsonObject { ["nodes"] = new JsonArray([.. (dependsOn ?? []).Select(d => (JsonNode)d)]), ["macros"] = new JsonArray([.. (macros ?? []).Select(m => (JsonNode)m)]) },
        ["contract"] = new JsonObject { ["enforced"] = enforced, ["checksum"] = contractChecksum },
    };

    private static JsonObject Source(string table, string identifier) => new()
    {
        ["unique_id"] = $"source.p.raw.{table}",
        ["resource_type"] = "source",
        ["name"] = table,
        ["source_name"] = "raw",
        ["package_name"] = "p",
        ["fqn"] = new JsonArray("p", "raw", table),
        ["original_file_path"] = "models/sources.yml",
        ["schema"] = "raw",
        ["identifier"] = identifier,
        ["config"] = new JsonObject { ["enabled"] = true },
        ["unrendered_config"] = new JsonObject(),
    };

    private static JsonObject Manifest(
        IEnumerable<JsonObject> nodes, Dictionary<string, (string Sql, string[] Calls)> macros, IEnumerable<JsonObject> sources)
    {
        var sourceMap = new JsonObject();
        foreach (var source in sources)
        {
            sourceMap[source["unique_id"]!.GetValue<string>()] = source;
        }
        var nodeMap = new JsonObject();
        foreach (var node in nodes)
        {
            nodeMap[node["unique_id"]!.GetValue<string>()] = node;
        }
        var macroMap = new JsonObject();
        foreach (var (id, (sql, calls)) in macros)
        {
            macroMap[id] = new JsonObject { ["macro_sql"] = sql, ["depends_on"] = new JsonObject { ["macros"] = new JsonArray([.. calls.Select(c => (JsonNode)c)]) } };
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["project_name"] = "p" },
            ["nodes"] = nodeMap,
            ["sources"] = sourceMap,
            ["macros"] = macroMap,
        };
    }

    private string Write(string folder, string file, JsonNode content)
    {
        var dir = Path.Combine(root, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), content.ToJsonString());
        return dir;
    }

    private string[] Select(string selector)
    {
        var oldMacros = new Dictionary<string, (string, string[])>
        {
            ["macro.p.cents"] = ("{% macro cents(x) %}{{ x }} / 100{% endmacro %}", []),
            ["macro.p.money"] = ("{% macro money(x) %}{{ cents(x) }}{% endmacro %}", ["macro.p.cents"]),
            ["macro.p.plain"] = ("{% macro plain(x) %}{{ helper(x) }}{% endmacro %}", ["macro.p.helper"]),
            ["macro.p.helper"] = ("{% macro helper(x) %}{{ x }}{% endmacro %}", []),
        };
        var newMacros = new Dictionary<string, (string, string[])>
        {
            ["macro.p.cents"] = ("{% macro cents(x) %}{{ x }} / 100.0{% endmacro %}", []),
            ["macro.p.money"] = ("{% macro money(x) %}{{ cents(x) }}{% endmacro %}", ["macro.p.cents"]),
            ["macro.p.plain"] = ("{% macro plain(x) %}{{ helper(x) }}{% endmacro %}", ["macro.p.helper"]),
            ["macro.p.helper"] = ("{% macro helper(x) %}{{ x }}{% endmacro %}", []),
        };
        var state = Write("state", "manifest.json", Manifest(
        [
            Model("same", "select 1"),
            Model("body", "select 1"),
            Model("configs", "select 1", new JsonObject { ["materialized"] = "view" }),
            Model("relation", "select 1", new JsonObject { ["schema"] = "a" }),
            Model("macros", "select {{ money(1) }}", macros: ["macro.p.money"]),
            Model("two_macros", "select {{ plain(1) }}, {{ money(2) }}", macros: ["macro.p.plain", "macro.p.money"]),
            Model("contract", "select 1", enforced: true, contractChecksum: "abc"),
            Model("described", "select 1", description: "old words", persistRelation: true),
            // A state manifest from elsewhere may point at something it does not hold; the comparison still works.
            Model("removed", "select 1", dependsOn: ["model.p.ghost"]),
        ], oldMacros, [Source("kept", "kept"), Source("moved", "old_table")]));
        Write("state", "run_results.json", new JsonObject
        {
            ["results"] = new JsonArray(
                new JsonObject { ["unique_id"] = "model.p.body", ["status"] = "error" },
                new JsonObject { ["unique_id"] = "model.p.same", ["status"] = "success" }),
        });
        var target = Write("target", "manifest.json", Manifest(
        [
            Model("same", "select 1"),
            Model("body", "select 2"),
            Model("configs", "select 1", new JsonObject { ["materialized"] = "table" }),
            Model("relation", "select 1", new JsonObject { ["schema"] = "b" }),
            Model("macros", "select {{ money(1) }}", macros: ["macro.p.money"]),
            Model("two_macros", "select {{ plain(1) }}, {{ money(2) }}", macros: ["macro.p.plain", "macro.p.money"]),
            Model("contract", "select 1", enforced: true, contractChecksum: "def"),
            Model("described", "select 1", description: "new words", persistRelation: true),
            Model("added", "select 1", dependsOn: ["model.p.body"]),
        ], newMacros, [Source("kept", "kept"), Source("moved", "new_table"), Source("fresh", "fresh")]));
        var graph = ManifestGraph.FromManifestJson(Path.Combine(target, "manifest.json"));
        var spec = SelectionParser.ParseDifference([selector], null, IndirectSelection.Empty);
        var options = new SelectionOptions { PreviousState = PreviousState.Load(state, target) };
        return [.. NodeSelector.Select(graph, spec, options).Selected.Order(StringComparer.Ordinal)];
    }

    private static string[] Models(params string[] names) =>
        [.. names.Select(n => n.Contains('.') ? n : "model.p." + n).Order(StringComparer.Ordinal)];

    [Fact]
    public void New_and_old() 
    {
        Assert.Equal(Models("added", "source.p.raw.fresh"), Select("state:new"));
        Assert.Equal(Models("same", "body", "configs", "relation", "macros", "two_macros", "contract", "described", "source.p.raw.kept", "source.p.raw.moved"),
            Select("state:old"));
    }

    [Fact]
    public void Modified_is_every_new_or_changed_node_and_unmodified_the_rest()
    {
        Assert.Equal(Models("added", "body", "configs", "relation", "macros", "two_macros", "contract", "described", "source.p.raw.fresh", "source.p.raw.moved"),
            Select("state:modified"));
        Assert.Equal(Models("same", "source.p.raw.kept"), Select("state:unmodified"));
    }

    [Theory]
    [InlineData("state:modified.body", new[] { "added", "body" })]
    [InlineData("state:modified.configs", new[] { "added", "configs", "relation", "source.p.raw.fresh" })]
    [InlineData("state:modified.relation", new[] { "added", "relation", "source.p.raw.fresh", "source.p.raw.moved" })]
    [InlineData("state:modified.macros", new[] { "macros", "two_macros" })]
    [InlineData("state:modified.contract", new[] { "added", "contract" })]
    [InlineData("state:modified.persisted_descriptions", new[] { "added", "described" })]
    public void Modified_subselectors_narrow_to_one_kind_of_change(string selector, string[] expected) =>
        Assert.Equal(Models(expected), Select(selector));

    [Fact]
    public void State_combines_with_graph_operators() =>
        Assert.Equal(Models("body", "added"), Select("state:modified.body+"));

    [Fact]
    public void Result_reads_the_previous_run_results() =>
        Assert.Equal(Models("body"), Select("result:error"));

    [Fact]
    public void A_bad_state_value_or_missing_state_is_a_clear_error()
    {
        var error = Assert.Throws<SelectorException>(() => Select("state:changed"));
        Assert.StartsWith("Got an invalid selector \"changed\", expected one of", error.Message);
        var graph = ShopGraph.Build();
        var missing = Assert.Throws<SelectorException>(() => NodeSelector.Select(graph, SelectionParser.ParseDifference(["state:modified"], null)));
        Assert.Equal("Got a state selector method, but no comparison manifest", missing.Message);
    }

    [Fact]
    public void Source_status_fresher_compares_max_loaded_at()
    {
        static JsonObject Freshness(params (string Id, string? LoadedAt)[] results) => new()
        {
            ["results"] = new JsonArray([.. results.Select(r => (JsonNode)(r.LoadedAt is null
                ? new JsonObject { ["unique_id"] = r.Id, ["status"] = "runtime error", ["error"] = "boom" }
                : new JsonObject { ["unique_id"] = r.Id, ["status"] = "pass", ["max_loaded_at"] = r.LoadedAt }))]),
        };
        var state = Write("fstate", "sources.json", Freshness(("source.shop.raw.customers", "2026-01-01T00:00:00Z")));
        var target = Write("ftarget", "sources.json", Freshness(("source.shop.raw.customers", "2026-01-02T00:00:00Z")));
        var options = new SelectionOptions { PreviousState = PreviousState.Load(state, target) };
        var selected = NodeSelector.Select(ShopGraph.Build(), SelectionParser.ParseDifference(["source_status:fresher+"], null, IndirectSelection.Empty), options);
        Assert.Equal(ShopGraph.Ids(ShopGraph.Customers, ShopGraph.StgCustomers, ShopGraph.Orders, ShopGraph.DimV1, ShopGraph.DimV2, ShopGraph.Legacy,
            ShopGraph.NotNull, ShopGraph.Relationships, ShopGraph.Singular, ShopGraph.UnitTest, ShopGraph.Exposure, ShopGraph.Metric,
            ShopGraph.SemanticModel, ShopGraph.SavedQuery), selected.Selected.Order(StringComparer.Ordinal));
    }
}
