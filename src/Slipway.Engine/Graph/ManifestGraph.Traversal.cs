namespace Slipway.Engine.Graph;

/// <summary>Walks over the DAG: ancestors and descendants to a depth, topological order and cycles.</summary>
public sealed partial class ManifestGraph
{
    /// <summary>
    /// Every member with a path to one of <paramref name="seeds"/>, at most <paramref name="maxDepth"/> edges away
    /// (null: any distance). Seeds are only returned when they are themselves ancestors of another seed within the
    /// depth, which is what dbt's per-node BFS gives once its result is joined with the seeds.
    /// </summary>
    internal HashSet<int> Ancestors(IEnumerable<int> seeds, int? maxDepth, bool[]? within = null) => Walk(seeds, maxDepth, parents, within);

    internal HashSet<int> Descendants(IEnumerable<int> seeds, int? maxDepth, bool[]? within = null) => Walk(seeds, maxDepth, children, within);

    private static HashSet<int> Walk(IEnumerable<int> seeds, int? maxDepth, int[][] edges, bool[]? within)
    {
        // Multi-source BFS: a member's distance is its distance from the nearest seed, which selects the same
        // members as one BFS per seed but in linear time.
        var result = new HashSet<int>();
        var visited = new HashSet<int>();
        var frontier = new List<int>();
        foreach (var seed in seeds)
        {
            if (visited.Add(seed))
            {
                frontier.Add(seed);
            }
        }
        var depth = 0;
        while (frontier.Count > 0 && (maxDepth is null || depth < maxDepth))
        {
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in edges[node])
                {
                    if (within is not null && !within[neighbour])
                    {
                        continue;
                    }
                    result.Add(neighbour);
                    if (visited.Add(neighbour))
                    {
                        next.Add(neighbour);
                    }
                }
            }
            frontier = next;
            depth++;
        }
        return result;
    }

    /// <summary>All unique ids, parents before children; ties in unique-id order so the result is stable.</summary>
    public IReadOnlyList<string> TopologicalOrder() => TopologicalIndices(null).ConvertAll(i => members[i].UniqueId);

    /// <summary>Every member upstream of <paramref name="uniqueId"/>, at most <paramref name="depth"/> edges away (null: any).</summary>
    public IReadOnlySet<string> AncestorsOf(string uniqueId, int? depth = null) =>
        Ancestors([IndexOf(uniqueId)], depth).Select(i => members[i].UniqueId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every member downstream of <paramref name="uniqueId"/> (what a failure makes dbt skip).</summary>
    public IReadOnlySet<string> DescendantsOf(string uniqueId, int? depth = null) =>
        Descendants([IndexOf(uniqueId)], depth).Select(i => members[i].UniqueId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each member's position in ordinal unique-id order, so ties break by comparing ints, not strings.</summary>
    internal int[] OrdinalRanks => ordinalRanks ??= ComputeRanks();

    private int[]? ordinalRanks;

    private int[] ComputeRanks()
    {
        var byId = Enumerable.Range(0, members.Length).ToArray();
        Array.Sort(byId, (a, b) => string.CompareOrdinal(members[a].UniqueId, members[b].UniqueId));
        var rank = new int[members.Length];
        for (var position = 0; position < byId.Length; position++)
        {
            rank[byId[position]] = position;
        }
        return rank;
    }

    /// <summary>Kahn's algorithm over member indices, optionally with extra edges (child → added parents).</summary>
    internal List<int> TopologicalIndices(Dictionary<int, List<int>>? extraParents)
    {
        var inDegree = new int[members.Length];
        Dictionary<int, List<int>>? extraChildren = null;
        for (var i = 0; i < members.Length; i++)
        {
            inDegree[i] = parents[i].Length;
        }
        if (extraParents is not null)
        {
            extraChildren = [];
            foreach (var (child, added) in extraParents)
            {
                inDegree[child] += added.Count;
                foreach (var parent in added)
                {
                    if (!extraChildren.TryGetValue(parent, out var list))
                    {
                        extraChildren[parent] = list = [];
                    }
                    list.Add(child);
                }
            }
        }
        var rank = OrdinalRanks;
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < members.Length; i++)
        {
            if (inDegree[i] == 0)
            {
                ready.Enqueue(i, rank[i]);
            }
        }
        var order = new List<int>(members.Length);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var child in children[node].Concat(extraChildren?.GetValueOrDefault(node) ?? []))
            {
                if (--inDegree[child] == 0)
                {
                    ready.Enqueue(child, rank[child]);
                }
            }
        }
        if (order.Count < members.Length)
        {
            ThrowIfCyclic();
            throw new GraphException("Found a cycle through the edges that make tests run before the nodes downstream of what they test.");
        }
        return order;
    }

    /// <summary>
    /// One cycle as dbt prints it: the members along the cycle joined by " --> " (the first member is not
    /// repeated at the end), or null when the graph is acyclic.
    /// </summary>
    public string? FindCycle()
    {
        var cycle = FindCycleIndices();
        return cycle is null ? null : string.Join(" --> ", cycle.Select(i => members[i].UniqueId));
    }

    /// <summary>Throws dbt's "Found a cycle: …" error when the graph has one.</summary>
    public void ThrowIfCyclic()
    {
        var cycle = FindCycle();
        if (cycle is not null)
        {
            throw new GraphException($"Found a cycle: {cycle}");
        }
    }

    private List<int>? FindCycleIndices()
    {
        // Iterative depth-first search with three colours; a grey child closes a cycle.
        const byte White = 0, Grey = 1, Black = 2;
        var colour = new byte[members.Length];
        var stack = new Stack<(int Node, int NextChild)>();
        var path = new List<int>();
        for (var root = 0; root < members.Length; root++)
        {
            if (colour[root] != White)
            {
                continue;
            }
            stack.Push((root, 0));
            colour[root] = Grey;
            path.Add(root);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < children[node].Length)
                {
                    stack.Push((node, next + 1));
                    var child = children[node][next];
                    if (colour[child] == Grey)
                    {
                        return path.GetRange(path.IndexOf(child), path.Count - path.IndexOf(child));
                    }
                    if (colour[child] == White)
                    {
                        colour[child] = Grey;
                        path.Add(child);
                        stack.Push((child, 0));
                    }
                }
                else
                {
                    colour[node] = Black;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        return null;
    }
}
