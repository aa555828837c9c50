using Slipway.Adapters;
using Slipway.Adapters.Catalog;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Docs;

/// <summary>One relation of catalog.json: its metadata and columns in position order.</summary>
internal sealed record CatalogTable(string Type, string Schema, string Name, string? Database, string? Comment, string? Owner, List<CatalogRow> Columns);

/// <summary>
/// What the warehouse says about the project's relations (dbt's catalog): the adapter's catalog query is run
/// once per (database, schema) the manifest uses, and its rows are matched to nodes and sources by relation.
/// </summary>
internal sealed class Catalog
{
    public Dictionary<string, CatalogTable> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CatalogTable> Sources { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];
    public int SchemaQueries { get; private set; }

    public static Catalog Empty() => new();

    /// <summary>Queries each (database, schema) once; a failing schema is recorded in <see cref="Errors"/>, the rest go on.</summary>
    public static Catalog Query(global::Slipway.Engine.Manifest.Manifest manifest, IAdapter adapter, CancellationToken cancellationToken)
    {
        var catalog = new Catalog();
        var byRelation = new Dictionary<(string, string, string), List<(string Id, bool IsSource)>>();
        void Add(string? database, string schema, string identifier, string id, bool isSource)
        {
            var key = ((database ?? adapter.Database).ToLowerInvariant(), schema.ToLowerInvariant(), identifier.ToLowerInvariant());
            if (!byRelation.TryGetValue(key, out var list)) byRelation[key] = list = [];
            list.Add((id, isSource));
        }
        foreach (var node in manifest.Nodes.Values)
            if (node is ModelNode or SeedNode or SnapshotNode && !node.IsEphemeral)
                Add(node.Database, node.Schema, node.Alias, node.UniqueId, false);
        foreach (var source in manifest.Sources.Values)
            Add(source.Database, source.Schema, source.Identifier, source.UniqueId, true);

        foreach (var group in byRelation.Keys.GroupBy(k => k.Item1))
        {
            var schemas = group.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var schema in schemas)
            {
                IReadOnlyList<CatalogRow> rows;
                try
                {
                    rows = adapter.GetCatalog(group.Key, [schema], cancellationToken);
                    catalog.SchemaQueries++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    catalog.Errors.Add($"Catalog query for {group.Key}.{schema} failed: {e.Message.Trim()}");
                    continue;
                }
                foreach (var relation in rows.GroupBy(r => (r.TableDatabase.ToLowerInvariant(), r.TableSchema.ToLowerInvariant(), r.TableName.ToLowerInvariant())))
                {
                    if (!byRelation.TryGetValue(relation.Key, out var owners)) continue;
                    var first = relation.First();
                    var table = new CatalogTable(first.TableType, first.TableSchema, first.TableName, first.TableDatabase,
                        first.TableComment, first.TableOwner, relation.OrderBy(r => r.ColumnIndex).ToList());
                    foreach (var (id, isSource) in owners) (isSource ? catalog.Sources : catalog.Nodes)[id] = table;
                }
            }
        }
        return catalog;
    }
}
