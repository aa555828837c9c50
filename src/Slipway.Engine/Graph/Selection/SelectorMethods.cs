namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// dbt's selector methods: each turns one <c>method.args:value</c> into the members it matches, searching only
/// the members included in the graph. Which collections each method searches follows dbt (fqn skips sources,
/// config searches nodes and sources, …).
/// </summary>
internal sealed partial class SelectorMethods
{
    private readonly SelectionIndex index;
    private readonly bool[] included;
    private readonly PreviousState? previousState;

    public SelectorMethods(SelectionIndex index, bool[] included, PreviousState? previousState)
    {
        this.index = index;
        this.included = included;
        this.previousState = previousState;
    }

    private ManifestGraph Graph => index.Graph;

    public HashSet<int> Search(SelectionCriteria criteria) => criteria.Method switch
    {
        "fqn" => Fqn(criteria.Value),
        "tag" => Tag(criteria.Value),
        "group" => Where(m => m.Collection is MemberCollection.Node or MemberCollection.Metric
            && m.Group is { Length: > 0 } group && Wildcard.IsMatch(group, criteria.Value)),
        "access" => Where(m => m.Collection == MemberCollection.Node && m.ResourceType == "model" && m.Access == criteria.Value),
        "source" => Source(criteria.Value),
        "path" => PathMethod(criteria.Value),
        "file" => File(criteria.Value),
        "package" => Package(criteria.Value),
        "config" => Config(criteria.MethodArguments, criteria.Value),
        "test_name" => TestName(criteria.Value),
        "test_type" => TestType(criteria.Value),
        "resource_type" => ResourceType(criteria.Value),
        "state" => State(criteria.Value),
        "exposure" => PackageAndName(MemberCollection.Exposure, criteria.Value, "exposure", "Exposures", "exposure_name", "exposure_package"),
        "metric" => PackageAndName(MemberCollection.Metric, criteria.Value, "metric", "Metrics", "metric_name", "metric_package"),
        "semantic_model" => PackageAndName(MemberCollection.SemanticModel, criteria.Value, "semantic model", "Semantic models", "semantic_model_name", "semantic_model_package"),
        "saved_query" => PackageAndName(MemberCollection.SavedQuery, criteria.Value, "saved query", "Saved queries", "saved_query_name", "saved_query_package"),
        "unit_test" => PackageAndName(MemberCollection.UnitTest, criteria.Value, "unit test", "Unit tests", "unit_test_name", "unit_test_package_name"),
        "result" => Result(criteria.Value),
        "source_status" => SourceStatus(criteria.Value),
        "version" => Version(criteria.Value),
        _ => throw new SelectorException($"'{criteria.Method}' is not a valid method name"),
    };

    private HashSet<int> Where(Func<GraphMember, bool> predicate)
    {
        var result = new HashSet<int>();
        for (var i = 0; i < included.Length; i++)
        {
            if (included[i] && predicate(Graph.Member(i)))
            {
                result.Add(i);
            }
        }
        return result;
    }

    private HashSet<int> FromCandidates(IEnumerable<int> candidates, Func<GraphMember, bool> predicate)
    {
        var result = new HashSet<int>();
        foreach (var i in candidates)
        {
            if (included[i] && predicate(Graph.Member(i)))
            {
                result.Add(i);
            }
        }
        return result;
    }

    private static IEnumerable<int> Lookup(Dictionary<string, List<int>> index, string key) =>
        index.TryGetValue(key, out var list) ? list : [];

    private HashSet<int> Tag(string selector) =>
        Wildcard.HasWildcard(selector)
            ? Where(m => m.Tags.Any(tag => Wildcard.IsMatch(tag, selector)))
            : FromCandidates(Lookup(index.Tags, selector), _ => true);

    private HashSet<int> Package(string selector)
    {
        // "this" names the root project.
        if (selector == "this" && Graph.ProjectName is not null)
        {
            selector = Graph.ProjectName;
        }
        return Wildcard.HasWildcard(selector)
            ? Where(m => Wildcard.IsMatch(m.PackageName, selector))
            : FromCandidates(Lookup(index.Packages, selector), _ => true);
    }

    private HashSet<int> File(string selector)
    {
        if (!Wildcard.HasWildcard(selector))
        {
            return FromCandidates(Lookup(index.FileNames, selector), _ => true);
        }
        return Where(m => m.OriginalFilePath.Length > 0
            && (Wildcard.IsMatch(Path.GetFileName(m.OriginalFilePath), selector)
                || Wildcard.IsMatch(Path.GetFileNameWithoutExtension(m.OriginalFilePath), selector)));
    }

    private HashSet<int> PathMethod(string selector)
    {
        var pattern = PathGlob.Normalize(selector);
        if (pattern.AsSpan().IndexOfAny("*?[") < 0)
        {
            return index.RootPaths.Contains(pattern) ? FromCandidates(Lookup(index.Paths, pattern), _ => true) : [];
        }
        var result = new HashSet<int>();
        foreach (var (path, members) in index.Paths)
        {
            if (index.RootPaths.Contains(path) && PathGlob.IsMatch(path, pattern))
            {
                result.UnionWith(members.Where(i => included[i]));
            }
        }
        return result;
    }

    private HashSet<int> Source(string selector)
    {
        var parts = selector.Split('.');
        var (package, source, table) = parts.Length switch
        {
            1 => ("*", parts[0], "*"),
            2 => ("*", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => throw new SelectorException(
                $"Invalid source selector value \"{selector}\". Sources must be of the form `${{source_name}}`, `${{source_name}}.${{target_name}}`, or `${{package_name}}.${{source_name}}.${{target_name}}"),
        };
        return Where(m => m.Collection == MemberCollection.Source
            && Wildcard.IsMatch(m.PackageName, package)
            && Wildcard.IsMatch(m.SourceName ?? "", source)
            && Wildcard.IsMatch(m.Name, table));
    }

    private HashSet<int> PackageAndName(MemberCollection collection, string selector, string kind, string plural, string nameForm, string packageForm)
    {
        var parts = selector.Split('.');
        var (package, name) = parts.Length switch
        {
            1 => ("*", parts[0]),
            2 => (parts[0], parts[1]),
            _ => throw new SelectorException(
                $"Invalid {kind} selector value \"{selector}\". {plural} must be of the form ${{{nameForm}}} or ${{{packageForm}.{nameForm}}}"),
        };
        return Where(m => m.Collection == collection && Wildcard.IsMatch(m.PackageName, package) && Wildcard.IsMatch(m.Name, name));
    }
}
