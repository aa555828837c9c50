namespace Slipway.Engine.Project;

/// <summary>
/// The project-level config of one resource: walks the resource type's tree in dbt_project.yml along the node's fqn
/// (<c>[package, folders…, name]</c>) and merges every level, first in the node's own package's file, then in the root
/// project's file (root wins). At each level a key written <c>+key</c> is a config; a key without <c>+</c> is a
/// config only when its value is not a mapping — a mapping without <c>+</c> is a sub-folder (or package, or node name).
/// </summary>
public sealed class ProjectConfigResolver(DbtProject root, IReadOnlyDictionary<string, DbtProject> packages)
{
    /// <summary>dbt_project.yml tree key for a dbt <c>resource_type</c> (<c>model</c>, <c>seed</c>, <c>test</c>, …).</summary>
    public static string TreeKey(string resourceType) => resourceType switch
    {
        "model" => "models",
        "seed" => "seeds",
        "snapshot" => "snapshots",
        "test" or "data_test" => "data_tests",
        "source" => "sources",
        "unit_test" => "unit_tests",
        "exposure" => "exposures",
        "metric" => "metrics",
        "semantic_model" => "semantic-models",
        "saved_query" => "saved-queries",
        "analysis" => "analyses",
        "function" => "functions",
        _ => throw new ArgumentException($"'{resourceType}' is not a dbt resource type with project configs", nameof(resourceType)),
    };

    public DbtProject Root { get; } = root;

    /// <summary>
    /// The merged dbt_project.yml config for a node of <paramref name="packageName"/> whose fqn is
    /// <paramref name="fqn"/> (including the package name first, as in the manifest).
    /// </summary>
    public OrderedDictionary<string, object?> Resolve(string packageName, string resourceType, IReadOnlyList<string> fqn)
    {
        var key = TreeKey(resourceType);
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (packageName != Root.Name && packages.TryGetValue(packageName, out var own)) Apply(result, own, key, fqn);
        Apply(result, Root, key, fqn);
        return result;
    }

    private static void Apply(OrderedDictionary<string, object?> result, DbtProject project, string treeKey, IReadOnlyList<string> fqn)
    {
        if (!project.ConfigTrees.TryGetValue(treeKey, out var level)) return;
        ConfigMerge.MergeInto(result, ConfigsAt(level));
        foreach (var part in fqn)
        {
            if (!level.TryGetValue(part, out var next) || next is not IDictionary<string, object?> d) break;
            level = d.AsReadOnly();
            ConfigMerge.MergeInto(result, ConfigsAt(level));
        }
    }

    /// <summary>The configs written at one level of a tree (see the class comment for dbt's <c>+</c> rule).</summary>
    internal static IEnumerable<KeyValuePair<string, object?>> ConfigsAt(IReadOnlyDictionary<string, object?> level)
    {
        foreach (var (k, v) in level)
        {
            if (k.StartsWith('+')) yield return new(k[1..].Trim(), v);
            else if (v is not IDictionary<string, object?>) yield return new(k, v);
        }
    }
}
