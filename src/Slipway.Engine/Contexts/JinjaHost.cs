using System.Collections.Concurrent;
using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// The Jinja side of one parse/compile: two environments (parse time with dbt's "soft" chainable undefined,
/// run time with the default one), the project's macro files, and what every context shares. Templates are
/// compiled once per environment and reused by every <see cref="RenderScope"/> (one per worker thread).
/// </summary>
internal sealed class JinjaHost
{
    private readonly ConcurrentBag<RenderScope> _parseScopes = [];
    private readonly ConcurrentBag<RenderScope> _runtimeScopes = [];

    public JinjaHost(ManifestLoader loader)
    {
        Loader = loader;
        ParseEnvironment = new JinjaEnvironment(new JinjaOptions { Undefined = UndefinedBehavior.Chainable });
        RuntimeEnvironment = new JinjaEnvironment(new JinjaOptions());
        SetIdentityFilters(ParseEnvironment);
        SetIdentityFilters(RuntimeEnvironment);
    }

    public ManifestLoader Loader { get; }

    /// <summary>
    /// Execution plugs a connected adapter in here (the default answers "nothing" without a warehouse). Set it
    /// before the first scope is rented: scopes are reused.
    /// </summary>
    public Func<RenderScope, Slipway.Jinja.IJinjaObject> CreateAdapter { get; set; } = scope => new AdapterValue(scope);

    /// <summary>Execution adds or replaces context members here (<c>run_query</c>, <c>load_result</c>, <c>store_result</c>, …).</summary>
    public Action<IDictionary<string, object?>, bool>? ExtendGlobals { get; set; }
    public JinjaEnvironment ParseEnvironment { get; }
    public JinjaEnvironment RuntimeEnvironment { get; }
    public string AdapterType => Loader.Target.Type;
    public RelationQuoting Quoting => Loader.Quoting;

    /// <summary>dbt's text-mode <c>as_text</c>/<c>as_bool</c>/<c>as_native</c>/<c>as_number</c> filters are identities.</summary>
    private static void SetIdentityFilters(JinjaEnvironment env)
    {
        foreach (var name in new[] { "as_text", "as_bool", "as_native", "as_number" })
            env.Filters[name] = static (_, value, _) => value;
    }

    /// <summary>The packages <c>adapter.dispatch</c> searches (null = the flattened namespace).</summary>
    public IEnumerable<string?> DispatchSearchOrder(string? macroNamespace)
    {
        if (macroNamespace is null) return [null];
        var entry = Loader.Root.Dispatch.FirstOrDefault(d => d.MacroNamespace == macroNamespace);
        if (entry is not null) return entry.SearchOrder;
        if (Loader.MacrosByPackage.ContainsKey(macroNamespace) || macroNamespace == ManifestLoader.InternalPackage)
            return [Loader.Root.Name, macroNamespace];
        return [null];
    }

    /// <summary>A scope for one worker thread; return it with <see cref="Release"/> so its macro modules are reused.</summary>
    public RenderScope Rent(bool runtime)
    {
        var bag = runtime ? _runtimeScopes : _parseScopes;
        return bag.TryTake(out var scope) ? scope : new RenderScope(this, runtime);
    }

    public void Release(RenderScope scope) => (scope.IsRuntime ? _runtimeScopes : _parseScopes).Add(scope);

    public Template Compile(string source, string name, bool runtime) =>
        (runtime ? RuntimeEnvironment : ParseEnvironment).FromString(source, name);
}
