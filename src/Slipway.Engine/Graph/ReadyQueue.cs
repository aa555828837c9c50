using System.Diagnostics.CodeAnalysis;

namespace Slipway.Engine.Graph;

/// <summary>
/// Hands out the selected members of a graph as their selected ancestors finish, for parallel execution.
/// An unselected member between two selected ones still orders them (dbt keeps such transitive edges), and
/// among ready members the one in the earliest topological generation goes first, ties by unique id.
/// Thread-safe: workers may dequeue and mark done concurrently.
/// </summary>
public sealed class ReadyQueue
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> pendingParents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> generation = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, (int Generation, string UniqueId)> ready;
    private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);
    private int remaining;

    /// <param name="graph">The whole DAG.</param>
    /// <param name="selected">The members to run.</param>
    /// <param name="testEdges">
    /// dbt build's order: a node also waits for the data tests on everything upstream of it whose parents are all
    /// upstream of it, so a failing test stops what is built on the data it tested.
    /// </param>
    public ReadyQueue(ManifestGraph graph, IEnumerable<string> selected, bool testEdges = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.ThrowIfCyclic();
        var selectedIndices = new HashSet<int>(selected.Select(graph.IndexOf));
        var extraParents = testEdges ? TestEdges(graph) : null;
        var order = graph.TopologicalIndices(extraParents);
        var edges = SubsetEdges(graph, selectedIndices, order, extraParents);
        ready = new PriorityQueue<string, (int, string)>(Comparer<(int Generation, string UniqueId)>.Create(
            (a, b) => a.Generation != b.Generation ? a.Generation.CompareTo(b.Generation) : string.CompareOrdinal(a.UniqueId, b.UniqueId)));

        foreach (var node in order)
        {
            if (!selectedIndices.Contains(node))
            {
                continue;
            }
            var id = graph.Member(node).UniqueId;
            var nodeParents = edges[node];
            pendingParents[id] = nodeParents.Count;
            generation[id] = nodeParents.Count == 0 ? 0 : nodeParents.Max(p => generation[graph.Member(p).UniqueId]) + 1;
            foreach (var parent in nodeParents)
            {
                var parentId = graph.Member(parent).UniqueId;
                if (!dependents.TryGetValue(parentId, out var list))
                {
                    dependents[parentId] = list = [];
                }
                list.Add(id);
            }
            if (nodeParents.Count == 0)
            {
                ready.Enqueue(id, (0, id));
            }
        }
        remaining = selectedIndices.Count;
    }

    /// <summary>Members not yet marked done (ready, running or waiting).</summary>
    public int Remaining
    {
        get { lock (gate) { return remaining; } }
    }

    public bool IsFinished => Remaining == 0;

    /// <summary>Takes the next member whose selected ancestors have all finished; false when none is ready now.</summary>
    public bool TryDequeue([NotNullWhen(true)] out string? uniqueId)
    {
        lock (gate)
        {
            if (ready.TryDequeue(out uniqueId, out _))
            {
                inProgress.Add(uniqueId);
                return true;
            }
            return false;
        }
    }

    /// <summary>Records that a dequeued member finished (whatever its status), releasing its dependents.</summary>
    public void MarkDone(string uniqueId)
    {
        lock (gate)
        {
            if (!inProgress.Remove(uniqueId))
            {
                throw new InvalidOperationException($"'{uniqueId}' was not taken from the queue, so it cannot be marked done.");
            }
            remaining--;
            if (!dependents.TryGetValue(uniqueId, out var list))
            {
                return;
            }
            foreach (var dependent in list)
            {
                if (--pendingParents[dependent] == 0)
                {
                    ready.Enqueue(dependent, (generation[dependent], dependent));
                }
            }
        }
    }

    /// <summary>
    /// For each selected member, its nearest selected ancestors, looking through unselected members: dbt's
    /// subset graph keeps an edge a → c when a → b → c and b is left out.
    /// </summary>
    private static Dictionary<int, List<int>> SubsetEdges(
        ManifestGraph graph, HashSet<int> selected, List<int> order, Dictionary<int, List<int>>? extraParents)
    {
        // One pass in topological order; an unselected member carries the set of selected members that reach it,
        // so each selected member reads its nearest selected ancestors off its parents.
        var reaching = new Dictionary<int, HashSet<int>>();
        var result = new Dictionary<int, List<int>>(selected.Count);
        foreach (var node in order)
        {
            HashSet<int>? gathered = null;
            foreach (var parent in graph.Parents(node).Concat(extraParents?.GetValueOrDefault(node) ?? []))
            {
                if (selected.Contains(parent))
                {
                    (gathered ??= []).Add(parent);
                }
                else if (reaching.TryGetValue(parent, out var through))
                {
                    (gathered ??= []).UnionWith(through);
                }
            }
            if (selected.Contains(node))
            {
                result[node] = gathered is null ? [] : [.. gathered];
            }
            else if (gathered is not null)
            {
                reaching[node] = gathered;
            }
        }
        return result;
    }

    /// <summary>
    /// dbt's test edges (edge_type "parent_test"): a data test comes before every non-test node that has all
    /// the test's parents upstream. Only the first such nodes get an edge; the rest follow through them.
    /// </summary>
    private static Dictionary<int, List<int>> TestEdges(ManifestGraph graph)
    {
        bool Receives(int i) => graph.Member(i) is { Collection: MemberCollection.Node, ResourceType: not "test" };
        var extra = new Dictionary<int, List<int>>();
        void Add(int child, int test)
        {
            if (!extra.TryGetValue(child, out var list))
            {
                extra[child] = list = [];
            }
            list.Add(test);
        }
        for (var test = 0; test < graph.MemberCount; test++)
        {
            var member = graph.Member(test);
            if (member.Collection != MemberCollection.Node || member.ResourceType != "test" || graph.Parents(test).Length == 0)
            {
                continue;
            }
            var deps = graph.Parents(test);
            if (deps.Length == 1)
            {
                foreach (var child in graph.Children(deps[0]))
                {
                    if (Receives(child))
                    {
                        Add(child, test);
                    }
                }
                continue;
            }
            // Several parents (relationships): the nodes downstream of all of them, first ones only.
            var common = graph.Descendants([deps[0]], null);
            foreach (var dep in deps.Skip(1))
            {
                common.IntersectWith(graph.Descendants([dep], null));
            }
            common.RemoveWhere(i => !Receives(i));
            foreach (var node in common)
            {
                if (!graph.Parents(node).Any(common.Contains))
                {
                    Add(node, test);
                }
            }
        }
        return extra;
    }
}
