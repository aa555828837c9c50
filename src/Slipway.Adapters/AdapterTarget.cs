namespace Slipway.Adapters;

/// <summary>
/// A resolved profile target: what the adapter connects with and what templates may see. Secret values
/// (passwords, tokens, keys) are listed so every error message can mask them; they never appear in <see cref="Values"/>.
/// </summary>
public sealed record AdapterTarget(
    string Name,
    string Type,
    string Database,
    string Schema,
    int Threads,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyList<string> Secrets)
{
    // Keys whose values are credentials in any adapter's profile.
    private static readonly string[] SecretWords = ["password", "pass", "secret", "token", "private_key", "key", "api_key", "credentials"];

    public static bool IsSecretKey(string key)
    {
        var k = key.ToLowerInvariant();
        return SecretWords.Any(w => k == w || k.EndsWith("_" + w, StringComparison.Ordinal) || k.StartsWith(w + "_", StringComparison.Ordinal))
            || k.StartsWith("dbt_env_secret", StringComparison.Ordinal);
    }

    /// <summary>Splits a raw target dictionary into the values templates see and the secrets to mask (nested dictionaries included).</summary>
    public static (Dictionary<string, object?> Visible, List<string> Secrets) Split(IReadOnlyDictionary<string, object?> raw)
    {
        var visible = new Dictionary<string, object?>();
        var secrets = new List<string>();
        foreach (var (k, v) in raw)
        {
            if (IsSecretKey(k)) { Collect(v, secrets); continue; }
            visible[k] = v;
            if (v is IReadOnlyDictionary<string, object?> nested) secrets.AddRange(Split(nested).Secrets);
            else if (v is IDictionary<string, object?> nested2) secrets.AddRange(Split(nested2.AsReadOnly()).Secrets);
        }
        return (visible, secrets);
    }

    private static void Collect(object? v, List<string> into)
    {
        switch (v)
        {
            case string s when s.Length > 0: into.Add(s); break;
            case IEnumerable<KeyValuePair<string, object?>> d: foreach (var (_, x) in d) Collect(x, into); break;
            case System.Collections.IEnumerable e and not string: foreach (var x in e) Collect(x, into); break;
            case null: break;
            default: into.Add(v.ToString() ?? ""); break;
        }
    }
}
