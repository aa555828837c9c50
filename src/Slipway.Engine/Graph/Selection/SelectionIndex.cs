namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// Lookup tables over a graph's members, each built on first use and kept with the graph, so that a selector
/// atom costs a lookup (or at worst one linear pass), never a scan per member per member.
/// </summary>
internal sealed class SelectionIndex
{
    private readonly ManifestGraph graph;
    private Dictionary<string, List<int>>? fqnNames;
    private Dictionary<string, List<int>>? fqnFirstParts;
    private string[][]? flatFqns;
    private int[]? unscopedOffsets;
    private Dictionary<string, List<int>>? tags;
    private Dictionary<string, List<int>>? packages;
    private Dictionary<string, List<int>>? fileNames;
    private Dictionary<string, List<int>>? paths;
    private HashSet<string>? rootPaths;

    public SelectionIndex(ManifestGraph graph) => this.graph = graph;

    public ManifestGraph Graph => graph;

    /// <summary>Leaf names (and versioned names in both spellings) → fqn-searchable members.</summary>
    public Dictionary<string, List<int>> FqnNames { get { BuildFqn(); return fqnNames!; } }

    /// <summary>First flattened fqn part, scoped (package) and unscoped (top folder) → members.</summary>
    public Dictionary<string, List<int>> FqnFirstParts { get { BuildFqn(); return fqnFirstParts!; } }

    public string[] FlatFqn(int member) { BuildFqn(); return flatFqns![member]; }

    public int UnscopedOffset(int member) { BuildFqn(); return unscopedOffsets![member]; }

    public Dictionary<string, List<int>> Tags => tags ??= Build(m => m.Tags);

    public Dictionary<string, List<int>> Packages => packages ??= Build(m => [m.PackageName]);

    /// <summary>File names and stems of original_file_path → members.</summary>
    public Dictionary<string, List<int>> FileNames => fileNames ??= Build(m =>
        m.OriginalFilePath.Length == 0 ? [] : [Path.GetFileName(m.OriginalFilePath), Path.GetFileNameWithoutExtension(m.OriginalFilePath)]);

    /// <summary>Each member under its original_file_path, every folder above it (up to "."), and its patch file.</summary>
    public Dictionary<string, List<int>> Paths => paths ??= Build(PathKeys);

    /// <summary>
    /// The paths that exist in the root project: dbt globs the selector against the root project's folder, so a
    /// package's node is selected by path only where the root project has the same relative path.
    /// </summary>
    public HashSet<string> RootPaths => rootPaths ??= BuildRootPaths();

    private HashSet<string> BuildRootPaths()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.MemberCount; i++)
        {
            var member = graph.Member(i);
            if (graph.ProjectName is null || member.PackageName == graph.ProjectName)
            {
                keys.UnionWith(PathKeys(member));
            }
        }
        return keys;
    }

    private static IEnumerable<string> PathKeys(GraphMember member)
    {
        if (member.OriginalFilePath.Length > 0)
        {
            var path = PathGlob.Normalize(member.OriginalFilePath);
            yield return path;
            var slash = path.LastIndexOf('/');
            while (slash > 0)
            {
                path = path[..slash];
                yield return path;
                slash = path.LastIndexOf('/');
            }
            yield return ".";
        }
        if (member.PatchPath is { Length: > 0 } patch)
        {
            yield return PathGlob.Normalize(patch);
        }
    }

    private Dictionary<string, List<int>> Build(Func<GraphMember, IEnumerable<string>> keys)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < graph.MemberCount; i++)
        {
            foreach (var key in keys(graph.Member(i)).Distinct(StringComparer.Ordinal))
            {
                Add(index, key, i);
            }
        }
        return index;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int member)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (list.Count == 0 || list[^1] != member)
        {
            list.Add(member);
        }
    }

    private void BuildFqn()
    {
        if (fqnNames is not null)
        {
            return;
        }
        var names = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstParts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var flats = new string[graph.MemberCount][];
        var offsets = new int[graph.MemberCount];
        for (var i = 0; i < graph.MemberCount; i++)
        {
            var member = graph.Member(i);
            var fqn = member.Fqn;
            flats[i] = fqn.SelectMany(segment => segment.Split('.')).ToArray();
            offsets[i] = fqn.Count == 0 ? 0 : fqn[0].Split('.').Length;
            if (member.Collection == MemberCollection.Source || fqn.Count == 0)
            {
                continue;
            }
            Add(names, fqn[^1], i);
            if (member.IsVersioned && fqn.Count >= 2)
            {
                Add(names, fqn[^2], i);
                Add(names, fqn[^2] + "_" + fqn[^1], i);
            }
            if (flats[i].Length > 0)
            {
                Add(firstParts, flats[i][0], i);
            }
            if (flats[i].Length > offsets[i])
            {
                Add(firstParts, flats[i][offsets[i]], i);
            }
        }
        flatFqns = flats;
        unscopedOffsets = offsets;
        fqnFirstParts = firstParts;
        fqnNames = names;
    }
}
