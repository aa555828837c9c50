using System.Text.Json.Nodes;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Compilation;

/// <summary>
/// parse, compile and ls as the CLI runs them (through <see cref="EngineCommands"/>), on the harbor_basic fixture,
/// with the target path in a temporary folder. Expected lines follow dbt's documented output formats.
/// </summary>
public sealed class EngineCommandTests : IDisposable
{
    private readonly string _target = Directory.CreateTempSubdirectory("slipway-target-").FullName;

    public void Dispose() => Directory.Delete(_target, recursive: true);

    private (int Code, List<string> Lines) Run(string command, Dictionary<string, object?>? flags = null)
    {
        var all = new Dictionary<string, object?>(flags ?? [], StringComparer.Ordinal)
        {
            ["project_dir"] = TestPaths.Fixture("harbor_basic"),
            ["profiles_dir"] = TestPaths.Fixture("harbor_basic"),
            ["target_path"] = _target,
        };
        var env = new EnvironmentVariables(new Dictionary<string, string>());
        var invocation = new Invocation(command, all);
        var config = RuntimeConfig.Load(invocation, env);
        var console = new StringWriter();
        int code;
        using (var log = new EventLog(console, new EventLogOptions("default", Quiet: true, Debug: false, LogFile: null, InvocationId: "test"), env.Masker))
            code = EngineCommands.Find(command)!.Execute(config, log, CancellationToken.None);
        return (code, console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList());
    }

    [Fact]
    public void Parse_writes_manifest_and_perf_info()
    {
        var (code, _) = Run("parse");
        Assert.Equal(0, code);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_target, "manifest.json")))!;
        Assert.Equal("harbor_basic", (string?)manifest["metadata"]!["project_name"]);
        Assert.Equal("\"ci\".\"main_mart\".\"orders\"", (string?)manifest["nodes"]!["model.harbor_basic.fct_orders"]!["relation_name"]);
        var perf = JsonNode.Parse(File.ReadAllText(Path.Combine(_target, "perf_info.json")))!;
        Assert.True((int)perf["path_count"]! >= 9);
    }

    [Fact]
    public void Ls_prints_selectors_sorted_by_unique_id()
    {
        var (code, lines) = Run("list", new() { ["select"] = new[] { "+fct_orders" }, ["resource_type"] = new[] { "model", "source" } });
        Assert.Equal(0, code);
        Assert.Equal([
            "harbor_basic.marts.fct_orders",
            "harbor_basic.staging.stg_customers",
            "harbor_basic.staging.stg_orders",
            "source:harbor_basic.shop.customers",
            "source:harbor_basic.shop.orders",
        ], lines);
    }

    [Fact]
    public void Ls_output_name_path_and_json()
    {
        // Sorted by unique id (model. < source. < test.); eager indirect selection brings the source's tests.
        Assert.Equal(["stg_orders", "shop.orders", "source_not_null_shop_orders_id", "source_unique_shop_orders_id"],
            Run("list", new() { ["select"] = new[] { "+stg_orders" }, ["output"] = "name" }).Lines);
        Assert.Equal(["models/staging/stg_orders.sql", "models/staging/_sources.yml"],
            Run("list", new() { ["select"] = new[] { "+stg_orders" }, ["output"] = "path", ["resource_type"] = new[] { "model", "source" } }).Lines);
        var json = Run("list", new() { ["select"] = new[] { "stg_orders" }, ["output"] = "json", ["output_keys"] = new[] { "name", "resource_type" } }).Lines;
        Assert.Equal(["{\"name\": \"stg_orders\", \"resource_type\": \"model\"}"], json);
    }

    [Fact]
    public void Compile_writes_compiled_files_and_prints_a_single_selected_model()
    {
        var (code, lines) = Run("compile", new() { ["select"] = new[] { "stg_orders" } });
        Assert.Equal(0, code);
        Assert.Equal("Compiled node 'stg_orders' is:", lines[0]);
        Assert.Equal("from \"ci\".\"raw_shop\".\"raw_orders\"", lines[^1]);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(_target, "graph_summary.json")))!["linked"]!.AsObject();
        var source = summary.Single(kv => (string?)kv.Value!["name"] == "source.harbor_basic.shop.orders");
        Assert.Equal("source", (string?)source.Value!["type"]);
        Assert.Contains(source.Value!["succ"]!.AsArray(), i => (string?)summary[(string)i!.ToString()]!["name"] == "model.harbor_basic.stg_orders");
        var file = Path.Combine(_target, "compiled", "harbor_basic", "models", "staging", "stg_orders.sql");
        Assert.EndsWith("from \"ci\".\"raw_shop\".\"raw_orders\"", File.ReadAllText(file));
    }

    [Fact]
    public void Compile_inline_prints_the_compiled_query()
    {
        var (_, lines) = Run("compile", new() { ["inline"] = "select * from {{ ref('fct_orders') }} where {{ var('x', 1) }} = 1" });
        Assert.Equal(["Compiled inline node is:", "select * from \"ci\".\"main_mart\".\"orders\" where 1 = 1"], lines);
    }

    [Fact]
    public void Templates_see_the_command_line_as_flags_and_invocation_args()
    {
        var (_, lines) = Run("compile", new() { ["inline"] = "{{ flags.WHICH }} {{ flags.FULL_REFRESH }} {{ invocation_args_dict.which }}", ["full_refresh"] = true });
        Assert.Equal("compile True compile", lines[^1]);
    }

    [Fact]
    public void Parse_reports_what_it_found_like_dbt()
    {
        var m = Parsing.FixtureLoader.Parse("harbor_basic").Manifest;
        Assert.Equal($"Found 5 models, 1 snapshot, 1 analysis, 8 data tests, 1 seed, 1 operation, 2 sources, {m.Macros.Count} macros",
            Engine.Compilation.Commands.ParseCommand.FoundStats(m));
    }
}
