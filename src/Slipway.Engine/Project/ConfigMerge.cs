namespace Slipway.Engine.Project;

/// <summary>
/// dbt's config precedence: dbt_project.yml (package's own, then the root project's) &lt; properties YAML &lt;
/// <c>config()</c> in the file. Later layers override key by key, except: <c>tags</c> are a union (order kept),
/// <c>pre-hook</c>/<c>post-hook</c> (and <c>packages</c>) accumulate, the dict configs <c>meta</c>, <c>docs</c>,
/// <c>persist_docs</c>, <c>quoting</c>, <c>column_types</c>, <c>contract</c> merge key by key (a more specific key
/// replaces a less specific one, as dbt documents for <c>meta</c>), and <c>grants</c> keys written <c>+select</c>
/// add grantees instead of replacing them.
/// </summary>
public static class ConfigMerge
{
    private static readonly HashSet<string> UpdateKeys =
        ["meta", "docs", "persist_docs", "quoting", "column_types", "contract"];

    /// <summary>Merges <paramref name="layers"/> in increasing precedence into a new dictionary.</summary>
    public static OrderedDictionary<string, object?> Merge(params IEnumerable<IReadOnlyDictionary<string, object?>> layers)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in layers) MergeInto(result, layer);
        return result;
    }

    /// <summary>Applies <paramref name="higher"/> on top of <paramref name="target"/> in place.</summary>
    public static void MergeInto(IDictionary<string, object?> target, IEnumerable<KeyValuePair<string, object?>> higher)
    {
        foreach (var (rawKey, value) in higher)
        {
            var key = ConfigKey(rawKey);
            target.TryGetValue(key, out var existing);
            target[key] = key switch
            {
                "tags" => Union(Listify(existing), Listify(value)),
                "pre-hook" or "post-hook" or "packages" => Listify(existing).Concat(Listify(value)).ToList(),
                "grants" => MergeGrants(existing as IDictionary<string, object?>, value),
                _ when UpdateKeys.Contains(key) && value is IDictionary<string, object?> d => Update(existing as IDictionary<string, object?>, d),
                _ => Copy(value),
            };
        }
    }

    /// <summary>dbt spells hooks with a dash in files and with an underscore in <c>config(pre_hook=…)</c>.</summary>
    public static string ConfigKey(string key) => key switch
    {
        "pre_hook" => "pre-hook",
        "post_hook" => "post-hook",
        _ => key,
    };

    /// <summary>A string config value becomes a one-item list (dbt's <c>_listify</c>); null becomes empty.</summary>
    public static List<object?> Listify(object? value) => value switch
    {
        null => [],
        IList<object?> l => [.. l],
        _ => [value],
    };

    private static List<object?> Union(List<object?> a, List<object?> b)
    {
        var result = new List<object?>(a.Count + b.Count);
        foreach (var x in a.Concat(b))
            if (!result.Contains(x)) result.Add(x);
        return result;
    }

    private static OrderedDictionary<string, object?> Update(IDictionary<string, object?>? existing, IDictionary<string, object?> value)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (existing is not null) foreach (var (k, v) in existing) result[k] = v;
        foreach (var (k, v) in value) result[k] = Copy(v);
        return result;
    }

    private static object? MergeGrants(IDictionary<string, object?>? existing, object? value)
    {
        if (value is not IDictionary<string, object?> grants) return Copy(value);
        // Nothing beneath yet (a config() call, the first level of a file): dbt keeps '+select' so the extension
        // still applies when this layer is later merged over the project's grants.
        if (existing is null) return Copy(value);
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (existing is not null) foreach (var (k, v) in existing) result[k] = v;
        foreach (var (k, v) in grants)
        {
            if (k.StartsWith('+'))
            {
                var privilege = k[1..].Trim();
                result.TryGetValue(privilege, out var before);
                result[privilege] = Union(Listify(before), Listify(v));
            }
            else result[k] = Listify(v);
        }
        return result;
    }

    /// <summary>Deep copy of dicts and lists so merged configs never alias a project's tree.</summary>
    public static object? Copy(object? value) => value switch
    {
        IDictionary<string, object?> d => d.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            (acc, kv) => { acc[kv.Key] = Copy(kv.Value); return acc; }),
        IList<object?> l => l.Select(Copy).ToList(),
        _ => value,
    };
}
