namespace Slipway.Engine.Manifest;

/// <summary>
/// A resource's resolved config, kept as an ordered dictionary so unknown keys (adapter-specific, e.g.
/// <c>cluster_by</c>) survive exactly like dbt's <c>_extra</c>; typed accessors cover the keys the engine reads.
/// Values are plain data: string, long, double, bool, null, <c>List&lt;object?&gt;</c>,
/// <c>OrderedDictionary&lt;string, object?&gt;</c> — usable as Jinja values as they are.
/// Keys are stored as dbt writes them (<c>pre-hook</c>/<c>post-hook</c> with a hyphen).
/// </summary>
public sealed class NodeConfig
{
    public NodeConfig() { }

    public NodeConfig(OrderedDictionary<string, object?> values) => Values = values;

    public OrderedDictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public object? this[string key]
    {
        get => Get(key);
        set => Values[NormaliseKey(key)] = value;
    }

    /// <summary>dbt accepts <c>pre_hook</c>/<c>post_hook</c> in <c>config()</c> and stores them hyphenated.</summary>
    public static string NormaliseKey(string key) => key switch
    {
        "pre_hook" => "pre-hook",
        "post_hook" => "post-hook",
        _ => key,
    };

    public object? Get(string key, object? @default = null) =>
        Values.TryGetValue(NormaliseKey(key), out var v) ? v : @default;

    public bool Contains(string key) => Values.ContainsKey(NormaliseKey(key));

    public string? GetString(string key) => Get(key) as string;

    public bool Enabled
    {
        get => Get("enabled") is not false;
        set => this["enabled"] = value;
    }

    public string? Materialized { get => GetString("materialized"); set => this["materialized"] = value; }
    public string? Schema { get => GetString("schema"); set => this["schema"] = value; }
    public string? Database { get => GetString("database"); set => this["database"] = value; }
    public string? Alias { get => GetString("alias"); set => this["alias"] = value; }
    public string? Group { get => GetString("group"); set => this["group"] = value; }
    public string? Access { get => GetString("access"); set => this["access"] = value; }
    public string? Severity { get => GetString("severity"); set => this["severity"] = value; }

    /// <summary>Tags as strings (config accepts a string or a list).</summary>
    public List<string> Tags => Get("tags") switch
    {
        string s => [s],
        IEnumerable<object?> list => list.Select(x => x?.ToString() ?? "").ToList(),
        _ => [],
    };

    public OrderedDictionary<string, object?> Meta =>
        Get("meta") as OrderedDictionary<string, object?> ?? new OrderedDictionary<string, object?>();

    /// <summary>True for <c>contract: {enforced: true}</c>.</summary>
    public bool ContractEnforced =>
        Get("contract") is IDictionary<string, object?> c && c.TryGetValue("enforced", out var e) && e is true;

    public NodeConfig Clone() => new(DeepCopy(Values));

    internal static OrderedDictionary<string, object?> DeepCopy(OrderedDictionary<string, object?> source)
    {
        var copy = new OrderedDictionary<string, object?>(source.Count, StringComparer.Ordinal);
        foreach (var (k, v) in source) copy[k] = DeepCopyValue(v);
        return copy;
    }

    internal static object? DeepCopyValue(object? value) => value switch
    {
        OrderedDictionary<string, object?> d => DeepCopy(d),
        List<object?> l => l.Select(DeepCopyValue).ToList(),
        _ => value,
    };
}
