namespace Slipway.Engine.Project;

/// <summary>
/// What a YAML value (a dbt_project.yml config, a profiles.yml field, a packages.yml entry) can reach when its Jinja
/// is rendered: dbt's BaseContext plus TargetContext — <c>var</c>, <c>env_var</c>, <c>target</c>. The parse-time
/// context for models and properties builds on the same pieces and adds <c>ref</c>, <c>source</c>, <c>config</c>.
/// </summary>
public interface IConfigRenderContext
{
    /// <summary><c>var(name[, default])</c>.</summary>
    object? Var(string name, bool hasDefault, object? @default);

    /// <summary><c>env_var(name[, default])</c>, with the secret rules of the file being rendered.</summary>
    object EnvVar(string name, object? @default);

    /// <summary>The target dict (<c>name</c>, <c>type</c>, <c>schema</c>, …, secrets removed); null while rendering profiles.yml.</summary>
    IReadOnlyDictionary<string, object?>? Target { get; }

    /// <summary>The Jinja globals for one render: <c>var</c>, <c>env_var</c>, <c>target</c>, <c>dbt_version</c>, ….</summary>
    IDictionary<string, object?> ToJinjaGlobals();
}
