using System.Globalization;
using System.Text.Json;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Project;

namespace Slipway.Engine.Freshness;

/// <summary>target/sources.json, schema v3: one result per checked source (runtime errors in their short form).</summary>
internal static class SourcesJsonWriter
{
    public const string SchemaVersion = "https://schemas.getdbt.com/dbt/sources/v3.json";

    public static void Write(string path, IReadOnlyList<FreshnessResult> results, double elapsed, string invocationId, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        ArtifactMetadata.Write(w, SchemaVersion, invocationId, startedAt);
        w.WriteStartArray("results");
        foreach (var r in results) WriteResult(w, r);
        w.WriteEndArray();
        w.WriteNumber("elapsed_time", elapsed);
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, FreshnessResult r)
    {
        w.WriteStartObject();
        w.WriteString("unique_id", r.Source.UniqueId);
        if (r.Status == "runtime error")
        {
            w.WriteString("error", r.Error);
            w.WriteString("status", r.Status);
            w.WriteEndObject();
            return;
        }
        w.WriteString("max_loaded_at", IsoFormat(r.MaxLoadedAt!.Value));
        w.WriteString("snapshotted_at", IsoFormat(r.SnapshottedAt));
        w.WriteNumber("max_loaded_at_time_ago_in_s", r.AgeSeconds!.Value);
        w.WriteString("status", r.Status);
        w.WriteStartObject("criteria");
        var f = r.Source.Freshness!;
        foreach (var key in new[] { "warn_after", "error_after" })
        {
            w.WriteStartObject(key);
            var d = FreshnessCriteria.Get(f, key) as IDictionary<string, object?>;
            if (FreshnessCriteria.Get(d, "count") is { } c) w.WriteNumber("count", Convert.ToInt64(c, CultureInfo.InvariantCulture)); else w.WriteNull("count");
            if (FreshnessCriteria.Get(d, "period") is string p) w.WriteString("period", p); else w.WriteNull("period");
            w.WriteEndObject();
        }
        if (f.GetValueOrDefault("filter") is string filter) w.WriteString("filter", filter); else w.WriteNull("filter");
        w.WriteEndObject();
        w.WriteStartObject("adapter_response");
        w.WriteEndObject();
        w.WriteStartArray("timing");
        foreach (var name in new[] { "compile", "execute" })
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("started_at", ManifestWriter.Timestamp(r.StartedAt));
            w.WriteString("completed_at", ManifestWriter.Timestamp(name == "compile" ? r.StartedAt : r.CompletedAt));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("thread_id", r.ThreadId);
        w.WriteNumber("execution_time", r.ExecutionTime);
        w.WriteEndObject();
    }

    /// <summary>Python's <c>datetime.isoformat()</c> of an aware UTC time: 2024-01-02T03:04:05.123456+00:00.</summary>
    internal static string IsoFormat(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
    }
}
