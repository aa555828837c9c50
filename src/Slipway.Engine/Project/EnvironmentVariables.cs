using System.Collections;

namespace Slipway.Engine.Project;

/// <summary>
/// dbt's <c>env_var(name, default)</c>: the process environment (captured once per invocation so a run sees one
/// consistent view), the default when unset, an error when neither. Names starting with <c>DBT_ENV_SECRET_</c> are
/// refused except where dbt allows them (profiles.yml, packages.yml); values read there are registered with the
/// <see cref="SecretMasker"/> so logs never show them.
/// </summary>
public sealed class EnvironmentVariables
{
    public const string SecretPrefix = "DBT_ENV_SECRET_";
    public const string CustomEnvPrefix = "DBT_ENV_CUSTOM_ENV_";

    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _read = new(StringComparer.Ordinal);

    public EnvironmentVariables(IReadOnlyDictionary<string, string> values, SecretMasker? masker = null)
    {
        _values = values;
        Masker = masker ?? new SecretMasker();
        foreach (var (name, value) in values)
            if (name.StartsWith(SecretPrefix, StringComparison.Ordinal)) Masker.Add(value);
    }

    /// <summary>The current process environment.</summary>
    public static EnvironmentVariables FromProcess(SecretMasker? masker = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            values[(string)e.Key] = (string?)e.Value ?? "";
        return new EnvironmentVariables(values, masker);
    }

    public SecretMasker Masker { get; }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>
    /// Every name <see cref="EnvVar"/> looked up, with the value it found (null when unset): partial parsing keeps
    /// these, since a parse that read an environment variable is only reusable while it holds the same value.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Read => _read;

    /// <summary>
    /// <c>env_var(name, default)</c>. <paramref name="allowSecrets"/> is true only while rendering profiles.yml and
    /// packages.yml, as in dbt. A null default means "no default".
    /// </summary>
    public object EnvVar(string name, object? @default, bool allowSecrets)
    {
        if (!allowSecrets && name.StartsWith(SecretPrefix, StringComparison.Ordinal))
            throw new ProjectException(
                $"Secret env vars are allowed only in profiles.yml or packages.yml. Found '{name}' referenced elsewhere.");
        var found = _values.TryGetValue(name, out var value);
        _read[name] = found ? value : null;
        if (found) return value!;
        if (@default is not null) return @default;
        throw new ProjectException($"Env var required but not provided: '{name}'");
    }

    /// <summary>dbt's <c>dbt_metadata_envs</c>: <c>DBT_ENV_CUSTOM_ENV_X=v</c> becomes <c>{X: v}</c>.</summary>
    public IReadOnlyDictionary<string, string> MetadataEnvs() =>
        _values.Where(kv => kv.Key.StartsWith(CustomEnvPrefix, StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key[CustomEnvPrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
}
