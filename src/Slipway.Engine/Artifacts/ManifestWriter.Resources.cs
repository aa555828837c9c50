using System.Text.Json;
using Slipway.Engine.Manifest;
using static Slipway.Engine.Artifacts.JsonData;

namespace Slipway.Engine.Artifacts;

public static partial class ManifestWriter
{
    private static void WriteIdentity(Utf8JsonWriter w, ManifestResource r)
    {
        w.WriteString("name", r.Name);
        w.WriteString("resource_type", r.ResourceType.ToDbtString());
        w.WriteString("package_name", r.PackageName);
        w.WriteString("path", r.Path);
        w.WriteString("original_file_path", r.OriginalFilePath);
        w.WriteString("unique_id", r.UniqueId);
    }

    public static void WriteSource(Utf8JsonWriter w, SourceDefinition s)
    {
        w.WriteStartObject();
        WriteOptionalString(w, "database", s.Database);
        w.WriteString("schema", s.Schema);
        WriteIdentity(w, s);
        WriteStringList(w, "fqn", s.Fqn);
        w.WriteString("source_name", s.SourceName);
        w.WriteString("source_description", s.SourceDescription);
        w.WriteString("loader", s.Loader);
        w.WriteString("identifier", s.Identifier);
        WriteData(w, "quoting", s.Quoting);
        WriteOptionalString(w, "loaded_at_field", s.LoadedAtField);
        WriteOptionalString(w, "loaded_at_query", s.LoadedAtQuery);
        WriteData(w, "freshness", s.Freshness);
        WriteData(w, "external", s.External);
        w.WriteString("description", s.Description);
        WriteColumns(w, s.Columns);
        WriteData(w, "meta", s.Meta);
        WriteData(w, "source_meta", s.SourceMeta);
        WriteStringList(w, "tags", s.Tags);
        WriteData(w, "config", s.Config.Values);
        WriteOptionalString(w, "patch_path", s.PatchPath);
        WriteData(w, "unrendered_config", s.UnrenderedConfig);
        WriteOptionalString(w, "relation_name", s.RelationName);
        w.WriteNumber("created_at", s.CreatedAt);
        WriteOptionalString(w, "unrendered_database", s.UnrenderedDatabase);
        WriteOptionalString(w, "unrendered_schema", s.UnrenderedSchema);
        w.WriteStartArray("doc_blocks");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteMacro(Utf8JsonWriter w, Macro m)
    {
        w.WriteStartObject();
        WriteIdentity(w, m);
        w.WriteString("macro_sql", m.MacroSql);
        w.WriteStartObject("depends_on");
        WriteStringList(w, "macros", m.DependsOnMacros);
        w.WriteEndObject();
        w.WriteString("description", m.Description);
        WriteData(w, "meta", m.Meta);
        w.WriteStartObject("docs");
        w.WriteBoolean("show", m.DocsShow);
        w.WriteNull("node_color");
        w.WriteEndObject();
        WriteOptionalString(w, "patch_path", m.PatchPath);
        WriteData(w, "arguments", m.Arguments);
        w.WriteNumber("created_at", m.CreatedAt);
        if (m.SupportedLanguages is null) w.WriteNull("supported_languages");
        else WriteStringList(w, "supported_languages", m.SupportedLanguages);
        w.WriteEndObject();
    }

    public static void WriteDoc(Utf8JsonWriter w, Documentation d)
    {
        w.WriteStartObject();
        WriteIdentity(w, d);
        w.WriteString("block_contents", d.BlockContents);
        w.WriteEndObject();
    }

    public static void WriteGroup(Utf8JsonWriter w, Group g)
    {
        w.WriteStartObject();
        WriteIdentity(w, g);
        WriteData(w, "owner", g.Owner);
        WriteOptionalString(w, "description", g.Description);
        WriteData(w, "config", g.Config);
        w.WriteEndObject();
    }

    public static void WriteExposure(Utf8JsonWriter w, Exposure e)
    {
        w.WriteStartObject();
        WriteIdentity(w, e);
        WriteStringList(w, "fqn", e.Fqn);
        w.WriteString("type", e.Type);
        WriteData(w, "owner", e.Owner);
        w.WriteString("description", e.Description);
        WriteOptionalString(w, "label", e.Label);
        WriteOptionalString(w, "maturity", e.Maturity);
        WriteData(w, "meta", e.Meta);
        WriteStringList(w, "tags", e.Tags);
        WriteData(w, "config", e.Config.Values);
        WriteData(w, "unrendered_config", e.UnrenderedConfig);
        WriteOptionalString(w, "url", e.Url);
        WriteDependsOn(w, e.DependsOn);
        w.WriteStartArray("refs");
        foreach (var r in e.Refs) WriteRef(w, r);
        w.WriteEndArray();
        WriteNamePairs(w, "sources", e.Sources);
        WriteNamePairs(w, "metrics", e.Metrics);
        w.WriteNumber("created_at", e.CreatedAt);
        w.WriteEndObject();
    }

    private static void WriteDataResources(Utf8JsonWriter w, string name, OrderedDictionary<string, DataResource> resources)
    {
        w.WriteStartObject(name);
        foreach (var (id, r) in resources) { w.WritePropertyName(id); WriteDataResource(w, r); }
        w.WriteEndObject();
    }

    /// <summary>
    /// Metrics, semantic models, saved queries and unit tests: identity fields, then the YAML properties the
    /// schema knows for that type (unknown keys are dropped: the schema forbids them).
    /// </summary>
    public static void WriteDataResource(Utf8JsonWriter w, DataResource r)
    {
        w.WriteStartObject();
        WriteIdentity(w, r);
        WriteStringList(w, "fqn", r.Fqn);
        foreach (var (k, v) in DataResourceShapes.Shape(r)) WriteData(w, k, v);
        WriteData(w, "config", r.Config.Values);
        WriteDependsOn(w, r.DependsOn);
        if (r.ResourceType is not ResourceType.UnitTest)
        {
            w.WriteStartArray("refs");
            foreach (var x in r.Refs) WriteRef(w, x);
            w.WriteEndArray();
            WriteOptionalString(w, "group", r.Group);
        }
        w.WriteNumber("created_at", r.CreatedAt);
        w.WriteEndObject();
    }
}
