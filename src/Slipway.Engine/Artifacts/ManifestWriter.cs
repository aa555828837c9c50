using System.Text.Json;
using Slipway.Engine.Manifest;
using static Slipway.Engine.Artifacts.JsonData;

namespace Slipway.Engine.Artifacts;

/// <summary>
/// Streams a <see cref="Manifest.Manifest"/> to <c>manifest.json</c> (schema v12) with Utf8JsonWriter: no
/// intermediate DOM, so a 10k-node manifest is written in one pass. Only keys the v12 schema allows for
/// each resource type are written (the schema forbids additional properties).
/// </summary>
public static partial class ManifestWriter
{
    public static void Write(Manifest.Manifest manifest, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(manifest, stream);
    }

    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Manifest.Manifest manifest, Stream stream) => Write(manifest, stream, out _);

    /// <summary>Writes manifest.json; <paramref name="bodyOffset"/> is where the metadata ends (all after it is the parse's).</summary>
    internal static void Write(Manifest.Manifest manifest, string path, out long bodyOffset) => Write(manifest, path, out bodyOffset, null, null);

    /// <summary>
    /// Writes manifest.json; <paramref name="reuse"/> may give a node's JSON already made (copied from the previous
    /// file), and <paramref name="ranges"/> receives where each node's JSON value lies in the new file.
    /// </summary>
    internal static void Write(Manifest.Manifest manifest, string path, out long bodyOffset, NodeReuse? reuse, List<NodeRange>? ranges)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(manifest, stream, out bodyOffset, reuse, ranges);
    }

    /// <summary>
    /// Nodes whose JSON is copied from the previous manifest.json: <see cref="Find"/> gives where a node's value lies
    /// there and its place among that file's nodes (null: serialise it afresh); <see cref="Read"/> reads that file.
    /// </summary>
    internal sealed record NodeReuse(Func<string, (NodeRange Range, int Index)?> Find, Action<long, Span<byte>> Read);

    /// <summary>Where one node's JSON value (after its key) lies in manifest.json.</summary>
    internal readonly record struct NodeRange(string UniqueId, long Offset, int Length);

    /// <summary>The bytes manifest.json starts with up to the end of its metadata (the rest begins with <c>,"nodes"</c>).</summary>
    internal static byte[] MetadataPrefix(ManifestMetadata metadata)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            WriteMetadata(w, metadata);
        }
        return stream.ToArray();
    }

    private static void Write(Manifest.Manifest manifest, Stream stream, out long bodyOffset) => Write(manifest, stream, out bodyOffset, null, null);

    private static void Write(Manifest.Manifest manifest, Stream stream, out long bodyOffset, NodeReuse? reuse, List<NodeRange>? ranges)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        WriteMetadata(w, manifest.Metadata);
        w.Flush();
        bodyOffset = stream.CanSeek ? stream.Position : -1;

        w.WriteStartObject("nodes");
        if (reuse is not null) WriteNodesReusing(w, stream, manifest.Nodes, reuse, ranges);
        else WriteNodes(w, stream, manifest.Nodes, ranges);
        w.WriteEndObject();

        w.WriteStartObject("sources");
        foreach (var (id, source) in manifest.Sources) { w.WritePropertyName(id); WriteSource(w, source); }
        w.WriteEndObject();

        w.WriteStartObject("macros");
        foreach (var (id, macro) in manifest.Macros) { w.WritePropertyName(id); WriteMacro(w, macro); }
        w.WriteEndObject();

        w.WriteStartObject("docs");
        foreach (var (id, doc) in manifest.Docs) { w.WritePropertyName(id); WriteDoc(w, doc); }
        w.WriteEndObject();

        w.WriteStartObject("exposures");
        foreach (var (id, exposure) in manifest.Exposures) { w.WritePropertyName(id); WriteExposure(w, exposure); }
        w.WriteEndObject();

        WriteDataResources(w, "metrics", manifest.Metrics);

        w.WriteStartObject("groups");
        foreach (var (id, group) in manifest.Groups) { w.WritePropertyName(id); WriteGroup(w, group); }
        w.WriteEndObject();

        w.WritePropertyName("selectors");
        JsonData.Write(w, manifest.Selectors);

        w.WriteStartObject("disabled");
        foreach (var (id, list) in manifest.Disabled)
        {
            w.WriteStartArray(id);
            foreach (var resource in list) WriteAny(w, resource);
            w.WriteEndArray();
        }
        w.WriteEndObject();

        WriteMap(w, "parent_map", manifest.ParentMap);
        WriteMap(w, "child_map", manifest.ChildMap);
        WriteMap(w, "group_map", manifest.GroupMap);
        WriteDataResources(w, "saved_queries", manifest.SavedQueries);
        WriteDataResources(w, "semantic_models", manifest.SemanticModels);
        WriteDataResources(w, "unit_tests", manifest.UnitTests);
        w.WriteEndObject();
        w.Flush();
    }

    private const int NodesPerSlice = 256;

    /// <summary>
    /// The nodes (most of the file) are serialised in parallel, a wave of slices at a time so memory stays small,
    /// and copied in order between the writer's own output; the JSON is the same as one writer would make.
    /// </summary>
    private static void WriteNodes(Utf8JsonWriter w, Stream stream, OrderedDictionary<string, ManifestNode> nodes, List<NodeRange>? ranges)
    {
        if (nodes.Count < 4 * NodesPerSlice)
        {
            foreach (var (id, node) in nodes)
            {
                w.WritePropertyName(id);
                if (ranges is null) { WriteNode(w, node); continue; }
                w.Flush();
                var start = stream.Position;
                WriteNode(w, node);
                w.Flush();
                ranges.Add(new NodeRange(id, start, (int)(stream.Position - start)));
            }
            return;
        }
        w.Flush();
        // One buffer per slice of a wave, reused by every wave: fresh buffers would be large-object garbage that only
        // a full collection frees (some 150 MB over a 10k-node manifest, all of it adding to the peak memory).
        var wave = new System.Buffers.ArrayBufferWriter<byte>[4 * Environment.ProcessorCount];
        for (var s = 0; s < wave.Length; s++) wave[s] = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        var waveRanges = new List<NodeRange>[wave.Length];
        var first = true;
        for (var start = 0; start < nodes.Count; start += wave.Length * NodesPerSlice)
        {
            var waveStart = start;
            var slices = Math.Min(wave.Length, (nodes.Count - start + NodesPerSlice - 1) / NodesPerSlice);
            Parallel.For(0, slices, s =>
            {
                var buffer = wave[s];
                buffer.ResetWrittenCount();
                var local = ranges is null ? null : new List<NodeRange>(NodesPerSlice);
                using (var sw = new Utf8JsonWriter(buffer, Options))
                {
                    var end = Math.Min(nodes.Count, waveStart + (s + 1) * NodesPerSlice);
                    for (var i = waveStart + s * NodesPerSlice; i < end; i++)
                    {
                        var (id, node) = nodes.GetAt(i);
                        sw.WritePropertyName(id);
                        if (local is null) { WriteNode(sw, node); continue; }
                        sw.Flush();
                        var begin = buffer.WrittenCount;
                        WriteNode(sw, node);
                        sw.Flush();
                        local.Add(new NodeRange(id, begin, buffer.WrittenCount - begin));
                    }
                }
                waveRanges[s] = local!;
            });
            for (var s = 0; s < slices; s++)
            {
                if (!first) stream.WriteByte((byte)',');
                var sliceStart = stream.Position;
                stream.Write(wave[s].WrittenSpan);
                if (ranges is not null) foreach (var r in waveRanges[s]) ranges.Add(r with { Offset = sliceStart + r.Offset });
                first = false;
            }
        }
    }

    /// <summary>Copied runs of nodes are read and written in blocks of about this size (a bigger node is one block).</summary>
    private const int CopyBlock = 1 << 20;

    /// <summary>
    /// The nodes with most of their JSON copied from the previous file (only changed nodes are serialised). Nodes
    /// that also followed each other there are copied as one block, keys and commas included: one read and one
    /// copy per megabyte instead of one per node.
    /// </summary>
    private static void WriteNodesReusing(Utf8JsonWriter w, Stream stream, OrderedDictionary<string, ManifestNode> nodes, NodeReuse reuse, List<NodeRange>? ranges)
    {
        // Positions come from the writer's counters: flushing after every node would cost a write call each.
        w.Flush();
        var origin = stream.Position - w.BytesCommitted;
        long Position() => origin + w.BytesCommitted + w.BytesPending;
        var buffer = new byte[CopyBlock];
        var run = new List<NodeRange>();
        (NodeRange Range, int Index)? next = nodes.Count > 0 ? reuse.Find(nodes.GetAt(0).Key) : null;
        for (var i = 0; i < nodes.Count;)
        {
            var (id, node) = nodes.GetAt(i);
            var found = next;
            w.WritePropertyName(id);
            var start = Position();
            if (found is not { } first)
            {
                WriteNode(w, node);
                ranges?.Add(new NodeRange(id, start, (int)(Position() - start)));
                next = ++i < nodes.Count ? reuse.Find(nodes.GetAt(i).Key) : null;
            }
            else
            {
                run.Clear();
                run.Add(first.Range);
                var last = first;
                next = ++i < nodes.Count ? reuse.Find(nodes.GetAt(i).Key) : null;
                while (next is { } more && more.Index == last.Index + 1 && more.Range.Offset + more.Range.Length - first.Range.Offset <= CopyBlock)
                {
                    run.Add(more.Range);
                    last = more;
                    next = ++i < nodes.Count ? reuse.Find(nodes.GetAt(i).Key) : null;
                }
                var length = (int)(last.Range.Offset + last.Range.Length - first.Range.Offset);
                if (buffer.Length < length) buffer = new byte[length];
                reuse.Read(first.Range.Offset, buffer.AsSpan(0, length));
                w.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
                if (ranges is not null) foreach (var r in run) ranges.Add(r with { Offset = start + r.Offset - first.Range.Offset });
            }
            if (w.BytesPending > CopyBlock) w.Flush();
        }
    }

    /// <summary>Writes one resource of any kind (used for <c>disabled</c> and for <c>ls --output json</c>).</summary>
    public static void WriteAny(Utf8JsonWriter w, GraphResource resource)
    {
        switch (resource)
        {
            case ManifestNode n: WriteNode(w, n); break;
            case SourceDefinition s: WriteSource(w, s); break;
            case Exposure e: WriteExposure(w, e); break;
            case DataResource d: WriteDataResource(w, d); break;
        }
    }

    private static void WriteMetadata(Utf8JsonWriter w, ManifestMetadata m)
    {
        w.WriteStartObject("metadata");
        w.WriteString("dbt_schema_version", ManifestMetadata.SchemaVersion);
        w.WriteString("dbt_version", m.DbtVersion);
        w.WriteString("generated_at", Timestamp(m.GeneratedAt));
        w.WriteString("invocation_id", m.InvocationId);
        if (m.InvocationStartedAt is { } started) w.WriteString("invocation_started_at", Timestamp(started));
        w.WriteStartObject("env");
        foreach (var (k, v) in m.Env) w.WriteString(k, v);
        w.WriteEndObject();
        WriteOptionalString(w, "project_name", m.ProjectName);
        WriteOptionalString(w, "project_id", m.ProjectId);
        WriteOptionalString(w, "user_id", m.UserId);
        if (m.SendAnonymousUsageStats is { } send) w.WriteBoolean("send_anonymous_usage_stats", send); else w.WriteNull("send_anonymous_usage_stats");
        WriteOptionalString(w, "adapter_type", m.AdapterType);
        w.WriteStartObject("quoting");
        foreach (var key in new[] { "database", "schema", "identifier", "column" })
        {
            if (m.Quoting.TryGetValue(key, out var q) && q is { } b) w.WriteBoolean(key, b); else w.WriteNull(key);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>dbt's artifact timestamp format: ISO 8601 with microseconds and a Z.</summary>
    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteMap(Utf8JsonWriter w, string name, Dictionary<string, List<string>> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, list) in map) WriteStringList(w, k, list);
        w.WriteEndObject();
    }
}
