namespace Slipway.Engine.Project;

/// <summary>
/// dbt's <c>var()</c> lookup for one node. Precedence, lowest to highest, as dbt's ModelConfiguredVar builds it:
/// the node's own package's vars (global, then scoped to that package) when the node comes from a package, then the
/// root project's global vars, then the root project's vars scoped under the node's package name, then <c>--vars</c>.
/// </summary>
public sealed class ProjectVars
{
    private readonly List<IReadOnlyDictionary<string, object?>> _layers;

    private ProjectVars(List<IReadOnlyDictionary<string, object?>> layers, string scope)
    {
        _layers = layers;
        Scope = scope;
    }

    /// <summary>The package (or "project") the vars were assembled for; named in "not found" errors.</summary>
    public string Scope { get; }

    /// <summary>Vars for a node of <paramref name="packageName"/>.</summary>
    public static ProjectVars For(string packageName, DbtProject root, DbtProject? ownPackage,
        IReadOnlyDictionary<string, object?> cliVars)
    {
        var layers = new List<IReadOnlyDictionary<string, object?>>();
        if (ownPackage is not null && ownPackage.Name != root.Name) AddProject(layers, ownPackage, packageName);
        AddProject(layers, root, packageName);
        layers.Add(cliVars);
        return new ProjectVars(layers, packageName);
    }

    /// <summary>Only the command line's <c>--vars</c>: what dbt offers while rendering dbt_project.yml and profiles.yml.</summary>
    public static ProjectVars CliOnly(IReadOnlyDictionary<string, object?> cliVars) => new([cliVars], "project");

    private static void AddProject(List<IReadOnlyDictionary<string, object?>> layers, DbtProject project, string packageName)
    {
        layers.Add(project.Vars);
        if (project.Vars.TryGetValue(packageName, out var scoped) && scoped is IReadOnlyDictionary<string, object?> s)
            layers.Add(s);
        else if (scoped is IDictionary<string, object?> d)
            layers.Add(d.AsReadOnly());
    }

    public bool TryGet(string name, out object? value)
    {
        for (var i = _layers.Count - 1; i >= 0; i--)
            if (_layers[i].TryGetValue(name, out value)) return true;
        value = null;
        return false;
    }

    /// <summary><c>var(name)</c> / <c>var(name, default)</c>; a missing var without default is an error (at run time).</summary>
    public object? Get(string name, bool hasDefault = false, object? @default = null)
    {
        if (TryGet(name, out var value)) return value;
        if (hasDefault) return @default;
        throw new ProjectException($"Required var '{name}' not found in config: vars supplied to {Scope} are {Describe()}");
    }

    /// <summary>All visible vars merged (highest precedence wins), for error messages and <c>var.vars</c>-style access.</summary>
    public IReadOnlyDictionary<string, object?> Merged()
    {
        var merged = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in _layers)
            foreach (var (k, v) in layer) merged[k] = v;
        return merged;
    }

    private string Describe()
    {
        var keys = Merged().Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? "{}" : "{" + string.Join(", ", keys) + "}";
    }
}
