namespace Slipway.Engine.Graph;

/// <summary>
/// The DAG of a manifest: an edge runs from each dependency to its dependent (parent → child), as in dbt's
/// linker. Members are numbered once so that traversals work over int arrays, not string lookups.
/// </summary>
public sealed partial class ManifestGraph
{
    private readonly GraphMember[] members;
    private readonly Dictionary<string, int> indexById;
    private readonly int[][] parents;
    private readonly int[][] children;

    /// <param name="graphMembers">The members, in manifest order.</param>
    /// <param name="macros">The manifest's macros, for state:modified.macros.</param>
    /// <param name="ignoreMissingDependencies">Drop edges to unknown members instead of refusing them (artifacts from elsewhere).</param>
    internal ManifestGraph(IEnumerable<GraphMember> graphMembers, IEnumerable<MacroInfo>? macros = null, bool ignoreMissingDependencies = false)
    {
        members = graphMembers.ToArray();
        indexById = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            if (!indexById.TryAdd(members[i].UniqueId, i))
            {
                throw new GraphException($"The manifest holds two members with the unique id '{members[i].UniqueId}'.");
            }
        }

        var parentLists = new List<int>[members.Length];
        var childLists = new List<int>[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            parentLists[i] = [];
            childLists[i] = [];
        }
        for (var i = 0; i < members.Length; i++)
        {
            foreach (var dependency in members[i].DependsOnNodes)
            {
                if (!indexById.TryGetValue(dependency, out var parent))
                {
                    if (ignoreMissingDependencies)
                    {
                        continue;
                    }
                    // dbt's linker refuses the same way (GraphDependencyNotFoundError).
                    throw new GraphException($"'{members[i].UniqueId}' depends on '{dependency}' which is not in the graph!");
                }
                if (!parentLists[i].Contains(parent))
                {
                    parentLists[i].Add(parent);
                    childLists[parent].Add(i);
                }
            }
        }
        parents = Array.ConvertAll(parentLists, l => l.ToArray());
        children = Array.ConvertAll(childLists, l => l.ToArray());
        Macros = (macros ?? []).ToDictionary(m => m.UniqueId, StringComparer.Ordinal);
    }

    /// <summary>Number of members (nodes, sources, exposures, metrics, semantic models, saved queries, unit tests).</summary>
    public int Count => members.Length;

    public IEnumerable<string> UniqueIds => members.Select(m => m.UniqueId);

    public bool Contains(string uniqueId) => indexById.ContainsKey(uniqueId);

    /// <summary>The direct parents of a member (its depends_on.nodes that are in the graph).</summary>
    public IEnumerable<string> ParentsOf(string uniqueId) => parents[IndexOf(uniqueId)].Select(i => members[i].UniqueId);

    public IEnumerable<string> ChildrenOf(string uniqueId) => children[IndexOf(uniqueId)].Select(i => members[i].UniqueId);

    /// <summary>manifest.json's parent_map: every member's parents, sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ParentMap() => BuildMap(parents);

    /// <summary>manifest.json's child_map: every member's children, sorted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ChildMap() => BuildMap(children);

    internal IReadOnlyDictionary<string, MacroInfo> Macros { get; }

    /// <summary>Lookup tables for selector methods, built on first use and shared by every selection over this graph.</summary>
    internal Selection.SelectionIndex SelectionIndex => selectionIndex ??= new Selection.SelectionIndex(this);

    private Selection.SelectionIndex? selectionIndex;

    internal int MemberCount => members.Length;

    internal GraphMember Member(int index) => members[index];

    internal int[] Parents(int index) => parents[index];

    internal int[] Children(int index) => children[index];

    internal bool TryIndexOf(string uniqueId, out int index) => indexById.TryGetValue(uniqueId, out index);

    internal int IndexOf(string uniqueId) =>
        indexById.TryGetValue(uniqueId, out var index)
            ? index
            : throw new GraphException($"Node {uniqueId} not found in the graph!");

    internal GraphMember? Find(string uniqueId) => indexById.TryGetValue(uniqueId, out var i) ? members[i] : null;

    private Dictionary<string, IReadOnlyList<string>> BuildMap(int[][] adjacency)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(members.Length, StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            var ids = Array.ConvertAll(adjacency[i], j => members[j].UniqueId);
            Array.Sort(ids, StringComparer.Ordinal);
            map[members[i].UniqueId] = ids;
        }
        return map;
    }
}
