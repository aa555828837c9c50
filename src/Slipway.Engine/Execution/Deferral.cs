using System.Text.Json;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>
/// <c>--defer --state DIR</c>: an unselected node that the other manifest knows resolves to the relation recorded
/// there (database, schema, alias), so <c>ref()</c> to an unbuilt parent reads production. As dbt 1.6+ without
/// <c>--favor-state</c>, a parent that already exists in the current target is used as is.
/// </summary>
internal static class Deferral
{
    public static void Apply(RuntimeConfig config, Manifest.Manifest manifest, IReadOnlySet<string> selected, EventLog log,
        Func<string?, string, string, bool>? existsInTarget = null)
    {
        var state = config.Invocation.GetString("defer_state") ?? config.Invocation.State
            ?? throw new ProjectException("Got a state selector method, but no comparison manifest: --defer needs --state (or --defer-state) naming a folder with manifest.json.");
        var path = Path.Combine(Path.GetFullPath(state, config.Project.RootPath), "manifest.json");
        if (!File.Exists(path))
            throw new ProjectException($"--defer: could not find a manifest.json in '{Path.GetDirectoryName(path)}'.");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("nodes", out var other)) return;
        var favorState = config.Invocation.GetBool("favor_state");
        var deferred = 0;
        foreach (var node in manifest.Nodes.Values)
        {
            if (selected.Contains(node.UniqueId) || !node.IsRefable || node.IsEphemeral) continue;
            if (!other.TryGetProperty(node.UniqueId, out var prod)) continue;
            if (!favorState && existsInTarget is not null && existsInTarget(node.Database, node.Schema, node.Alias)) continue;
            node.Database = prod.TryGetProperty("database", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : node.Database;
            node.Schema = prod.GetProperty("schema").GetString() ?? node.Schema;
            node.Alias = prod.TryGetProperty("alias", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : node.Alias;
            if (prod.TryGetProperty("relation_name", out var r) && r.ValueKind == JsonValueKind.String) node.RelationName = r.GetString();
            deferred++;
        }
        log.Debug($"Deferred {deferred} unselected nodes to the manifest in {state}");
    }
}
