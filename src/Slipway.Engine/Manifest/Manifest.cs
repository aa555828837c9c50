namespace Slipway.Engine.Manifest;

/// <summary>
/// Everything a project defines, keyed by unique id, as dbt's <c>Manifest</c>. Dictionaries keep insertion
/// order (parse order) so artifacts are deterministic. <see cref="ParentMap"/>/<see cref="ChildMap"/> are
/// filled by <see cref="BuildParentAndChildMaps"/> once parsing has resolved every dependency.
/// </summary>
public sealed class Manifest
{
    public ManifestMetadata Metadata { get; set; } = new();
    public OrderedDictionary<string, ManifestNode> Nodes { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, SourceDefinition> Sources { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, Macro> Macros { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, Documentation> Docs { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, Exposure> Exposures { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, DataResource> Metrics { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, Group> Groups { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, DataResource> SemanticModels { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, DataResource> SavedQueries { get; } = new(StringComparer.Ordinal);
    public OrderedDictionary<string, DataResource> UnitTests { get; } = new(StringComparer.Ordinal);
    /// <summary>selectors.yml entries by name, as plain data (<c>{name, description, definition, default}</c>).</summary>
    public OrderedDictionary<string, object?> Selectors { get; } = new(StringComparer.Ordinal);
    /// <summary>Resources with <c>enabled: false</c>, by unique id (a list: several files may define the same id).</summary>
    public OrderedDictionary<string, List<GraphResource>> Disabled { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> ParentMap { get { BuildPendingMaps(); return _parentMap; } }
    public Dictionary<string, List<string>> ChildMap { get { BuildPendingMaps(); return _childMap; } }
    public Dictionary<string, List<string>> GroupMap { get { BuildPendingMaps(); return _groupMap; } }

    private Dictionary<string, List<string>> _parentMap = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>> _childMap = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>> _groupMap = new(StringComparer.Ordinal);
    private bool _mapsPending;
    private readonly object _mapsLock = new();

    /// <summary>
    /// <see cref="BuildParentAndChildMaps"/> when the maps are first read instead of now: a manifest restored from the
    /// partial-parse cache whose manifest.json is copied (a warm <c>parse</c>) never reads them (≈ 40 ms at 10k models).
    /// The resources must not change before that first read.
    /// </summary>
    internal void BuildParentAndChildMapsOnFirstUse() => Volatile.Write(ref _mapsPending, true);

    private void BuildPendingMaps()
    {
        if (!Volatile.Read(ref _mapsPending)) return;
        // Commands read the maps from several threads: one builds them, the others wait for it.
        lock (_mapsLock)
            if (_mapsPending) BuildParentAndChildMaps();
    }

    /// <summary>Every resource that is a DAG vertex, in dbt's edge-member order.</summary>
    public IEnumerable<GraphResource> GraphMembers =>
        Nodes.Values.Cast<GraphResource>()
            .Concat(Sources.Values)
            .Concat(Exposures.Values)
            .Concat(Metrics.Values)
            .Concat(SemanticModels.Values)
            .Concat(SavedQueries.Values)
            .Concat(UnitTests.Values);

    /// <summary>Finds any graph resource by unique id (nodes, sources, exposures, metrics, …).</summary>
    public GraphResource? Find(string uniqueId)
    {
        if (Nodes.TryGetValue(uniqueId, out var n)) return n;
        if (Sources.TryGetValue(uniqueId, out var s)) return s;
        if (Exposures.TryGetValue(uniqueId, out var e)) return e;
        if (Metrics.TryGetValue(uniqueId, out var m)) return m;
        if (SemanticModels.TryGetValue(uniqueId, out var sm)) return sm;
        if (SavedQueries.TryGetValue(uniqueId, out var sq)) return sq;
        if (UnitTests.TryGetValue(uniqueId, out var ut)) return ut;
        return null;
    }

    /// <summary>
    /// dbt's <c>build_parent_and_child_maps</c>: parents are each member's <c>depends_on.nodes</c>; children
    /// are the reverse edges; both lists sorted ordinally; every member has an entry (possibly empty).
    /// Also fills <see cref="GroupMap"/> (group name → node ids).
    /// </summary>
    public void BuildParentAndChildMaps()
    {
        var members = GraphMembers.ToList();
        var parents = new Dictionary<string, List<string>>(members.Count, StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(members.Count, StringComparer.Ordinal);
        foreach (var m in members) children[m.UniqueId] = [];
        foreach (var m in members)
        {
            parents[m.UniqueId] = [.. m.DependsOn.Nodes];
            foreach (var parent in m.DependsOn.Nodes)
            {
                if (children.TryGetValue(parent, out var list)) list.Add(m.UniqueId);
            }
        }
        foreach (var list in parents.Values) list.Sort(StringComparer.Ordinal);
        foreach (var list in children.Values) list.Sort(StringComparer.Ordinal);
        _parentMap = parents;
        _childMap = children;

        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            var group = m switch
            {
                ManifestNode node => node.Group ?? node.Config.Group,
                DataResource d => d.Group,
                _ => null,
            };
            if (group is null) continue;
            if (!groups.TryGetValue(group, out var ids)) groups[group] = ids = [];
            ids.Add(m.UniqueId);
        }
        _groupMap = groups;
        Volatile.Write(ref _mapsPending, false);
    }
}

/// <summary>The <c>metadata</c> block of manifest.json.</summary>
public sealed class ManifestMetadata
{
    public const string SchemaVersion = "https://schemas.getdbt.com/dbt/manifest/v12.json";

    public string DbtVersion { get; set; } = "1.10.0";
    public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;
    public string InvocationId { get; set; } = Guid.NewGuid().ToString();
    public DateTimeOffset? InvocationStartedAt { get; set; }
    public Dictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);
    public string? ProjectName { get; set; }
    /// <summary>md5 hex of the project name, as dbt computes it.</summary>
    public string? ProjectId { get; set; }
    public string? UserId { get; set; }
    public bool? SendAnonymousUsageStats { get; set; }
    public string? AdapterType { get; set; }
    /// <summary>Project quoting: database/schema/identifier/column, each true/false/null.</summary>
    public Dictionary<string, bool?> Quoting { get; set; } = new(StringComparer.Ordinal);
    public DateTimeOffset? RunStartedAt { get; set; }
}
