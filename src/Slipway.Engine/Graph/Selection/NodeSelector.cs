namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// Evaluates a <see cref="SelectionSpec"/> over a <see cref="ManifestGraph"/> as dbt's NodeSelector does:
/// methods, then graph operators, then test expansion (indirect selection), then set operations, and
/// finally the command's resource-type filter.
/// </summary>
public sealed class NodeSelector
{
    private readonly ManifestGraph graph;
    private readonly SelectionOptions options;
    private readonly bool[] included;
    private readonly SelectorMethods methods;
    private readonly List<string> warnings = [];

    public NodeSelector(ManifestGraph graph, SelectionOptions? options = null)
    {
        this.graph = graph;
        this.options = options ?? new SelectionOptions();
        included = new bool[graph.MemberCount];
        for (var i = 0; i < included.Length; i++)
        {
            included[i] = IsGraphMember(graph.Member(i));
        }
        methods = new SelectorMethods(graph.SelectionIndex, included, this.options.PreviousState);
    }

    /// <summary>Selects over the DAG of a parsed manifest.</summary>
    public static SelectionResult Select(Manifest.Manifest manifest, SelectionSpec spec, SelectionOptions? options = null) =>
        Select(ManifestGraph.FromManifest(manifest), spec, options);

    /// <summary>Selects over <paramref name="graph"/>; the main entry point. One instance is not for concurrent use.</summary>
    public static SelectionResult Select(ManifestGraph graph, SelectionSpec spec, SelectionOptions? options = null) =>
        new NodeSelector(graph, options).Select(spec);

    public SelectionResult Select(SelectionSpec spec)
    {
        warnings.Clear();
        var (direct, _) = SelectRecursively(spec);
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in direct)
        {
            var member = graph.Member(i);
            if (options.ResourceTypes is null || options.ResourceTypes.Contains(member.ResourceType))
            {
                selected.Add(member.UniqueId);
            }
        }
        return new SelectionResult(selected, [.. warnings]);
    }

    private bool IsGraphMember(GraphMember member) => member.Collection switch
    {
        MemberCollection.Node => member.Enabled && (options.IncludeEmptyNodes || !member.IsEmpty),
        MemberCollection.Source => member.Enabled,
        _ => true,
    };

    private (HashSet<int> Direct, HashSet<int> Indirect) SelectRecursively(SelectionSpec spec)
    {
        if (spec is SelectionCriteria criteria)
        {
            return FromCriteria(criteria);
        }
        var group = (SelectionGroup)spec;
        var bundles = group.Components.Select(SelectRecursively).ToList();
        var initialDirect = Combine(group, bundles.Select(b => b.Direct).ToList());
        var indirect = Combine(group, bundles.Select(b => { var all = new HashSet<int>(b.Direct); all.UnionWith(b.Indirect); return all; }).ToList());
        var direct = IncorporateIndirect(initialDirect, indirect, group.IndirectSelection);
        if (group.ExpectExists && direct.Count == 0)
        {
            warnings.Add($"The selection criterion '{group.Raw}' does not match any enabled nodes");
        }
        return (direct, indirect);
    }

    private static HashSet<int> Combine(SelectionGroup group, List<HashSet<int>> sets)
    {
        if (sets.Count == 0)
        {
            return [];
        }
        var result = new HashSet<int>(sets[0]);
        foreach (var other in sets.Skip(1))
        {
            switch (group)
            {
                case SelectionUnion:
                    result.UnionWith(other);
                    break;
                case SelectionIntersection:
                    result.IntersectWith(other);
                    break;
                default:
                    result.ExceptWith(other);
                    break;
            }
        }
        return result;
    }

    private (HashSet<int> Direct, HashSet<int> Indirect) FromCriteria(SelectionCriteria criteria)
    {
        var collected = methods.Search(criteria);
        var selected = new HashSet<int>(collected);
        if (criteria.ChildrensParents)
        {
            selected.UnionWith(ChildrensParents(collected));
        }
        if (criteria.Parents)
        {
            selected.UnionWith(Walk(collected, criteria.ParentsDepth, up: true));
        }
        if (criteria.Children)
        {
            selected.UnionWith(Walk(collected, criteria.ChildrenDepth, up: false));
        }
        return criteria.IndirectSelection == IndirectSelection.Empty
            ? (selected, [])
            : ExpandToTests(selected, criteria.IndirectSelection);
    }

    /// <summary>
    /// Tests (and unit tests) one edge below the selection: with eager all of them are selected; otherwise those
    /// whose parents are all selected (buildable: or ancestors of the selection, or sources), and the rest are
    /// kept aside as indirect in case a later set operation brings in their other parents.
    /// </summary>
    private (HashSet<int> Direct, HashSet<int> Indirect) ExpandToTests(HashSet<int> selected, IndirectSelection mode)
    {
        var direct = new HashSet<int>(selected);
        var indirect = new HashSet<int>();
        HashSet<int>? selectedAndParents = null;
        if (mode == IndirectSelection.Buildable)
        {
            selectedAndParents = Walk(selected, null, up: true);
            selectedAndParents.UnionWith(selected);
            for (var i = 0; i < graph.MemberCount; i++)
            {
                if (graph.Member(i).Collection == MemberCollection.Source)
                {
                    selectedAndParents.Add(i);
                }
            }
        }
        foreach (var node in selected)
        {
            foreach (var child in graph.Children(node))
            {
                if (!included[child] || !CanSelectIndirectly(graph.Member(child)))
                {
                    continue;
                }
                // A member's graph parents are exactly its depends_on.nodes.
                if (mode == IndirectSelection.Eager || graph.Parents(child).All(selected.Contains))
                {
                    direct.Add(child);
                }
                else if (mode == IndirectSelection.Buildable && graph.Parents(child).All(selectedAndParents!.Contains))
                {
                    direct.Add(child);
                }
                else
                {
                    indirect.Add(child);
                }
            }
        }
        return (direct, indirect);
    }

    private HashSet<int> IncorporateIndirect(HashSet<int> direct, HashSet<int> indirect, IndirectSelection mode)
    {
        if (mode is not (IndirectSelection.Cautious or IndirectSelection.Buildable) || direct.SetEquals(indirect))
        {
            return direct;
        }
        var selected = new HashSet<int>(direct);
        var allowed = direct;
        if (mode == IndirectSelection.Buildable)
        {
            allowed = Walk(direct, null, up: true);
            allowed.UnionWith(direct);
        }
        foreach (var candidate in indirect)
        {
            if (graph.Member(candidate).Collection == MemberCollection.Node && graph.Parents(candidate).All(allowed.Contains))
            {
                selected.Add(candidate);
            }
        }
        return selected;
    }

    private static bool CanSelectIndirectly(GraphMember member) => member.ResourceType is "test" or "unit_test";

    /// <summary>Ancestors or descendants within the graph's members (disabled and empty nodes are not walked through).</summary>
    private HashSet<int> Walk(IEnumerable<int> seeds, int? depth, bool up)
    {
        var result = up ? graph.Ancestors(seeds, depth, included) : graph.Descendants(seeds, depth, included);
        return result;
    }

    private HashSet<int> ChildrensParents(HashSet<int> seeds)
    {
        var forAncestors = Walk(seeds, null, up: false);
        forAncestors.UnionWith(seeds);
        var result = Walk(forAncestors, null, up: true);
        result.UnionWith(forAncestors);
        return result;
    }
}
