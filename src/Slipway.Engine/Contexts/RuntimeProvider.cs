using Slipway.Engine.Compilation;
using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's RuntimeProvider: <c>ref</c>/<c>source</c> resolve to relations (an ephemeral model to its
/// <c>__dbt__cte__</c> name, remembered for injection), <c>config.get</c> reads the final config,
/// <c>execute</c> is true, <c>this</c> is the node's relation and a missing <c>var</c> is an error. A microbatch
/// batch filters refs and sources that have an <c>event_time</c> to its window.
/// </summary>
internal sealed class RuntimeProvider(Compiler compiler, ManifestNode node, Execution.Microbatch.EventTimeWindow? batch = null)
{
    /// <summary>Ephemeral models this node referenced, in first-reference order.</summary>
    public List<ManifestNode> Ephemerals { get; } = [];

    public void Bind(RenderScope scope)
    {
        var c = scope.Context;
        c["execute"] = true;
        c["ref"] = new JinjaFunction("ref", Ref);
        c["source"] = new JinjaFunction("source", a =>
        {
            var source = compiler.ResolveSource(a.Get(0, "source_name")?.ToString() ?? "", a.Get(1, "table_name")?.ToString() ?? "", node);
            return compiler.RefValue(compiler.Quoting.Relation(source.Database, source.Schema, source.Identifier, "table"), source.Config, node, batch);
        });
        c["metric"] = new JinjaFunction("metric", _ => "");
        c["config"] = new ConfigObject(key => node.Config.Values.TryGetValue(key, out var v) ? (true, v) : (false, null), null);
        var vars = compiler.Loader.VarsFor(node.PackageName);
        c["var"] = new JinjaFunction("var", a =>
        {
            var name = a.Get(0, "var_name") as string ?? "";
            if (vars.TryGet(name, out var v)) return v;
            if (a.Has(1, "default")) return a.Get(1, "default");
            throw new CompilerException($"Required var '{name}' not found in config: vars supplied to {node.UniqueId} = {{{string.Join(", ", vars.Merged().Keys.Order(StringComparer.Ordinal))}}}");
        });
        c["this"] = compiler.RelationOf(node);
        c["model"] = new LazyDictionary(() => NodeDicts.Of(node));
        // Built on first use only: the graph duplicates the whole manifest as dictionaries, and most SQL never reads it.
        c["graph"] = new LazyDictionary(() => (OrderedDictionary<string, object?>)compiler.FlatGraph);
        c["selected_resources"] = compiler.SelectedResources;
        c["_dbt_generic_test_kwargs"] = null;
    }

    private object? Ref(Arguments a)
    {
        var (name, package) = a.Positional.Count >= 2
            ? (a.Positional[1]?.ToString() ?? "", a.Positional[0]?.ToString())
            : (a.Get(0, "name")?.ToString() ?? "", (string?)null);
        var version = (a.Keyword.GetValueOrDefault("v") ?? a.Keyword.GetValueOrDefault("version"))?.ToString();
        var target = compiler.ResolveRef(name, package, version, node);
        if (target.IsEphemeral)
        {
            if (!Ephemerals.Contains(target)) Ephemerals.Add(target);
            return new RelationQuoting(false, false, false).Relation(null, null, CteInjector.Prefix + target.Name, "cte");
        }
        return compiler.RefValue(compiler.RelationOf(target), target.Config, node, batch);
    }
}
