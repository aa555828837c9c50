using System.Text.Json;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>target/run_results.json, schema v6: metadata, one result per node in completion order, elapsed time, args.</summary>
internal static class RunResultsWriter
{
    public const string SchemaVersion = "https://schemas.getdbt.com/dbt/run-results/v6.json";

    public static void Write(string path, IReadOnlyList<NodeResult> results, double elapsed, Invocation invocation,
        string invocationId, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        ArtifactMetadata.Write(w, SchemaVersion, invocationId, startedAt);
        w.WriteStartArray("results");
        foreach (var r in results) WriteResult(w, r);
        w.WriteEndArray();
        w.WriteNumber("elapsed_time", elapsed);
        w.WritePropertyName("args");
        JsonData.Write(w, invocation.ToInvocationArgsDict());
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, NodeResult r)
    {
        var node = r.Node;
        w.WriteStartObject();
        w.WriteString("status", r.Status);
        w.WriteStartArray("timing");
        foreach (var t in r.Timing)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            w.WriteString("started_at", ManifestWriter.Timestamp(t.StartedAt));
            w.WriteString("completed_at", ManifestWriter.Timestamp(t.CompletedAt));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("thread_id", r.ThreadId);
        w.WriteNumber("execution_time", r.ExecutionTime);
        w.WritePropertyName("adapter_response");
        JsonData.Write(w, r.AdapterResponse);
        if (r.Message is null) w.WriteNull("message"); else w.WriteString("message", r.Message);
        if (r.Failures is { } f) w.WriteNumber("failures", f); else w.WriteNull("failures");
        w.WriteString("unique_id", node.UniqueId);
        w.WriteBoolean("compiled", node.Compiled);
        if (node.Compiled && node.CompiledCode is { } code) w.WriteString("compiled_code", code); else w.WriteNull("compiled_code");
        if (node.RelationName is { } rel) w.WriteString("relation_name", rel); else w.WriteNull("relation_name");
        if (r.BatchResults is { } batches) batches.Write(w); else w.WriteNull("batch_results");
        w.WriteEndObject();
    }

    /// <summary>The unique ids and statuses of a previous run_results.json (for <c>retry</c>).</summary>
    public static IReadOnlyList<(string UniqueId, string Status)> ReadStatuses(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.GetProperty("results").EnumerateArray()
            .Select(e => (e.GetProperty("unique_id").GetString() ?? "", e.GetProperty("status").GetString() ?? "")).ToList();
    }

    /// <summary>The <c>args</c> the previous run was started with (retry re-runs the same command).</summary>
    public static JsonElement? ReadArgs(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.TryGetProperty("args", out var a) ? a.Clone() : null;
    }
}
