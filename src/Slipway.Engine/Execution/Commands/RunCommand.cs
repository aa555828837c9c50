using System.Diagnostics;
using Slipway.Engine.Compilation;
using Slipway.Engine.Compilation.Commands;
using Slipway.Engine.Contexts;
using Slipway.Engine.Graph;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Commands;

/// <summary>
/// <c>run</c>, <c>seed</c>, <c>test</c>, <c>build</c> and <c>retry</c>: parse, select, connect, create schemas, run
/// on-run-start hooks, run the nodes on the thread pool, run on-run-end hooks, write run_results.json and
/// manifest.json, and print dbt's summary. Exit code 1 when any node errored or failed.
/// </summary>
internal sealed partial class RunCommand(string which) : IEngineCommand
{
    private static readonly Dictionary<string, string[]> DefaultTypes = new(StringComparer.Ordinal)
    {
        ["run"] = ["model"],
        ["seed"] = ["seed"],
        ["test"] = ["test", "unit_test"],
        ["snapshot"] = ["snapshot"],
        ["build"] = ["model", "seed", "snapshot", "test", "unit_test"],
    };

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var command = which;
        IReadOnlySet<string>? retried = null;
        if (which == "retry")
        {
            var plan = RetryPlan.Load(config);
            (command, retried, config) = (plan.Command, plan.UniqueIds, plan.Config);
        }
        using var pause = Parsing.PartialParsing.CollectionPause.Hold(AllocationBudget(config));
        // The warehouse connection opens while the project loads (a DuckDB file opens in tens of milliseconds, a
        // PostgreSQL login takes a round trip); a parse error still comes first, and a connection error after it.
        var connecting = AdapterFactory.Connect(config);
        ProjectSession session;
        IReadOnlySet<string> selected;
        try
        {
            session = ProjectSession.Load(config);
            selected = retried ?? session.Select(ResourceTypes(config.Invocation, which));
        }
        catch
        {
            AdapterFactory.Abandon(connecting);
            throw;
        }
        var adapter = connecting.GetAwaiter().GetResult();
        using var closer = new AdapterCloser(adapter);
        var manifest = session.Manifest;
        var loader = session.Parse.Loader;

        var nodes = manifest.Nodes.Values
            .Where(n => selected.Contains(n.UniqueId) && n is not HookNode and not AnalysisNode and not SqlOperationNode && !n.IsEphemeral)
            .ToList();
        nodes.AddRange(UnitTests.UnitTestSchedule.Selected(manifest, selected, nodes, command));
        log.Info($"Registered adapter: {adapter.Type}={SlipwayVersion.Version}", "AdapterRegistered");
        PrintFound(log, manifest);
        if (config.Invocation.Defer)
            Deferral.Apply(config, manifest, selected, log, (db, schema, alias) => adapter.GetRelation(db, schema, alias) is not null);
        Microbatch.EventTimeFlags.Validate(config.Invocation);
        var compiler = new Compiler(session.Parse)
        {
            Empty = config.Invocation.Empty,
            Sample = Microbatch.SampleWindow.Parse(config.Invocation.GetString("sample"), loader.RunStartedAt),
        };
        using var files = new TargetFileWriter();
        var services = new ExecutionServices
        {
            Config = config, Parse = session.Parse, Compiler = compiler, Adapter = adapter, Log = log, Files = files,
            SelectedResources = nodes.Select(n => n.UniqueId).ToList(),
            // retry: the batches of microbatch models the previous run left unfinished.
            PreviousBatches = which == "retry" ? Microbatch.BatchResults.ReadUnfinished(config) : new Dictionary<string, Microbatch.BatchResults>(),
        };
        compiler.RuntimeBinder = (scope, node) => new RunContext(services, node).Bind(scope);
        var output = new RunOutput(log, adapter.Database);

        if (nodes.Count == 0)
        {
            log.Warn("Nothing to do. Try checking your model configs and model specification args");
            WriteArtifacts(session, config, [], clock.Elapsed.TotalSeconds, loader);
            return 0;
        }
        log.Info($"Concurrency: {config.Threads} threads (target='{config.Target.Name}')", "ConcurrencyLine");
        log.Info("");

        var hooks = new HookRunner(services);
        adapter.PopulateCache(nodes.Where(n => n.Database is not null).Select(n => (n.Database!, n.Schema)), cancellationToken);
        CreateSchemas(adapter, nodes, config.Invocation.GetBool("store_failures"));
        var results = new List<NodeResult>();
        if (hooks.Run("on-run-start", results, cancellationToken))
            // Deferral may rewrite nodes of the manifest after selection: then the graph is built again.
            results.AddRange(new TaskRunner(services, output).Run(
                config.Invocation.Defer ? ManifestGraph.FromManifest(manifest) : session.SelectionGraph ?? ManifestGraph.FromManifest(manifest), nodes,
                buildOrder: command == "build", config.Threads, cancellationToken));
        else
        {
            // dbt (skip_nodes_if_on_run_start_fails, the default since 1.12): a failed on-run-start hook skips every
            // selected node; on-run-end hooks still run.
            var queue = new ReadyQueue(ManifestGraph.FromManifest(manifest), nodes.Select(n => n.UniqueId), testEdges: command == "build");
            var ordered = new List<string>();
            while (queue.TryDequeue(out var id))
            {
                ordered.Add(id);
                queue.MarkDone(id);
            }
            var byId = nodes.ToDictionary(n => n.UniqueId, StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                var skipped = new NodeResult { Node = byId[ordered[i]], Status = "skipped", ThreadId = "main" };
                output.Skip(skipped, i + 1, ordered.Count);
                results.Add(skipped);
            }
        }
        hooks.Run("on-run-end", results, cancellationToken);
        adapter.ReleaseConnection();
        closer.CloseInBackground();
        files.Flush();

        var elapsed = clock.Elapsed.TotalSeconds;
        WriteArtifacts(session, config, results, elapsed, loader);
        PrintSummary(log, config, nodes, results, elapsed);
        return results.Any(r => r.IsFailure) ? 1 : 0;
    }

    /// <summary>
    /// How much a run may allocate before collections resume. A 1,000-model run from the partial-parse cache (1.4 MB)
    /// allocates ≈ 120 MB in all, and its collections only ever moved the restored manifest (≈ 70 ms of pauses): the
    /// budget is ≈ 96 bytes per cache byte. Past 256 MB it only covers the restore (24 per cache byte, as parsing
    /// alone has), so a 10,000-model run collects once it has made that much garbage instead of growing by gigabytes.
    /// </summary>
    private static long AllocationBudget(RuntimeConfig config)
    {
        var cache = new FileInfo(Path.Combine(config.TargetPath, Parsing.PartialParsing.PartialParser.FileName));
        var bytes = cache.Exists ? cache.Length : 0;
        return Math.Max(32L << 20, Math.Min(bytes * 96, Math.Max(bytes * 24, 256L << 20)));
    }

    private static IReadOnlySet<string> ResourceTypes(Invocation inv, string which)
    {
        var types = new HashSet<string>(DefaultTypes.GetValueOrDefault(which) ?? ["model"], StringComparer.Ordinal);
        if (inv.ResourceTypes.Count > 0) types.IntersectWith(inv.ResourceTypes.Select(t => t == "data_test" ? "test" : t));
        types.ExceptWith(inv.ExcludeResourceTypes.Select(t => t == "data_test" ? "test" : t));
        return types;
    }

    /// <summary>
    /// dbt creates every schema the selected nodes write to before running them, the audit schema of tests that store
    /// their failures included (created by the tests themselves, concurrent <c>create schema</c>s race on PostgreSQL).
    /// </summary>
    private static void CreateSchemas(Slipway.Adapters.IAdapter adapter, List<ManifestNode> nodes, bool storeFailuresFlag)
    {
        foreach (var (db, schema) in nodes.Where(n => n.ResourceType is not (ResourceType.Test or ResourceType.UnitTest) || n.ResourceType == ResourceType.Test && StoresFailures(n, storeFailuresFlag))
                     .Select(n => (n.Database ?? adapter.Database, n.Schema)).Distinct())
        {
            if (adapter.CheckSchemaExists(db, schema)) continue;
            adapter.CreateSchema(adapter.CreateRelation(db, schema, null));
        }
    }

    // As the test materialization's should_store_failures(): store_failures_as wins, then store_failures, then the flag.
    private static bool StoresFailures(ManifestNode test, bool flag) => test.Config.Get("store_failures_as") is string storeAs
        ? storeAs is "table" or "view"
        : test.Config.Get("store_failures") is bool configured ? configured : flag;

    private static void WriteArtifacts(ProjectSession session, RuntimeConfig config, IReadOnlyList<NodeResult> results, double elapsed,
        Parsing.ManifestLoader loader)
    {
        RunResultsWriter.Write(Path.Combine(config.TargetPath, "run_results.json"), results, elapsed, config.Invocation,
            loader.InvocationId, loader.RunStartedAt);
        session.WriteManifest();
    }
}
