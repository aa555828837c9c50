using System.Diagnostics;
using System.Text.Json;
using Slipway.Adapters.Relations;
using Slipway.Engine.Compilation;
using Slipway.Engine.Compilation.Commands;
using Slipway.Engine.Contexts;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Commands;

/// <summary>
/// <c>slipway clone --state DIR</c>: each selected model, seed and snapshot gets a relation in this target pointing at
/// the one another environment's manifest records for it (dbt's <c>defer_relation</c>), through the <c>clone</c>
/// materialization: a view <c>select * from &lt;that relation&gt;</c> on DuckDB and PostgreSQL, which cannot clone a
/// table by reference. Relations that already exist are kept unless <c>--full-refresh</c>. Nodes are independent,
/// so they run in selection order; run_results.json and manifest.json are written as by run.
/// </summary>
internal sealed class CloneCommand : IEngineCommand
{
    private static readonly string[] RefableTypes = ["model", "seed", "snapshot"];

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = config.Invocation.State
            ?? throw new ProjectException("clone needs --state naming a folder with the manifest.json of the environment to clone from.");
        var statePath = Path.Combine(Path.GetFullPath(state, config.Project.RootPath), "manifest.json");
        if (!File.Exists(statePath))
            throw new ProjectException($"clone: could not find a manifest.json in '{Path.GetDirectoryName(statePath)}'; run the other environment (or docs generate) to write one.");

        var session = ProjectSession.Load(config, log);
        var manifest = session.Manifest;
        var loader = session.Parse.Loader;
        var inv = config.Invocation;
        var types = new HashSet<string>(RefableTypes, StringComparer.Ordinal);
        if (inv.ResourceTypes.Count > 0) types.IntersectWith(inv.ResourceTypes);
        types.ExceptWith(inv.ExcludeResourceTypes);
        var selected = session.Select(types, log);
        var nodes = manifest.Nodes.Values.Where(n => selected.Contains(n.UniqueId) && n.IsRefable && !n.IsEphemeral).ToList();

        using var adapter = AdapterFactory.Create(config, loader.Quoting);
        log.Info($"Registered adapter: {adapter.Type}={SlipwayVersion.Version}", "AdapterRegistered");
        RunCommand.PrintFound(log, manifest);
        var others = ReadStateRelations(statePath, adapter, nodes);
        var compiler = new Compiler(session.Parse);
        var services = new ExecutionServices
        {
            Config = config, Parse = session.Parse, Compiler = compiler, Adapter = adapter, Log = log,
            SelectedResources = nodes.Select(n => n.UniqueId).ToList(),
        };
        compiler.RuntimeBinder = (scope, node) => new RunContext(services, node).Bind(scope);
        if (nodes.Count == 0)
        {
            log.Warn("Nothing to do. Try checking your model configs and model specification args");
            WriteArtifacts(session, config, [], clock.Elapsed.TotalSeconds);
            return 0;
        }
        log.Info($"Concurrency: {config.Threads} threads (target='{config.Target.Name}')", "ConcurrencyLine");
        log.Info("");

        // Only this target's schemas are created; the other environment's are listed too, so the clone sees what exists there.
        var schemas = nodes.Where(n => n.Database is not null).Select(n => (n.Database!, n.Schema))
            .Concat(others.Values.Select(r => (r.Database ?? adapter.Database, r.Schema ?? adapter.Schema))).Distinct().ToList();
        adapter.PopulateCache(schemas, cancellationToken);
        foreach (var (db, schema) in nodes.Select(n => (n.Database ?? adapter.Database, n.Schema)).Distinct())
            if (!adapter.CheckSchemaExists(db, schema, cancellationToken)) adapter.CreateSchema(adapter.CreateRelation(db, schema, null), cancellationToken);

        var executor = new NodeExecutor(services);
        var results = new List<NodeResult>();
        for (var i = 0; i < nodes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = nodes[i];
            var started = DateTimeOffset.UtcNow;
            log.Write(EventLevel.Info, "LogStartLine", RunOutput.Line($"START clone {node.UniqueId}", "RUN", i + 1, nodes.Count), "Q011",
                RunOutput.NodeInfo(node, "started", started, null));
            var result = Clone(executor, node, others.GetValueOrDefault(node.UniqueId));
            if (result.Error is not null) log.StackTrace(result.Error);
            var ok = result.Status == "success";
            log.Write(ok ? EventLevel.Info : EventLevel.Error, "LogModelResult",
                RunOutput.Line($"{(ok ? "OK created" : "ERROR creating")} clone {node.UniqueId}", ok ? result.Message ?? "OK" : "ERROR", i + 1, nodes.Count, result.ExecutionTime),
                "Q012", RunOutput.NodeInfo(node, result.Status, started, DateTimeOffset.UtcNow, result));
            results.Add(result);
        }
        adapter.ReleaseConnection();
        var elapsed = clock.Elapsed.TotalSeconds;
        WriteArtifacts(session, config, results, elapsed);
        RunCommand.PrintSummary(log, config, nodes, results, elapsed);
        return results.Any(r => r.IsFailure) ? 1 : 0;
    }

    private static void WriteArtifacts(ProjectSession session, RuntimeConfig config, IReadOnlyList<NodeResult> results, double elapsed)
    {
        var loader = session.Parse.Loader;
        RunResultsWriter.Write(Path.Combine(config.TargetPath, "run_results.json"), results, elapsed, config.Invocation, loader.InvocationId, loader.RunStartedAt);
        session.WriteManifest();
    }

    /// <summary>Runs the clone materialization with dbt's clone context: <c>defer_relation</c>, and <c>sql</c> selecting from it.</summary>
    private static NodeResult Clone(NodeExecutor executor, ManifestNode node, Relation? other)
    {
        var result = new NodeResult { Node = node, Status = "success", ThreadId = NodeExecutor.ThreadName() };
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        try
        {
            var overrides = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["defer_relation"] = other,
                ["sql"] = other is null ? null : $"select * from {other}",
                ["compiled_code"] = other is null ? null : $"select * from {other}",
            };
            var store = executor.Materialize(node, overrides, materialization: "clone");
            var main = store.GetValueOrDefault("main") as IDictionary<string, object?>;
            if (main is not null && main.TryGetValue("response", out var r) && r is Slipway.Adapters.Results.AdapterResponse response)
            {
                result.Message = response.Message;
                result.AdapterResponse = response.ToDictionary();
            }
            else result.Message = "No-op";
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            result.Status = "error";
            result.Message = NodeExecutor.ErrorMessage(node, e);
            result.Error = e;
        }
        result.Timing.Add(new TimingInfo("execute", started, DateTimeOffset.UtcNow));
        result.ExecutionTime = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>The relation the other manifest records for each node (database, schema, alias; a view or a table).</summary>
    private static Dictionary<string, Relation> ReadStateRelations(string path, Slipway.Adapters.IAdapter adapter, List<ManifestNode> nodes)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, Relation>(StringComparer.Ordinal);
        if (!doc.RootElement.TryGetProperty("nodes", out var other)) return result;
        foreach (var node in nodes)
        {
            if (!other.TryGetProperty(node.UniqueId, out var prod)) continue;
            var materialized = prod.TryGetProperty("config", out var c) && c.TryGetProperty("materialized", out var m) ? m.GetString() : null;
            if (materialized == "ephemeral") continue;
            string? Text(string name) => prod.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var type = materialized == "view" ? RelationType.View : RelationType.Table;
            result[node.UniqueId] = adapter.CreateRelation(Text("database"), Text("schema"), Text("alias") ?? Text("name"), type);
        }
        return result;
    }
}
