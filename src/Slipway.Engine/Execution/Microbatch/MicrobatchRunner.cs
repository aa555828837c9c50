using System.Diagnostics;
using System.Text.RegularExpressions;
using Slipway.Adapters.Results;
using Slipway.Engine.Contexts;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>
/// Runs an <c>incremental_strategy: microbatch</c> model as dbt 1.9+ does: plans its batches (<see cref="BatchPlanner"/>),
/// then for each batch re-compiles the model with refs and sources that have an <c>event_time</c> filtered to the
/// batch and calls the incremental materialization with <c>model.batch</c> set, whose microbatch strategy replaces
/// the batch's window of the table. The first batch runs alone (it may create the table) with the pre-hooks; when
/// it fails the rest are skipped. The batches between run side by side when <c>concurrent_batches</c> allows it
/// (by default when the model does not read <c>{{ this }}</c>); the last runs alone with the post-hooks. The node
/// is a success, an error (no batch succeeded) or a <c>partial success</c>.
/// </summary>
internal sealed partial class MicrobatchRunner(ExecutionServices services, NodeExecutor executor)
{
    public static bool Applies(ManifestNode node) =>
        node is ModelNode && node.Config.Materialized == "incremental" && node.Config.GetString("incremental_strategy") == "microbatch";

    public NodeResult Execute(ManifestNode node, CancellationToken cancellationToken)
    {
        var result = new NodeResult { Node = node, Status = "success", ThreadId = NodeExecutor.ThreadName(), BatchResults = new BatchResults() };
        var clock = Stopwatch.StartNew();
        List<EventTimeWindow> batches;
        BatchPlanner planner;
        bool incremental;
        BatchResults? previous = null;
        try
        {
            planner = new BatchPlanner(node);
            incremental = IsIncremental(node);
            var (start, end) = services.Compiler.Sample is { } sample
                ? (sample.Start, sample.End)
                : (Flag("event_time_start"), Flag("event_time_end"));
            // retry: only the batches the previous run left unfinished; the ones it built are reported again.
            if (services.PreviousBatches.TryGetValue(node.UniqueId, out previous))
                batches = previous.Failed.OrderBy(b => b.Start).ToList();
            else batches = planner.Plan(incremental, start, end, services.Parse.Loader.RunStartedAt);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            result.Status = "error";
            result.Message = NodeExecutor.ErrorMessage(node, e);
            result.Error = e;
            result.ExecutionTime = clock.Elapsed.TotalSeconds;
            return result;
        }

        var outcomes = new BatchOutcome?[batches.Count];
        var started = DateTimeOffset.UtcNow;
        outcomes[0] = RunBatch(node, planner, batches, 0, incremental, cancellationToken);
        var skipRest = !outcomes[0]!.Succeeded;
        var middle = Enumerable.Range(1, Math.Max(0, batches.Count - 2)).ToList();
        if (skipRest) foreach (var i in middle) outcomes[i] = Skip(node, planner, batches, i);
        else if (RunsConcurrently(node)) RunConcurrently(node, planner, batches, middle, outcomes, cancellationToken);
        else foreach (var i in middle) outcomes[i] = RunBatch(node, planner, batches, i, true, cancellationToken);
        if (batches.Count > 1)
            outcomes[^1] = skipRest ? Skip(node, planner, batches, batches.Count - 1) : RunBatch(node, planner, batches, batches.Count - 1, true, cancellationToken);

        foreach (var o in outcomes)
        {
            (o!.Succeeded ? result.BatchResults.Successful : result.BatchResults.Failed).Add(o.Batch);
            if (o.Sql is not null) node.CompiledCode = o.Sql;
            if (o.Response is not null) result.AdapterResponse = o.Response.ToDictionary();
        }
        if (node.CompiledCode is not null)
        {
            node.Compiled = true;
            services.Compiler.WriteCompiled([node], services.Config.Project.RootPath, services.RelativeTargetPath);
        }
        result.Timing.Add(new TimingInfo("execute", started, DateTimeOffset.UtcNow));
        var ok = result.BatchResults.Successful.Count;
        var failed = result.BatchResults.Failed.Count;
        (result.Status, result.Message) = (ok, failed) switch
        {
            (_, 0) => ("success", "SUCCESS"),
            (0, _) => ("error", outcomes.FirstOrDefault(o => o!.Error is not null)?.ErrorMessage ?? "ERROR"),
            _ => ("partial success", $"PARTIAL SUCCESS ({ok}/{ok + failed})"),
        };
        result.Error = outcomes.FirstOrDefault(o => o!.Error is not null)?.Error;
        // The status counts this run's batches only; the batches an earlier run built are listed again (dbt's retry).
        if (previous is not null) result.BatchResults.Successful.AddRange(previous.Successful);
        result.ExecutionTime = clock.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>One batch's outcome: its window, the SQL it ran, the response, or why it failed.</summary>
    private sealed record BatchOutcome(EventTimeWindow Batch, bool Succeeded, string? Sql, AdapterResponse? Response, Exception? Error, string? ErrorMessage);

    private BatchOutcome RunBatch(ManifestNode node, BatchPlanner planner, List<EventTimeWindow> batches, int index, bool incrementalBatch,
        CancellationToken cancellationToken)
    {
        var batch = batches[index];
        var id = planner.BatchId(batch);
        var description = $"batch {id} of {Representation(node)}";
        var clock = Stopwatch.StartNew();
        services.Log.Write(EventLevel.Info, "LogStartBatch", "Batch " + RunOutput.Line($"START {description}", "RUN", index + 1, batches.Count), null,
            RunOutput.NodeInfo(node, "started", DateTimeOffset.UtcNow, null));
        string? sql = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchDict = BatchDict(id, batch);
            sql = services.Compiler.CompileBatch(node, batch, scope => scope.Context["model"] = ModelDict(node, null, batchDict));
            var overrides = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sql"] = sql,
                ["compiled_code"] = sql,
                ["model"] = ModelDict(node, sql, batchDict),
            };
            // Hooks run once per model: the pre-hooks with the first batch, the post-hooks with the last.
            if (index != 0) overrides["pre_hooks"] = new List<object?>();
            if (index != batches.Count - 1) overrides["post_hooks"] = new List<object?>();
            if (incrementalBatch)
            {
                overrides["is_incremental"] = new JinjaFunction("is_incremental", _ => true);
                overrides["should_full_refresh"] = new JinjaFunction("should_full_refresh", _ => false);
            }
            var store = executor.Materialize(node, overrides);
            var response = (store.GetValueOrDefault("main") as IDictionary<string, object?>) is { } main && main.TryGetValue("response", out var r) ? r as AdapterResponse : null;
            services.Log.Write(EventLevel.Info, "LogBatchResult",
                "Batch " + RunOutput.Line($"OK created {description}", response?.Message ?? "OK", index + 1, batches.Count, clock.Elapsed.TotalSeconds), null,
                RunOutput.NodeInfo(node, "success", null, DateTimeOffset.UtcNow));
            return new BatchOutcome(batch, true, sql, response, null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            services.Adapter.Rollback();
            var message = NodeExecutor.ErrorMessage(node, e);
            services.Log.Error($"Encountered an error while running {description}:\n{message}", "GenericExceptionOnRun");
            services.Log.StackTrace(e);
            services.Log.Write(EventLevel.Error, "LogBatchResult",
                "Batch " + RunOutput.Line($"ERROR creating {description}", "ERROR", index + 1, batches.Count, clock.Elapsed.TotalSeconds), null,
                RunOutput.NodeInfo(node, "error", null, DateTimeOffset.UtcNow));
            return new BatchOutcome(batch, false, sql, null, e, message);
        }
    }

    private BatchOutcome Skip(ManifestNode node, BatchPlanner planner, List<EventTimeWindow> batches, int index)
    {
        var description = $"batch {planner.BatchId(batches[index])} of {Representation(node)}";
        services.Log.Write(EventLevel.Info, "LogBatchResult", "Batch " + RunOutput.Line($"SKIP {description}", "SKIPPED", index + 1, batches.Count, 0), null,
            RunOutput.NodeInfo(node, "skipped", null, null));
        return new BatchOutcome(batches[index], false, null, null, null, null);
    }

    /// <summary>The middle batches on up to <c>--threads</c> threads, each with its own connection.</summary>
    private void RunConcurrently(ManifestNode node, BatchPlanner planner, List<EventTimeWindow> batches, List<int> indexes, BatchOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        var next = -1;
        void Work()
        {
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < indexes.Count)
                    outcomes[indexes[i]] = RunBatch(node, planner, batches, indexes[i], true, cancellationToken);
            }
            finally
            {
                services.Adapter.ReleaseConnection();
            }
        }
        var name = Thread.CurrentThread.Name ?? "Thread-1 (worker)";
        var threads = Enumerable.Range(1, Math.Max(1, Math.Min(services.Config.Threads, indexes.Count)))
            .Select(k => new Thread(Work) { Name = $"{name} batch {k}", IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        for (var k = 0; k < indexes.Count; k++) outcomes[indexes[k]] ??= Skip(node, planner, batches, indexes[k]);
    }

    /// <summary>
    /// dbt's rule: batches run side by side only where the adapter can (both of ours), after the table exists, as
    /// <c>concurrent_batches</c> says, else unless the model reads <c>{{ this }}</c> (its batches would see each other).
    /// </summary>
    private bool RunsConcurrently(ManifestNode node) => node.Config.Get("concurrent_batches") switch
    {
        bool b => b && services.Config.Threads > 1,
        _ => services.Config.Threads > 1 && !ReadsThis().IsMatch(node.RawCode),
    };

    [GeneratedRegex(@"\{\{[^}]*\bthis\b|\{%[^%]*\bthis\b")]
    private static partial Regex ReadsThis();

    /// <summary>dbt's <c>_is_incremental</c>: the table exists and neither the config nor <c>--full-refresh</c> asks for a rebuild.</summary>
    private bool IsIncremental(ManifestNode node)
    {
        var relation = services.Adapter.GetRelation(node.Database, node.Schema, node.Alias);
        if (relation is null || !relation.IsTable) return false;
        return node.Config.Get("full_refresh") is bool b ? !b : !services.Invocation.FullRefresh;
    }

    private DateTimeOffset? Flag(string name) =>
        services.Invocation.GetString(name) is { Length: > 0 } text ? BatchPlanner.ParseTime(text, "--" + name.Replace('_', '-')) : null;

    private string Representation(ManifestNode node) => $"{node.Schema}.{node.Alias}";

    /// <summary><c>model.batch</c>: the batch id and its bounds as Python prints aware datetimes.</summary>
    private static OrderedDictionary<string, object?> BatchDict(string id, EventTimeWindow batch) => new(StringComparer.Ordinal)
    {
        ["id"] = id,
        ["event_time_start"] = EventTimeWindow.PythonText(batch.Start!.Value),
        ["event_time_end"] = EventTimeWindow.PythonText(batch.End!.Value),
    };

    private static OrderedDictionary<string, object?> ModelDict(ManifestNode node, string? sql, OrderedDictionary<string, object?> batch)
    {
        var d = NodeDicts.Of(node);
        if (sql is not null)
        {
            d["compiled_code"] = sql;
            d["compiled"] = true;
        }
        d["batch"] = batch;
        return d;
    }
}
