using System.Text.Json;
using Slipway.Engine.Project;

namespace Slipway.Engine.Artifacts;

/// <summary>
/// The <c>metadata</c> object every dbt artifact opens with (run_results, sources, catalog share it exactly; the
/// manifest adds project fields and writes its own in <see cref="ManifestWriter"/>).
/// </summary>
internal static class ArtifactMetadata
{
    public static void Write(Utf8JsonWriter w, string schemaVersion, string invocationId, DateTimeOffset startedAt)
    {
        w.WriteStartObject("metadata");
        w.WriteString("dbt_schema_version", schemaVersion);
        w.WriteString("dbt_version", SlipwayVersion.DbtVersion);
        w.WriteString("generated_at", ManifestWriter.Timestamp(DateTimeOffset.UtcNow));
        w.WriteString("invocation_id", invocationId);
        w.WriteString("invocation_started_at", ManifestWriter.Timestamp(startedAt));
        w.WriteStartObject("env");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
