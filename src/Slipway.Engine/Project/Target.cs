namespace Slipway.Engine.Project;

/// <summary>
/// One output of a profile: the warehouse connection Slipway runs against. Adapter-specific keys stay in
/// <see cref="Settings"/> as data (rendered); the adapters read what they need.
/// </summary>
public sealed class Target
{
    /// <summary>Keys whose values never reach Jinja's <c>target</c> nor logs.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal)
        { "password", "pass", "token", "private_key", "private_key_passphrase", "secret", "keyfile_json", "client_secret" };

    public required string Name { get; init; }
    public required string ProfileName { get; init; }
    /// <summary>Adapter type: <c>duckdb</c>, <c>postgres</c>, ….</summary>
    public required string Type { get; init; }
    public required string Schema { get; init; }
    public required string Database { get; init; }
    public int Threads { get; init; } = 1;
    /// <summary>Every key of the output as rendered, plus the defaults filled in (<c>database</c>, <c>schema</c>, <c>threads</c>).</summary>
    public required IReadOnlyDictionary<string, object?> Settings { get; init; }

    public string? GetString(string key) => Settings.TryGetValue(key, out var v) && v is not null
        ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>dbt's <c>target</c> in Jinja: the settings without secrets, plus <c>name</c>, <c>profile_name</c>, <c>target_name</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToJinjaTarget()
    {
        var d = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in Settings)
            if (!SecretKeys.Contains(k)) d[k] = v;
        d["type"] = Type;
        d["schema"] = Schema;
        d["database"] = Database;
        d["threads"] = (long)Threads;
        d["name"] = Name;
        d["target_name"] = Name;
        d["profile_name"] = ProfileName;
        return d;
    }
}
