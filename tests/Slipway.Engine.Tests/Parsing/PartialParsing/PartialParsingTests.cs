using System.Text.Json.Nodes;
using Slipway.Engine.Compilation;
using Slipway.Engine.Compilation.Commands;
using Slipway.Engine.Parsing.PartialParsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Parsing.PartialParsing;

/// <summary>
/// Partial parsing through <see cref="ProjectSession"/>, as every command loads a project: a small project in a
/// temporary folder is parsed, changed, and parsed again. The oracle is a full parse of the same files
/// (<c>--no-partial-parse</c>, dbt's way to bypass the cache) into another target folder: whatever the cache did,
/// the manifest must be the one a full parse writes (creation times and invocation metadata aside).
/// </summary>
public sealed partial class PartialParsingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slipway-partial-").FullName;
    private string CachePath => Path.Combine(_dir, "target", PartialParser.FileName);

    public PartialParsingTests()
    {
        Write("dbt_project.yml", """
            name: shop
            version: '1.0'
            profile: shop
            vars:
              rate: 3
            models:
              shop:
                +materialized: view
            """);
        Write("profiles.yml", """
            shop:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: shop.duckdb
            """);
        Write("macros/money.sql", "{% macro cents(col) %}{{ col }} / 100{% endmacro %}\n");
        Write("models/raw_orders.sql", "select 1 as id, 250 as amount\n");
        Write("models/stg_orders.sql", "select id, amount from {{ ref('raw_orders') }}\n");
        Write("models/orders.sql", "select id, {{ cents('amount') }} as dollars from {{ ref('stg_orders') }}\n");
        Write("models/rated.sql", "{{ config(materialized=var('rated_as', 'view'), schema=env_var('SHOP_RATED_SCHEMA', 'plain')) }}\nselect id, amount * {{ var('rate') }} as rated from {{ ref('orders') }}\n");
        Write("models/schema.yml", """
            version: 2
            models:
              - name: stg_orders
                description: Orders, cleaned
                config:
                  tags: [staging]
                columns:
                  - name: id
                    data_tests: [not_null, unique]
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Loads the project as a command does; returns how it was parsed and the manifest.json it writes.</summary>
    private (PartialParser.Outcome Outcome, JsonNode Manifest, ProjectSession Session) Parse(
        Dictionary<string, object?>? flags = null, Dictionary<string, string>? env = null, string target = "target")
    {
        var all = new Dictionary<string, object?>(flags ?? [], StringComparer.Ordinal)
        {
            ["project_dir"] = _dir, ["profiles_dir"] = _dir, ["target_path"] = Path.Combine(_dir, target),
        };
        var config = RuntimeConfig.Load(new Invocation("parse", all), new EnvironmentVariables(env ?? []));
        var session = ProjectSession.Load(config);
        session.WriteManifest();
        return (session.ParseOutcome, JsonNode.Parse(File.ReadAllText(Path.Combine(config.TargetPath, "manifest.json")))!, session);
    }

    /// <summary>The manifest a full parse writes now, for the same flags and environment.</summary>
    private JsonNode FullParse(Dictionary<string, object?>? flags = null, Dictionary<string, string>? env = null)
    {
        var all = new Dictionary<string, object?>(flags ?? [], StringComparer.Ordinal) { ["partial_parse"] = false };
        var (outcome, manifest, _) = Parse(all, env, "target-full");
        Assert.Equal(PartialParser.Outcome.Full, outcome);
        Assert.False(File.Exists(Path.Combine(_dir, "target-full", PartialParser.FileName)));
        return manifest;
    }

    /// <summary>manifest.json without what differs between any two invocations (metadata, created_at).</summary>
    private static string Comparable(JsonNode manifest)
    {
        var copy = manifest.DeepClone().AsObject();
        copy.Remove("metadata");
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                o.Remove("created_at");
                foreach (var (_, v) in o) Strip(v);
            }
            else if (node is JsonArray a) foreach (var v in a) Strip(v);
        }
    }

    private static string? Str(JsonNode m, string id, params string[] path)
    {
        var node = m["nodes"]![id]!;
        foreach (var p in path) node = node[p]!;
        return node.GetValue<string>();
    }

    private static List<string> DependsOn(JsonNode m, string id) =>
        m["nodes"]![id]!["depends_on"]!["nodes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Fact]
    public void An_unchanged_project_reuses_the_cache_and_writes_the_same_manifest()
    {
        var (first, cold, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Full, first);
        Assert.True(File.Exists(CachePath));
        var (second, warm, session) = Parse();
        Assert.Equal(PartialParser.Outcome.Unchanged, second);
        Assert.Equal(Comparable(cold), Comparable(warm));
        // created_at too: the manifest is the cached one, not a new parse.
        Assert.Equal(cold["nodes"]!["model.shop.orders"]!["created_at"]!.ToJsonString(), warm["nodes"]!["model.shop.orders"]!["created_at"]!.ToJsonString());
        Assert.NotEqual((string?)cold["metadata"]!["invocation_id"], (string?)warm["metadata"]!["invocation_id"]);
        // And the restored manifest still compiles: statically parsed and Jinja models alike (Jinja drops the final newline).
        new Compiler(session.Parse).Compile(session.Manifest.Nodes.Values.ToList());
        Assert.Equal("select id, amount / 100 as dollars from \"shop\".\"main\".\"stg_orders\"", session.Manifest.Nodes["model.shop.orders"].CompiledCode);
        Assert.Equal("select id, amount from \"shop\".\"main\".\"raw_orders\"", session.Manifest.Nodes["model.shop.stg_orders"].CompiledCode);
    }

    [Fact]
    public void A_changed_model_is_parsed_again_alone()
    {
        Parse();
        Write("models/stg_orders.sql", "select id, amount, 'x' as flag from {{ ref('raw_orders') }} join {{ ref('orders') }} using (id)\n");
        Write("models/orders.sql", "select id, {{ cents('amount') }} as dollars from {{ ref('raw_orders') }}\n");
        var (outcome, partial, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Partial, outcome);
        Assert.Equal(["model.shop.raw_orders", "model.shop.orders"], DependsOn(partial, "model.shop.stg_orders"));
        Assert.Contains("'x' as flag", Str(partial, "model.shop.stg_orders", "raw_code"));
        // What the properties file gave the model survives its re-parse.
        Assert.Equal("Orders, cleaned", Str(partial, "model.shop.stg_orders", "description"));
        Assert.Equal(["staging"], partial["nodes"]!["model.shop.stg_orders"]!["tags"]!.AsArray().Select(t => (string?)t).ToList());
        Assert.Equal(Comparable(FullParse()), Comparable(partial));
    }

    [Fact]
    public void Added_and_deleted_model_files_are_parsed_alone_and_keep_the_full_parse_order()
    {
        Parse();
        Write("models/aaa_first.sql", "select * from {{ ref('orders') }}\n");
        Write("models/zzz_last.sql", "select 1 as one\n");
        var (added, partial, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Partial, added);
        Assert.Equal(Comparable(FullParse()), Comparable(partial));
        File.Delete(Path.Combine(_dir, "models", "zzz_last.sql"));
        var (deleted, after, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Partial, deleted);
        Assert.Null(after["nodes"]!["model.shop.zzz_last"]);
        Assert.Equal(Comparable(FullParse()), Comparable(after));
    }

    [Fact]
    public void Deleting_a_model_others_depend_on_is_the_error_a_full_parse_gives()
    {
        Parse();
        File.Delete(Path.Combine(_dir, "models", "raw_orders.sql"));
        var error = Assert.ThrowsAny<Exception>(() => Parse());
        Assert.Contains("raw_orders", error.Message);
        Assert.Contains("which was not found", error.Message);
    }

    [Fact]
    public void A_changed_macro_parses_everything_again()
    {
        Parse();
        Write("macros/money.sql", "{% macro cents(col) %}round({{ col }} / 100.0, 2){% endmacro %}\n");
        var (outcome, manifest, session) = Parse();
        Assert.Equal(PartialParser.Outcome.Full, outcome);
        Assert.Contains("round({{ col }} / 100.0, 2)", (string?)manifest["macros"]!["macro.shop.cents"]!["macro_sql"]);
        new Compiler(session.Parse).Compile([session.Manifest.Nodes["model.shop.orders"]]);
        Assert.StartsWith("select id, round(amount / 100.0, 2) as dollars", session.Manifest.Nodes["model.shop.orders"].CompiledCode);
    }

    [Fact]
    public void A_changed_properties_file_parses_everything_again()
    {
        Parse();
        Write("models/schema.yml", """
            version: 2
            models:
              - name: stg_orders
                description: Orders, deduplicated
                columns:
                  - name: id
                    data_tests: [not_null]
            """);
        var (outcome, manifest, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Full, outcome);
        Assert.Equal("Orders, deduplicated", Str(manifest, "model.shop.stg_orders", "description"));
        Assert.DoesNotContain(manifest["nodes"]!.AsObject(), kv => (string?)kv.Value!["name"] == "unique_stg_orders_id");
        Assert.Equal(Comparable(FullParse()), Comparable(manifest));
    }

    [Fact]
    public void Changed_vars_target_inputs_and_env_vars_parse_everything_again()
    {
        Parse();
        var (withVars, manifest, _) = Parse(new() { ["vars"] = "{rated_as: table}" });
        Assert.Equal(PartialParser.Outcome.Full, withVars);
        Assert.Equal("table", Str(manifest, "model.shop.rated", "config", "materialized"));
        var (again, same, _) = Parse(new() { ["vars"] = "{rated_as: table}" });
        Assert.Equal(PartialParser.Outcome.Unchanged, again);
        Assert.Equal("table", Str(same, "model.shop.rated", "config", "materialized"));

        // env_var() read while parsing a model: a new value, then an unset variable, each re-parse.
        var (withEnv, envManifest, _) = Parse(new() { ["vars"] = "{rated_as: table}" }, new() { ["SHOP_RATED_SCHEMA"] = "finance" });
        Assert.Equal(PartialParser.Outcome.Full, withEnv);
        Assert.Equal("main_finance", Str(envManifest, "model.shop.rated", "schema"));
        var (unset, unsetManifest, _) = Parse(new() { ["vars"] = "{rated_as: table}" });
        Assert.Equal(PartialParser.Outcome.Full, unset);
        Assert.Equal("main_plain", Str(unsetManifest, "model.shop.rated", "schema"));
        // An environment variable nothing reads changes nothing.
        var (unrelated, _, _) = Parse(new() { ["vars"] = "{rated_as: table}" }, new() { ["SOMETHING_ELSE"] = "1" });
        Assert.Equal(PartialParser.Outcome.Unchanged, unrelated);
    }

    [Fact]
    public void A_changed_project_file_parses_everything_again()
    {
        Parse();
        Write("dbt_project.yml", File.ReadAllText(Path.Combine(_dir, "dbt_project.yml")).Replace("rate: 3", "rate: 4"));
        var (outcome, manifest, session) = Parse();
        Assert.Equal(PartialParser.Outcome.Full, outcome);
        new Compiler(session.Parse).Compile([session.Manifest.Nodes["model.shop.rated"]]);
        Assert.Contains("amount * 4 as rated", session.Manifest.Nodes["model.shop.rated"].CompiledCode);
        Assert.Equal(Comparable(FullParse()), Comparable(manifest));
    }

    [Fact]
    public void A_damaged_cache_is_ignored_and_replaced()
    {
        var (_, cold, _) = Parse();
        var bytes = File.ReadAllBytes(CachePath);
        foreach (var cut in new[] { bytes.Length / 2, 40 })
        {
            // Truncated, then garbage after an intact header.
            var damaged = bytes[..cut].Concat(Enumerable.Repeat((byte)0xFF, 64)).ToArray();
            File.WriteAllBytes(CachePath, damaged);
            var (outcome, manifest, _) = Parse();
            Assert.Equal(PartialParser.Outcome.Full, outcome);
            Assert.Equal(Comparable(cold), Comparable(manifest));
        }
        File.WriteAllText(CachePath, "not a cache at all");
        Assert.Equal(PartialParser.Outcome.Full, Parse().Outcome);
        Assert.Equal(PartialParser.Outcome.Unchanged, Parse().Outcome);
    }

    /// <summary>Runs a command as the CLI does (parse and ls write manifest.json through the cache's fast path).</summary>
    private string Command(string command)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project_dir"] = _dir, ["profiles_dir"] = _dir, ["target_path"] = Path.Combine(_dir, "target") };
        var env = new EnvironmentVariables(new Dictionary<string, string>());
        var config = RuntimeConfig.Load(new Invocation(command, all), env);
        using (var log = new Engine.Logging.EventLog(new StringWriter(), new Engine.Logging.EventLogOptions("default", Quiet: true, Debug: false, LogFile: null, InvocationId: "test"), env.Masker))
            Assert.Equal(0, EngineCommands.Find(command)!.Execute(config, log, CancellationToken.None));
        return File.ReadAllText(Path.Combine(_dir, "target", "manifest.json"));
    }

    [Fact]
    public void An_unchanged_warm_parse_rewrites_only_the_metadata_of_manifest_json()
    {
        var cold = Command("parse");
        Assert.True(File.Exists(Path.Combine(_dir, "target", ManifestReuse.StampFile)));
        var warm = Command("parse");
        var coldJson = JsonNode.Parse(cold)!;
        var warmJson = JsonNode.Parse(warm)!;
        Assert.NotEqual((string?)coldJson["metadata"]!["invocation_id"], (string?)warmJson["metadata"]!["invocation_id"]);
        Assert.Equal(cold[cold.IndexOf(",\"nodes\":", StringComparison.Ordinal)..], warm[warm.IndexOf(",\"nodes\":", StringComparison.Ordinal)..]);
        Assert.Equal(Comparable(FullParse()), Comparable(warmJson));
        // compile leaves compiled nodes in manifest.json: the next parse must not copy them.
        var compiled = JsonNode.Parse(Command("compile"))!;
        Assert.NotNull(compiled["nodes"]!["model.shop.orders"]!["compiled_code"]);
        Assert.False(File.Exists(Path.Combine(_dir, "target", ManifestReuse.StampFile)));
        var afterCompile = JsonNode.Parse(Command("parse"))!;
        Assert.Equal(Comparable(FullParse()), Comparable(afterCompile));
        // Another writer of manifest.json (here: a user) makes the next parse write it in full.
        Command("ls");
        File.WriteAllText(Path.Combine(_dir, "target", "manifest.json"), "{}");
        Assert.Equal(Comparable(FullParse()), Comparable(JsonNode.Parse(Command("parse"))!));
    }

    [Fact]
    public void A_partial_parse_copies_unchanged_nodes_into_manifest_json_and_the_cache()
    {
        // More nodes than one cache segment (2048): after a change, untouched segments and node JSON are copied.
        for (var i = 0; i < 2100; i++) Write($"models/many/m_{i:D4}.sql", $"select {i} as id\n");
        var cold = JsonNode.Parse(Command("parse"))!;
        Write("models/many/m_0003.sql", "select 3 as id from {{ ref('orders') }}\n");
        Write("models/orders.sql", "select id from {{ ref('stg_orders') }}\n");
        var patched = JsonNode.Parse(Command("parse"))!;
        Assert.Equal(Comparable(FullParse()), Comparable(patched));
        Assert.Equal(["model.shop.orders"], DependsOn(patched, "model.shop.m_0003"));
        // An untouched node keeps its creation time: it was not parsed again.
        Assert.Equal(cold["nodes"]!["model.shop.m_2000"]!["created_at"]!.ToJsonString(), patched["nodes"]!["model.shop.m_2000"]!["created_at"]!.ToJsonString());
        Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "target", ManifestReuse.StampFile)).Length - 5, patched["nodes"]!.AsObject().Count);
        // The cache written from copied segments restores the same manifest; node positions stay right for the next patch.
        Assert.Equal(Comparable(FullParse()), Comparable(JsonNode.Parse(Command("parse"))!));
        Write("models/many/m_2099.sql", "select 'last' as id\n");
        File.Delete(Path.Combine(_dir, "models/many/m_2098.sql"));
        Write("models/many/m_2100.sql", "select 'new' as id\n");
        var changedAgain = JsonNode.Parse(Command("parse"))!;
        Assert.Equal(Comparable(FullParse()), Comparable(changedAgain));
        Assert.Equal(cold["nodes"]!["model.shop.m_2000"]!["created_at"]!.ToJsonString(), changedAgain["nodes"]!["model.shop.m_2000"]!["created_at"]!.ToJsonString());
        Assert.Equal(Comparable(FullParse()), Comparable(JsonNode.Parse(Command("parse"))!));
    }

    [Fact]
    public void No_partial_parse_ignores_the_cache_and_the_environment_variable_says_the_same()
    {
        Parse();
        Assert.Equal(PartialParser.Outcome.Full, Parse(new() { ["partial_parse"] = false }).Outcome);
        Assert.Equal(PartialParser.Outcome.Unchanged, Parse(new() { ["partial_parse"] = true }).Outcome);
    }
}
