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
    private readonly ManifestGraph graph;
    private readonly int[] pendingParents;
    private readonly int[][] dependents;
    private readonly int[] generation;
    private readonly byte[] state;
    private readonly PriorityQueue<int, (int Generation, int Rank)> ready = new();
    private int remaining;

    private const byte NotQueued = 0, Waiting = 1, Taken = 2, Done = 3;

    /// <param name="graph">The whole DAG.</param>
    /// <param name="selected">The members to run.</param>
    /// <param name="testEdges">
    /// dbt build's order: a node also waits for the data tests on everything upstream of it whose parents are all
    /// upstream of it, so a failing test stops what is built on the data it tested.
    /// </param>
    public ReadyQueue(ManifestGraph graph, IEnumerable<string> selected, bool testEdges = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.graph = graph;
        graph.ThrowIfCyclic();
        var count = graph.MemberCount;
        var isSelected = new bool[count];
        foreach (var id in selected)
        {
            isSelected[graph.IndexOf(id)] = true;
        }
        var extraParents = testEdges ? TestEdges(graph) : null;
        var order = graph.TopologicalIndices(extraParents);
        var edges = SubsetEdges(graph, isSelected, order, extraParents);

        pendingParents = new int[count];
        generation = new int[count];
        state = new byte[count];
        var dependentLists = new List<int>?[count];
        var rank = graph.OrdinalRanks;
        foreach (var node in order)
        {
            if (!isSelected[node])
            {
                continue;
            }
            var nodeParents = edges[node]!;
            state[node] = Waiting;
            remaining++;
            pendingParents[node] = nodeParents.Count;
            var level = 0;
            foreach (var parent in nodeParents)
            {
                level = Math.Max(level, generation[parent] + 1);
                (dependentLists[parent] ??= []).Add(node);
            }
            generation[node] = level;
            if (nodeParents.Count == 0)
            {
                ready.Enqueue(node, (0, rank[node]));
            }
        }
        dependents = Array.ConvertAll(dependentLists, l => l?.ToArray() ?? []);
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
            if (ready.TryDequeue(out var node, out _))
            {
                state[node] = Taken;
                uniqueId = graph.Member(node).UniqueId;
                return true;
            }
            uniqueId = null;
            return false;
        }
    }

    /// <summary>The member <see cref="TryDequeue"/> would hand out now, left in the queue; false when none is ready.</summary>
    public bool TryPeek([NotNullWhen(true)] out string? uniqueId)
    {
        lock (gate)
        {
            uniqueId = ready.TryPeek(out var node, out _) ? graph.Member(node).UniqueId : null;
            return uniqueId is not null;
        }
    }

    /// <summary>Records that a dequeued member finished (whatever its status), releasing its dependents.</summary>
    public void MarkDone(string uniqueId)
    {
        lock (gate)
        {
            if (!graph.TryIndexOf(uniqueId, out var node) || state[node] != Taken)
            {
                throw new InvalidOperationException($"'{uniqueId}' was not taken from the queue, so it cannot be marked done.");
            }
            state[node] = Done;
            remaining--;
            var rank = graph.OrdinalRanks;
            foreach (var dependent in dependents[node])
            {
                if (--pendingParents[dependent] == 0)
                {
                    ready.Enqueue(dependent, (generation[dependent], rank[dependent]));
                }
            }
        }
    }

    /// <summary>
    /// For each selected member, its nearest selected ancestors, looking through unselected members: dbt's
    /// subset graph keeps an edge a → c when a → b → c and b is left out.
    /// </summary>
    private static List<int>?[] SubsetEdges(ManifestGraph graph, bool[] selected, List<int> order, Dictionary<int, List<int>>? extraParents)
    {
        // One pass in topological order; an unselected member carries the set of selected members that reach it,
        // so each selected member reads its nearest selected ancestors off its parents.
        var reaching = new HashSet<int>?[graph.MemberCount];
        var result = new List<int>?[graph.MemberCount];
        foreach (var node in order)
        {
            HashSet<int>? gathered = null;
            void Gather(int parent)
            {
                if (selected[parent])
                {
                    (gathered ??= []).Add(parent);
                }
                else if (reaching[parent] is { } through)
                {
                    (gathered ??= []).UnionWith(through);
                }
            }
            foreach (var parent in graph.Parents(node))
            {
                Gather(parent);
            }
            if (extraParents is not null && extraParents.TryGetValue(node, out var added))
            {
                foreach (var parent in added)
                {
                    Gather(parent);
                }
            }
            if (selected[node])
            {
                result[node] = gathered is null ? [] : [.. gathered];
            }
            else
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
