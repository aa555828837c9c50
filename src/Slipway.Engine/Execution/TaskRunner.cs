using System.Collections.Concurrent;
using Slipway.Engine.Graph;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Execution;

/// <summary>
/// dbt's GraphRunnableTask: hands the selected nodes to <c>--threads</c> workers as their parents finish
/// (<see cref="ReadyQueue"/>, with build's test edges), numbers them as they start, skips the descendants of a
/// node that errored (or of the nodes a failing test tested), and stops everything on the first failure with
/// <c>--fail-fast</c>.
/// </summary>
internal sealed class TaskRunner(ExecutionServices services, RunOutput output)
{
    private readonly ConcurrentDictionary<string, string> _skipCause = new(StringComparer.Ordinal);
    private readonly List<NodeResult> _results = [];
    private int _started;
    private volatile bool _failFastTriggered;
    /// <summary>build: each model's unit tests, run in the model's turn just before it (never queued themselves).</summary>
    private Dictionary<string, List<UnitTests.UnitTestNode>>? _unitTestsFirst;
    private CompileAhead? _ahead;

    public IReadOnlyList<NodeResult> Run(ManifestGraph graph, IReadOnlyList<ManifestNode> nodes, bool buildOrder, int threads,
        CancellationToken cancellationToken)
    {
        var byId = nodes.ToDictionary(n => n.UniqueId, StringComparer.Ordinal);
        _unitTestsFirst = buildOrder ? UnitTests.UnitTestSchedule.ByModel(nodes) : null;
        var queue = new ReadyQueue(graph, byId.Keys.Where(id => _unitTestsFirst is null || byId[id] is not UnitTests.UnitTestNode),
            testEdges: buildOrder);
        var total = nodes.Count;
        var executor = new NodeExecutor(services);
        var gate = new object();
        Exception? crash = null;
        _ahead = CompileAhead.Enabled(threads, services.Adapter.Type) ? new CompileAhead(services.Compiler) : null;

        void Work()
        {
            while (true)
            {
                string? id;
                lock (gate)
                {
                    while (!queue.TryDequeue(out id))
                    {
                        if (queue.IsFinished || crash is not null) return;
                        Monitor.Wait(gate);
                    }
                    // The node after this one, rendered on another core while this one runs.
                    if (_ahead is not null && queue.TryPeek(out var next)) _ahead.Offer(byId[next]);
                }
                try
                {
                    var node = byId[id];
                    var result = RunOne(executor, graph, node, total, cancellationToken);
                    lock (_results) _results.Add(result);
                }
                catch (Exception e)
                {
                    lock (gate) crash ??= e;
                }
                finally
                {
                    lock (gate)
                    {
                        queue.MarkDone(id);
                        Monitor.PulseAll(gate);
                    }
                }
            }
        }

        var count = Math.Max(1, Math.Min(threads, total));
        var workers = Enumerable.Range(1, count).Select(i => new Thread(Work) { Name = $"Thread-{i} (worker)", IsBackground = true }).ToList();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();
        _ahead?.Dispose();
        if (crash is not null) throw new InvalidOperationException("A runner thread crashed: " + crash.Message, crash);
        cancellationToken.ThrowIfCancellationRequested();
        return _results;
    }

    private NodeResult RunOne(NodeExecutor executor, ManifestGraph graph, ManifestNode node, int total, CancellationToken cancellationToken)
    {
        if (_unitTestsFirst?.GetValueOrDefault(node.UniqueId) is { } unitTests)
        {
            foreach (var test in unitTests)
            {
                var tested = RunOne(executor, graph, test, total, cancellationToken);
                lock (_results) _results.Add(tested);
                // dbt build: a unit test that fails, errors or is skipped skips its model and what is built on it.
                if (tested.IsFailure || tested.Status == "skipped")
                    foreach (var id in Descendants(graph, [node.UniqueId]).Append(node.UniqueId)) _skipCause.TryAdd(id, test.UniqueId);
            }
        }
        var index = Interlocked.Increment(ref _started);
        if (_failFastTriggered || _skipCause.ContainsKey(node.UniqueId))
        {
            var skipped = new NodeResult
            {
                Node = node,
                Status = "skipped",
                Message = _failFastTriggered ? "Skipping due to fail_fast" : null,
                ThreadId = Thread.CurrentThread.Name ?? "Thread-1 (worker)",
            };
            output.Skip(skipped, index, total);
            return skipped;
        }
        _ahead?.Settle(node);
        var started = DateTimeOffset.UtcNow;
        output.Start(node, index, total, started);
        var result = Microbatch.MicrobatchRunner.Applies(node)
            ? new Microbatch.MicrobatchRunner(services, executor).Execute(node, cancellationToken)
            : executor.Execute(node, cancellationToken);
        if (result.Error is not null) services.Log.StackTrace(result.Error);
        output.Result(result, index, total, started);
        if (result.IsFailure)
        {
            SkipDownstream(graph, node);
            if (services.Invocation.FailFast) _failFastTriggered = true;
        }
        return result;
    }

    /// <summary>
    /// A failed model skips everything downstream. A failed test skips, as dbt build's test edges do, every node
    /// downstream of all the nodes it tests (and what is built on those), but not other tests of the same nodes.
    /// </summary>
    private void SkipDownstream(ManifestGraph graph, ManifestNode failed)
    {
        if (failed.ResourceType != ResourceType.Test)
        {
            foreach (var id in Descendants(graph, [failed.UniqueId])) _skipCause.TryAdd(id, failed.UniqueId);
            return;
        }
        var tested = graph.ParentsOf(failed.UniqueId).ToList();
        foreach (var id in Descendants(graph, tested))
        {
            if (services.Manifest.Nodes.GetValueOrDefault(id)?.ResourceType == ResourceType.Test) continue;
            var ancestors = Ancestors(graph, id);
            if (!tested.All(ancestors.Contains)) continue;
            _skipCause.TryAdd(id, failed.UniqueId);
            foreach (var below in Descendants(graph, [id])) _skipCause.TryAdd(below, failed.UniqueId);
        }
    }

    private static HashSet<string> Descendants(ManifestGraph graph, IEnumerable<string> roots) => Walk(roots, graph.ChildrenOf);

    private static HashSet<string> Ancestors(ManifestGraph graph, string id) => Walk([id], graph.ParentsOf);

    private static HashSet<string> Walk(IEnumerable<string> roots, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(roots);
        while (stack.Count > 0)
            foreach (var n in next(stack.Pop()))
                if (seen.Add(n)) stack.Push(n);
        return seen;
    }
}
