using Slipway.Engine.Contexts;
using Slipway.Engine.Execution.Microbatch;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Compilation;

internal sealed partial class Compiler
{
    /// <summary>
    /// A microbatch model's SQL for one batch (dbt re-compiles the model per batch): rendered through Jinja with
    /// refs and sources that have an <c>event_time</c> filtered to <paramref name="batch"/>, <paramref name="extra"/>
    /// binding <c>model.batch</c>, and the ephemeral models it uses injected as CTEs. The node and the compile
    /// cache are left as they are, so batches may compile on several threads.
    /// </summary>
    public string CompileBatch(ManifestNode node, EventTimeWindow batch, Action<RenderScope> extra)
    {
        var host = Loader.Jinja;
        var scope = host.Rent(runtime: true);
        (string Sql, List<ManifestNode> Ephemerals) rendered;
        try
        {
            rendered = RenderJinja(scope, node, batch, extra);
        }
        finally
        {
            host.Release(scope);
        }
        var missing = rendered.Ephemerals.Where(e => !_rendered.ContainsKey(e.UniqueId)).ToList();
        if (missing.Count > 0) Compile(missing);
        var ctes = new List<InjectedCte>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var eph in rendered.Ephemerals)
        {
            if (!seen.Add(eph.UniqueId)) continue;
            CollectCtes(eph, ctes, seen);
            ctes.Add(new InjectedCte(eph.UniqueId, CteInjector.CteSql(eph.Name, _rendered[eph.UniqueId].Sql)));
        }
        return CteInjector.Inject(rendered.Sql, ctes.Select(c => c.Sql).ToList());
    }
}
