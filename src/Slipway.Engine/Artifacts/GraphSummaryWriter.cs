using System.Text.Json;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Artifacts;

/// <summary>
/// <c>target/graph_summary.json</c>, which dbt writes after building the DAG: every vertex by index (sources,
/// nodes, semantic models, exposures, metrics, unit tests, saved queries — dbt's linking order) with its name,
/// resource type and successors.
/// </summary>
public static class GraphSummaryWriter
{
    public static void Write(global::Slipway.Engine.Manifest.Manifest m, string path)
    {
        var members = m.Sources.Values.Cast<GraphResource>()
            .Concat(m.Nodes.Values).Concat(m.SemanticModels.Values).Concat(m.Exposures.Values)
            .Concat(m.Metrics.Values).Concat(m.UnitTests.Values).Concat(m.SavedQueries.Values).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++) index[members[i].UniqueId] = i;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("_invocation_id", m.Metadata.InvocationId);
        w.WriteStartObject("linked");
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            w.WriteStartObject(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("name", member.UniqueId);
            w.WriteString("type", member.ResourceType.ToDbtString());
            var succ = (m.ChildMap.GetValueOrDefault(member.UniqueId) ?? []).Where(index.ContainsKey).Select(c => index[c]).ToList();
            if (succ.Count > 0)
            {
                w.WriteStartArray("succ");
                foreach (var s in succ) w.WriteNumberValue(s);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
