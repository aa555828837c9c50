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

    /// <summary>Python's <c>isoformat()</c> of an aware UTC datetime.</summary>
    private static string Iso(DateTimeOffset? t) =>
        t is { } v ? EventTimeWindow.PythonText(v).Replace(' ', 'T') : "";
}
