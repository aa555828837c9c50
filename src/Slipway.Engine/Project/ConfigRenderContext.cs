using Slipway.Jinja;

namespace Slipway.Engine.Project;

/// <summary>The standard <see cref="IConfigRenderContext"/>: vars, the environment and an optional target.</summary>
public sealed class ConfigRenderContext(
    ProjectVars vars,
    EnvironmentVariables environment,
    IReadOnlyDictionary<string, object?>? target,
    bool allowSecrets = false) : IConfigRenderContext
{
    public ProjectVars Vars { get; } = vars;
    public EnvironmentVariables Environment { get; } = environment;
    public IReadOnlyDictionary<string, object?>? Target { get; } = target;

    /// <summary>
    /// <c>var()</c>. A var whose value is a string holding Jinja is rendered (as text) with this same context when it
    /// is read, as dbt does: project vars may use <c>env_var</c> and other vars.
    /// </summary>
    public object? Var(string name, bool hasDefault, object? @default)
    {
        var value = Vars.Get(name, hasDefault, @default);
        return value is string s && NativeRenderer.HasJinja(s) ? NativeRenderer.RenderText(s, this, $"var '{name}'") : value;
    }

    public object EnvVar(string name, object? @default) => Environment.EnvVar(name, @default, allowSecrets);

    public IDictionary<string, object?> ToJinjaGlobals()
    {
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["var"] = new JinjaFunction("var", a =>
                Var(ArgString(a, 0, "var_name", "var"), a.Has(1, "default"), a.Get(1, "default"))),
            ["env_var"] = new JinjaFunction("env_var", a =>
                EnvVar(ArgString(a, 0, "var", "env_var"), a.Get(1, "default"))),
            ["dbt_version"] = SlipwayVersion.DbtVersion,
        };
        if (Target is not null) globals["target"] = new Dictionary<string, object?>(Target, StringComparer.Ordinal);
        return globals;
    }

    private static string ArgString(Arguments a, int index, string name, string function) =>
        a.Get(index, name) as string
        ?? throw new ProjectException($"{function}() expects a string as its first argument");
}
