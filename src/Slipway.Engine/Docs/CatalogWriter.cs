using System.Text.Json;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Project;

namespace Slipway.Engine.Docs;

/// <summary>target/catalog.json, schema v1: metadata, nodes and sources by unique id, errors.</summary>
internal static class CatalogWriter
{
    public const string SchemaVersion = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    public static void Write(string path, Catalog catalog, string invocationId, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        ArtifactMetadata.Write(w, SchemaVersion, invocationId, startedAt);
        WriteTables(w, "nodes", catalog.Nodes);
        WriteTables(w, "sources", catalog.Sources);
        if (catalog.Errors.Count == 0) w.WriteNull("errors");
        else
        {
            w.WriteStartArray("errors");
            foreach (var e in catalog.Errors) w.WriteStringValue(e);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteTables(Utf8JsonWriter w, string name, Dictionary<string, CatalogTable> tables)
    {
        w.WriteStartObject(name);
        foreach (var (id, t) in tables.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(id);
            w.WriteStartObject("metadata");
            w.WriteString("type", t.Type);
            w.WriteString("schema", t.Schema);
            w.WriteString("name", t.Name);
            w.WriteString("database", t.Database);
            w.WriteString("comment", t.Comment);
            w.WriteString("owner", t.Owner);
            w.WriteEndObject();
            w.WriteStartObject("columns");
            foreach (var c in t.Columns)
            {
                w.WriteStartObject(c.ColumnName);
                w.WriteString("type", c.ColumnType);
                w.WriteNumber("index", c.ColumnIndex);
                w.WriteString("name", c.ColumnName);
                w.WriteString("comment", c.ColumnComment);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            // dbt's adapters without table statistics report this one placeholder stat.
            w.WriteStartObject("stats");
            w.WriteStartObject("has_stats");
            w.WriteString("id", "has_stats");
            w.WriteString("label", "Has Stats?");
            w.WriteBoolean("value", false);
            w.WriteBoolean("include", false);
            w.WriteString("description", "Indicates whether there are statistics for this table");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("unique_id", id);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
