using System.Text;
using System.Text.Json;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Docs;

/// <summary>
/// The site's data: every documented resource with its rendered description, columns (catalog types merged
/// with YAML descriptions and column tests), SQL, parents/children and lineage position, as one JSON object.
/// JSON's default escaping keeps &lt; and &gt; out, so the text can sit inside a script element.
/// </summary>
internal static class DocsData
{
    private static readonly HashSet<ResourceType> LineageTypes =
        [ResourceType.Model, ResourceType.Seed, ResourceType.Snapshot, ResourceType.Source, ResourceType.Exposure, ResourceType.Analysis];

    public static string Build(global::Slipway.Engine.Manifest.Manifest manifest, Catalog catalog, string projectName)
    {
        var lineageIds = manifest.GraphMembers.Where(r => LineageTypes.Contains(r.ResourceType)).Select(r => r.UniqueId).ToList();
        var layout = LineageLayout.Compute(lineageIds, manifest.ParentMap);
        var columnTests = ColumnTests(manifest);

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("project", projectName);
            w.WriteString("generated_at", ManifestWriter.Timestamp(DateTimeOffset.UtcNow));
            w.WriteString("overview", DocsSiteWriter.Markdown(Overview(manifest, projectName)));
            w.WriteStartArray("nodes");
            foreach (var node in manifest.Nodes.Values)
            {
                if (node.ResourceType is ResourceType.Operation or ResourceType.SqlOperation || !node.DocsShow) continue;
                catalog.Nodes.TryGetValue(node.UniqueId, out var table);
                w.WriteStartObject();
                Common(w, node, manifest, layout);
                w.WriteString("database", node.Database);
                w.WriteString("schema", node.Schema);
                w.WriteString("identifier", node.Alias);
                w.WriteString("relation", node.RelationName);
                w.WriteString("materialized", node.Config.Materialized);
                w.WriteString("language", node.Language);
                w.WriteString("raw", node.RawCode);
                w.WriteString("compiled", node.Compiled ? node.CompiledCode : null);
                w.WriteString("color", node.DocsNodeColor);
                if (node is ModelNode m) { w.WriteString("access", m.Access); w.WriteString("version", m.Version); }
                if (node is GenericTestNode t)
                {
                    w.WriteString("test_name", t.TestMetadata.Name);
                    w.WriteString("column_name", t.ColumnName);
                    w.WriteString("attached_node", t.AttachedNode);
                }
                w.WritePropertyName("config");
                JsonData.Write(w, node.Config.Values);
                Table(w, table);
                Columns(w, node.UniqueId, node.Columns, table, columnTests);
                w.WriteEndObject();
            }
            foreach (var source in manifest.Sources.Values)
            {
                catalog.Sources.TryGetValue(source.UniqueId, out var table);
                w.WriteStartObject();
                Common(w, source, manifest, layout);
                w.WriteString("database", source.Database);
                w.WriteString("schema", source.Schema);
                w.WriteString("identifier", source.Identifier);
                w.WriteString("relation", source.RelationName);
                w.WriteString("source_name", source.SourceName);
                w.WriteString("source_description", DocsSiteWriter.Markdown(source.SourceDescription));
                w.WriteString("loader", source.Loader);
                w.WriteString("loaded_at_field", source.LoadedAtField);
                w.WritePropertyName("freshness");
                JsonData.Write(w, source.Freshness);
                w.WritePropertyName("config");
                JsonData.Write(w, source.Config.Values);
                Table(w, table);
                Columns(w, source.UniqueId, source.Columns, table, columnTests);
                w.WriteEndObject();
            }
            foreach (var exposure in manifest.Exposures.Values)
            {
                w.WriteStartObject();
                Common(w, exposure, manifest, layout);
                w.WriteString("exposure_type", exposure.Type);
                w.WriteString("label", exposure.Label);
                w.WriteString("maturity", exposure.Maturity);
                w.WriteString("url", exposure.Url);
                w.WritePropertyName("owner");
                JsonData.Write(w, exposure.Owner);
                w.WriteEndObject();
            }
            foreach (var macro in manifest.Macros.Values)
            {
                if (!macro.DocsShow) continue;
                w.WriteStartObject();
                w.WriteString("id", macro.UniqueId);
                w.WriteString("type", "macro");
                w.WriteString("name", macro.Name);
                w.WriteString("package", macro.PackageName);
                w.WriteString("path", macro.OriginalFilePath);
                w.WriteString("description", DocsSiteWriter.Markdown(macro.Description));
                w.WriteString("text", macro.Description);
                w.WriteString("raw", macro.MacroSql);
                JsonData.WriteStringList(w, "parents", macro.DependsOnMacros);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Common(Utf8JsonWriter w, GraphResource r, global::Slipway.Engine.Manifest.Manifest manifest,
        IReadOnlyDictionary<string, (int Layer, int Order)> layout)
    {
        w.WriteString("id", r.UniqueId);
        w.WriteString("type", r.ResourceType.ToDbtString());
        w.WriteString("name", r.Name);
        w.WriteString("package", r.PackageName);
        w.WriteString("path", r.OriginalFilePath);
        w.WriteString("description", DocsSiteWriter.Markdown(r.Description));
        w.WriteString("text", r.Description);
        JsonData.WriteStringList(w, "tags", r.Tags);
        JsonData.WriteStringList(w, "fqn", r.Fqn);
        w.WritePropertyName("meta");
        JsonData.Write(w, r.Meta);
        JsonData.WriteStringList(w, "parents", manifest.ParentMap.GetValueOrDefault(r.UniqueId) ?? r.DependsOn.Nodes);
        JsonData.WriteStringList(w, "children", manifest.ChildMap.GetValueOrDefault(r.UniqueId) ?? []);
        if (layout.TryGetValue(r.UniqueId, out var at))
        {
            w.WriteNumber("layer", at.Layer);
            w.WriteNumber("order", at.Order);
        }
    }

    private static void Table(Utf8JsonWriter w, CatalogTable? table)
    {
        if (table is null) return;
        w.WriteString("relation_type", table.Type);
        w.WriteString("owner_name", table.Owner);
        w.WriteString("table_comment", table.Comment);
    }

    /// <summary>Catalog columns in position order (types from the warehouse), then YAML-only columns.</summary>
    private static void Columns(Utf8JsonWriter w, string id, OrderedDictionary<string, ColumnInfo> documented, CatalogTable? table,
        Dictionary<(string, string), List<string>> tests)
    {
        var yaml = new Dictionary<string, ColumnInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in documented.Values) yaml.TryAdd(c.Name, c);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        w.WriteStartArray("columns");
        void Column(string name, string? type, ColumnInfo? info, string? comment)
        {
            seen.Add(name);
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("type", type ?? info?.DataType);
            var text = info?.Description is { Length: > 0 } d ? d : comment ?? "";
            w.WriteString("description", DocsSiteWriter.Markdown(text));
            w.WriteString("text", text);
            JsonData.WriteStringList(w, "tests", tests.GetValueOrDefault((id, name.ToLowerInvariant())) ?? []);
            w.WriteEndObject();
        }
        if (table is not null)
            foreach (var c in table.Columns) Column(c.ColumnName, c.ColumnType, yaml.GetValueOrDefault(c.ColumnName), c.ColumnComment);
        foreach (var c in documented.Values)
            if (!seen.Contains(c.Name)) Column(c.Name, null, c, null);
        w.WriteEndArray();
    }

    private static Dictionary<(string, string), List<string>> ColumnTests(global::Slipway.Engine.Manifest.Manifest manifest)
    {
        var map = new Dictionary<(string, string), List<string>>();
        foreach (var t in manifest.Nodes.Values.OfType<GenericTestNode>())
        {
            if (t.AttachedNode is null || t.ColumnName is null) continue;
            var key = (t.AttachedNode, t.ColumnName.Trim('"', '`').ToLowerInvariant());
            if (!map.TryGetValue(key, out var list)) map[key] = list = [];
            list.Add(t.TestMetadata.Name);
        }
        return map;
    }

    /// <summary>The root project's <c>__overview__</c> docs block, else any package's, else a short default.</summary>
    private static string Overview(global::Slipway.Engine.Manifest.Manifest manifest, string projectName)
    {
        if (manifest.Docs.TryGetValue($"doc.{projectName}.__overview__", out var own)) return own.BlockContents;
        var any = manifest.Docs.Values.FirstOrDefault(d => d.Name == "__overview__");
        return any?.BlockContents ?? $"### Welcome to the {projectName} documentation\n\nPick a resource in the tree, search, or open the lineage graph.";
    }
}
