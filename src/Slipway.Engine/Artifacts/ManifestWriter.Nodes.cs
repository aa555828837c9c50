using System.Text.Json;
using Slipway.Engine.Manifest;
using static Slipway.Engine.Artifacts.JsonData;

namespace Slipway.Engine.Artifacts;

public static partial class ManifestWriter
{
    /// <summary>One node in manifest v12 shape (dbt's <c>to_dict(omit_none=False)</c>).</summary>
    public static void WriteNode(Utf8JsonWriter w, ManifestNode n)
    {
        w.WriteStartObject();
        WriteOptionalString(w, "database", n.Database);
        w.WriteString("schema", n.Schema);
        w.WriteString("name", n.Name);
        w.WriteString("resource_type", n.ResourceType.ToDbtString());
        w.WriteString("package_name", n.PackageName);
        w.WriteString("path", n.Path);
        w.WriteString("original_file_path", n.OriginalFilePath);
        w.WriteString("unique_id", n.UniqueId);
        WriteStringList(w, "fqn", n.Fqn);
        w.WriteString("alias", n.Alias);
        w.WriteStartObject("checksum");
        w.WriteString("name", n.Checksum.Name);
        w.WriteString("checksum", n.Checksum.Checksum);
        w.WriteEndObject();
        WriteData(w, "config", n.Config.Values);
        WriteStringList(w, "tags", n.Tags);
        w.WriteString("description", n.Description);
        WriteColumns(w, n.Columns);
        WriteData(w, "meta", n.Meta);
        WriteOptionalString(w, "group", n.Group);
        w.WriteStartObject("docs");
        w.WriteBoolean("show", n.DocsShow);
        WriteOptionalString(w, "node_color", n.DocsNodeColor);
        w.WriteEndObject();
        WriteOptionalString(w, "patch_path", n.PatchPath);
        WriteOptionalString(w, "build_path", n.BuildPath);
        WriteData(w, "unrendered_config", n.UnrenderedConfig);
        w.WriteNumber("created_at", n.CreatedAt);
        WriteData(w, "config_call_dict", n.ConfigCallDict);
        WriteData(w, "unrendered_config_call_dict", n.UnrenderedConfigCallDict);
        WriteOptionalString(w, "relation_name", n.RelationName);
        w.WriteString("raw_code", n.RawCode);
        WriteData(w, "doc_blocks", n.DocBlocks);

        if (n is SeedNode seed)
        {
            WriteOptionalString(w, "root_path", seed.RootPath);
            w.WriteStartObject("depends_on");
            WriteStringList(w, "macros", n.DependsOn.Macros);
            w.WriteEndObject();
            w.WriteNull("defer_relation");
            w.WriteEndObject();
            return;
        }

        w.WriteString("language", n.Language);
        w.WriteStartArray("refs");
        foreach (var r in n.Refs) WriteRef(w, r);
        w.WriteEndArray();
        WriteNamePairs(w, "sources", n.Sources);
        WriteNamePairs(w, "metrics", n.Metrics);
        WriteDependsOn(w, n.DependsOn);
        WriteOptionalString(w, "compiled_path", n.CompiledPath);
        if (n.Compiled)
        {
            w.WriteBoolean("compiled", true);
            WriteOptionalString(w, "compiled_code", n.CompiledCode);
            w.WriteBoolean("extra_ctes_injected", n.ExtraCtesInjected);
            w.WriteStartArray("extra_ctes");
            foreach (var cte in n.ExtraCtes)
            {
                w.WriteStartObject();
                w.WriteString("id", cte.Id);
                w.WriteString("sql", cte.Sql);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartObject("contract");
        w.WriteBoolean("enforced", n.ContractEnforced);
        w.WriteBoolean("alias_types", n.ContractAliasTypes);
        WriteOptionalString(w, "checksum", n.ContractChecksum);
        w.WriteEndObject();

        switch (n)
        {
            case ModelNode m:
                w.WriteString("access", m.Access);
                WriteData(w, "constraints", m.Constraints);
                WriteVersion(w, "version", m.Version);
                WriteVersion(w, "latest_version", m.LatestVersion);
                WriteOptionalString(w, "deprecation_date", m.DeprecationDate);
                w.WriteNull("defer_relation");
                WriteStringList(w, "primary_key", m.PrimaryKey);
                WriteData(w, "time_spine", m.TimeSpine);
                WriteData(w, "freshness", m.Freshness);
                break;
            case SnapshotNode:
                w.WriteNull("defer_relation");
                break;
            case HookNode h:
                if (h.Index is { } index) w.WriteNumber("index", index); else w.WriteNull("index");
                break;
            case GenericTestNode t:
                WriteOptionalString(w, "column_name", t.ColumnName);
                WriteOptionalString(w, "file_key_name", t.FileKeyName);
                WriteOptionalString(w, "attached_node", t.AttachedNode);
                w.WriteStartObject("test_metadata");
                w.WriteString("name", t.TestMetadata.Name);
                WriteData(w, "kwargs", t.TestMetadata.Kwargs);
                WriteOptionalString(w, "namespace", t.TestMetadata.Namespace);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }

    /// <summary>Versions are written as numbers when they are numeric (<c>v: 2</c>), strings otherwise.</summary>
    private static void WriteVersion(Utf8JsonWriter w, string name, string? version)
    {
        if (version is null) w.WriteNull(name);
        else if (long.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) w.WriteNumber(name, number);
        else if (double.TryParse(version, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var real)) w.WriteNumber(name, real);
        else w.WriteString(name, version);
    }

    internal static void WriteRef(Utf8JsonWriter w, RefCall r)
    {
        w.WriteStartObject();
        w.WriteString("name", r.Name);
        WriteOptionalString(w, "package", r.Package);
        WriteVersion(w, "version", r.Version);
        w.WriteEndObject();
    }

    internal static void WriteNamePairs(Utf8JsonWriter w, string name, List<string[]> pairs)
    {
        w.WriteStartArray(name);
        foreach (var pair in pairs)
        {
            w.WriteStartArray();
            foreach (var part in pair) w.WriteStringValue(part);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    internal static void WriteDependsOn(Utf8JsonWriter w, DependsOn d)
    {
        w.WriteStartObject("depends_on");
        WriteStringList(w, "macros", d.Macros);
        WriteStringList(w, "nodes", d.Nodes);
        w.WriteEndObject();
    }

    internal static void WriteColumns(Utf8JsonWriter w, OrderedDictionary<string, ColumnInfo> columns)
    {
        w.WriteStartObject("columns");
        foreach (var (key, c) in columns)
        {
            w.WriteStartObject(key);
            w.WriteString("name", c.Name);
            w.WriteString("description", c.Description);
            WriteData(w, "meta", c.Meta);
            WriteOptionalString(w, "data_type", c.DataType);
            WriteData(w, "constraints", c.Constraints);
            if (c.Quote is { } q) w.WriteBoolean("quote", q); else w.WriteNull("quote");
            WriteData(w, "config", c.Config);
            WriteStringList(w, "tags", c.Tags);
            WriteOptionalString(w, "granularity", c.Granularity);
            WriteData(w, "doc_blocks", c.DocBlocks);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
