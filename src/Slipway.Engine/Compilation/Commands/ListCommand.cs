using Slipway.Engine.Artifacts;
using Slipway.Engine.Graph.Selection;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Compilation.Commands;

/// <summary>
/// <c>slipway ls</c>/<c>list</c>: the selected resources, sorted, as selectors (default), names, paths or JSON
/// (<c>--output-keys</c> picks the JSON keys), like dbt's ListTask.
/// </summary>
internal sealed class ListCommand : IEngineCommand
{
    /// <summary>dbt's ListTask.ALLOWED_KEYS, the JSON keys shown when --output-keys is not given.</summary>
    private static readonly string[] DefaultKeys =
        ["alias", "name", "package_name", "depends_on", "tags", "config", "resource_type", "source_name", "original_file_path", "unique_id"];

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var session = ProjectSession.Load(config, log, readOnly: true);
        try
        {
            var inv = config.Invocation;
            var types = ResourceTypeFilter.FromArgs(inv.ResourceTypes, inv.ExcludeResourceTypes, ResourceTypeFilter.ListAll, ResourceTypeFilter.ListDefault);
            var selected = session.Select(types, log);
            var resources = selected.Order(StringComparer.Ordinal).Select(id => session.Manifest.Find(id)).OfType<GraphResource>().ToList();
            var output = inv.Output ?? "selector";
            foreach (var r in resources)
                log.Print(output switch
                {
                    "name" => SearchName(r),
                    "path" => r.OriginalFilePath,
                    "json" => Json(r, inv.OutputKeys.Count > 0 ? inv.OutputKeys : DefaultKeys),
                    _ => Selector(r),
                });
            if (resources.Count == 0) log.Warn("No nodes selected!", "NoNodesSelected");
            session.WriteManifest(asParsed: true);
        }
        finally { session.Finish(); }
        return 0;
    }

    /// <summary>dbt's selector output: the fqn for nodes, prefixed by the resource type for the others.</summary>
    internal static string Selector(GraphResource r) => r switch
    {
        ManifestNode n => string.Join(".", n.Fqn),
        SourceDefinition s => "source:" + string.Join(".", s.Fqn[0], s.SourceName, s.Name),
        _ => $"{r.ResourceType.ToDbtString()}:{string.Join(".", r.Fqn)}",
    };

    internal static string SearchName(GraphResource r) => r switch
    {
        SourceDefinition s => $"{s.SourceName}.{s.Name}",
        ModelNode { Version: { } v } m => $"{m.Name}.v{v}",
        _ => r.Name,
    };

    private static string Json(GraphResource r, IReadOnlyList<string> keys)
    {
        var dict = Contexts.NodeDicts.Of(r);
        var filtered = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in dict) if (keys.Contains(k)) filtered[k] = v;
        return Slipway.Jinja.PythonJson.Dumps(filtered);
    }
}
