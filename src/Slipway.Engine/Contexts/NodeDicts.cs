using System.Text.Json;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Contexts;

/// <summary>
/// Nodes as the plain dictionaries templates read through <c>model</c> and <c>graph</c> (dbt's
/// <c>to_dict()</c>): produced from the same writer as manifest.json, so both always agree.
/// </summary>
internal static class NodeDicts
{
    public static OrderedDictionary<string, object?> Of(GraphResource resource)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            ManifestWriter.WriteAny(w, resource);
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var doc = JsonDocument.ParseValue(ref reader);
        return (OrderedDictionary<string, object?>)ToPlain(doc.RootElement)!;
    }

    public static object? ToPlain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            (d, p) => { d[p.Name] = ToPlain(p.Value); return d; }),
        JsonValueKind.Array => e.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => e.GetString(),
        // Boxed apart: a plain ternary would widen the long to double, and 2 would print as 2.0.
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
