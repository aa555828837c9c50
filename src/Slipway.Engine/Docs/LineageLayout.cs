namespace Slipway.Engine.Docs;

/// <summary>
/// A layered left-to-right drawing of the DAG (Sugiyama style, without dummy nodes for long edges): each node's
/// layer is its longest path from a root, and the order inside a layer is improved by barycenter sweeps (a node
/// moves towards the mean position of its neighbours in the previous layer), which removes most crossings.
/// The site draws any subset of the graph by keeping these layers and orders and packing out the gaps.
/// </summary>
internal static class LineageLayout
{
    private const int Sweeps = 4;

    /// <summary>Layer and order (position within the layer) for each node; edges to unknown ids are ignored.</summary>
    public static Dictionary<string, (int Layer, int Order)> Compute(IReadOnlyList<string> nodes, IReadOnlyDictionary<string, List<string>> parents)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i]] = i;
        var ups = new List<int>[nodes.Count];
        var downs = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) { ups[i] = []; downs[i] = []; }
        for (var i = 0; i < nodes.Count; i++)
            if (parents.TryGetValue(nodes[i], out var ps))
                foreach (var p in ps)
                    if (index.TryGetValue(p, out var j) && j != i) { ups[i].Add(j); downs[j].Add(i); }

        // Longest-path layering in topological order (Kahn); nodes left on a cycle keep layer 0.
        var layer = new int[nodes.Count];
        var pending = ups.Select(u => u.Count).ToArray();
        var queue = new Queue<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] == 0));
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var c in downs[n])
            {
                layer[c] = Math.Max(layer[c], layer[n] + 1);
                if (--pending[c] == 0) queue.Enqueue(c);
            }
        }

        var layers = new List<List<int>>();
        foreach (var i in Enumerable.Range(0, nodes.Count).OrderBy(i => nodes[i], StringComparer.Ordinal))
        {
            while (layers.Count <= layer[i]) layers.Add([]);
            layers[layer[i]].Add(i);
        }
        var position = new double[nodes.Count];
        void Number(List<int> l) { for (var k = 0; k < l.Count; k++) position[l[k]] = k; }
        foreach (var l in layers) Number(l);

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            for (var k = 1; k < layers.Count; k++) Reorder(layers[k], ups);
            for (var k = layers.Count - 2; k >= 0; k--) Reorder(layers[k], downs);
        }

        void Reorder(List<int> l, List<int>[] neighbours)
        {
            // Stable sort by barycenter; a node without neighbours keeps its current position.
            var keyed = l.Select(n => (n, key: neighbours[n].Count == 0 ? position[n] : neighbours[n].Average(m => position[m]))).ToList();
            var sorted = keyed.OrderBy(p => p.key).ThenBy(p => position[p.n]).Select(p => p.n).ToList();
            l.Clear();
            l.AddRange(sorted);
            Number(l);
        }

        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var k = 0; k < layers.Count; k++)
            for (var o = 0; o < layers[k].Count; o++)
                result[nodes[layers[k][o]]] = (k, o);
        return result;
    }

    /// <summary>The number of edge crossings between adjacent layers (what the sweeps reduce); used by tests.</summary>
    public static int Crossings(IReadOnlyDictionary<string, (int Layer, int Order)> layout, IReadOnlyDictionary<string, List<string>> parents)
    {
        var edges = new List<(int Layer, int From, int To)>();
        foreach (var (child, ps) in parents)
            if (layout.TryGetValue(child, out var c))
                foreach (var p in ps)
                    if (layout.TryGetValue(p, out var pp) && pp.Layer == c.Layer - 1) edges.Add((pp.Layer, pp.Order, c.Order));
        var crossings = 0;
        foreach (var group in edges.GroupBy(e => e.Layer))
        {
            var list = group.ToList();
            for (var a = 0; a < list.Count; a++)
                for (var b = a + 1; b < list.Count; b++)
                    if ((list[a].From - list[b].From) * (list[a].To - list[b].To) < 0) crossings++;
        }
        return crossings;
    }
}
