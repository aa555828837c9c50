using System.Globalization;
using System.Text.Json;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Ui;

/// <summary>The model timing chart's data: each node's execute start and end from every step's <c>run_results.json</c>.</summary>
internal static class ModelTimeline
{
    internal sealed record Node(string Name, string Status, DateTime Start, DateTime End, int Step);

    public static List<Node> Read(DeployOptions options, int runId)
    {
        var nodes = new List<Node>();
        var steps = Path.Combine(RunArtifacts.Folder(options, runId), "steps");
        if (!Directory.Exists(steps)) return nodes;
        foreach (var folder in Directory.EnumerateDirectories(steps))
        {
            var file = Path.Combine(folder, "run_results.json");
            if (!File.Exists(file) || !int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var step)) continue;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                if (!document.RootElement.TryGetProperty("results", out var results)) continue;
                foreach (var result in results.EnumerateArray())
                {
                    var id = result.TryGetProperty("unique_id", out var u) ? u.GetString() ?? "" : "";
                    var status = result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
                    if (!result.TryGetProperty("timing", out var timing) || timing.ValueKind != JsonValueKind.Array) continue;
                    DateTime? start = null, end = null;
                    foreach (var t in timing.EnumerateArray())
                    {
                        if (Time(t, "started_at") is { } a && (start is null || a < start)) start = a;
                        if (Time(t, "completed_at") is { } b && (end is null || b > end)) end = b;
                    }
                    if (start is { } st && end is { } en) nodes.Add(new Node(id, status, st, en, step));
                }
            }
            catch (JsonException)
            {
                // A damaged artifact leaves the chart without that step.
            }
        }
        // A later step may rewrite run_results.json with the same results (docs generate): keep each node's result once.
        return nodes.DistinctBy(n => (n.Name, n.Start)).OrderBy(n => n.Start).ToList();
    }

    private static DateTime? Time(JsonElement t, string name) =>
        t.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
        && DateTime.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
