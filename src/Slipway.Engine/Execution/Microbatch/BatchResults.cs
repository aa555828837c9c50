using System.Text.Json;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>
/// run_results.json's <c>batch_results</c> of a microbatch model: the [start, end] of each batch that succeeded and of
/// each that failed (or was skipped after the first batch failed), each list sorted, times as ISO 8601 with offset.
/// </summary>
internal sealed class BatchResults
{
    public List<EventTimeWindow> Successful { get; } = [];
    public List<EventTimeWindow> Failed { get; } = [];

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("batch_results");
        WriteList(w, "successful", Successful);
        WriteList(w, "failed", Failed);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, List<EventTimeWindow> batches)
    {
        w.WriteStartArray(name);
        foreach (var b in batches.OrderBy(b => b.Start))
        {
            w.WriteStartArray();
            w.WriteStringValue(Iso(b.Start));
            w.WriteStringValue(Iso(b.End));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The <c>batch_results</c> of each microbatch model in a previous run_results.json that was not a full success:
    /// <c>retry</c> runs only the failed batches and reports the earlier successful ones again, as dbt does.
    /// </summary>
    public static Dictionary<string, BatchResults> ReadUnfinished(Project.RuntimeConfig config)
    {
        var result = new Dictionary<string, BatchResults>(StringComparer.Ordinal);
        var folder = config.Invocation.State is { } state ? Path.GetFullPath(state, config.Project.RootPath) : config.TargetPath;
        var path = Path.Combine(folder, "run_results.json");
        if (!File.Exists(path)) return result;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (!r.TryGetProperty("batch_results", out var b) || b.ValueKind != JsonValueKind.Object) continue;
            var batches = new BatchResults();
            ReadList(b, "successful", batches.Successful);
            ReadList(b, "failed", batches.Failed);
            if (batches.Failed.Count > 0) result[r.GetProperty("unique_id").GetString() ?? ""] = batches;
        }
        return result;
    }

    private static void ReadList(JsonElement results, string name, List<EventTimeWindow> into)
    {
        if (!results.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return;
        foreach (var pair in list.EnumerateArray())
            into.Add(new EventTimeWindow(DateTimeOffset.Parse(pair[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(pair[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Python's <c>isoformat()</c> of an aware UTC datetime.</summary>
    private static string Iso(DateTimeOffset? t) =>
        t is { } v ? EventTimeWindow.PythonText(v).Replace(' ', 'T') : "";
}
