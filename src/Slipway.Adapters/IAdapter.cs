using Slipway.Adapters.Catalog;
using Slipway.Adapters.Columns;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Adapters.Seeds;
using Slipway.Jinja;

namespace Slipway.Adapters;

/// <summary>
/// One warehouse connection target (a profile's target), as dbt's adapter: runs SQL on one connection per
/// thread, knows which relations exist (a cache filled by listing each schema once) and does the DDL dbt's
/// macros ask of <c>adapter</c>. As an <see cref="IJinjaObject"/> it answers the <c>adapter.*</c> methods
/// that need no macro engine; the engine adds <c>dispatch</c>, <c>config</c> and the like on top.
/// </summary>
public interface IAdapter : IJinjaObject, IDisposable
{
    /// <summary>The profile's <c>type</c>, e.g. <c>duckdb</c>; <c>adapter.type()</c> and dispatch prefixes use it.</summary>
    string Type { get; }
    /// <summary>The target's database (DuckDB: the file's stem).</summary>
    string Database { get; }
    string Schema { get; }
    int Threads { get; }
    /// <summary>The target as templates see <c>target</c>: every profile key except secrets, plus name, type, database, schema, threads.</summary>
    IReadOnlyDictionary<string, object?> Target { get; }
    /// <summary>The project's <c>quoting:</c> policy; relations made by the adapter use it.</summary>
    Policy Quoting { get; set; }
    IReadOnlyList<string> ValidIncrementalStrategies { get; }

    // Statements. Each runs on the calling thread's connection.
    (AdapterResponse Response, ResultTable Table) Execute(string sql, bool autoBegin = false, bool fetch = false, CancellationToken cancellationToken = default);
    AdapterResponse AddQuery(string sql, bool autoBegin = true, CancellationToken cancellationToken = default);
    void Begin();
    void Commit();
    void Rollback();
    /// <summary>Closes this thread's connection (dbt's release at the end of a node).</summary>
    void ReleaseConnection();
    /// <summary>Interrupts every running query on every thread; returns how many were interrupted.</summary>
    int CancelOpenConnections();

    // Relations and the cache.
    Relation CreateRelation(string? database, string? schema, string? identifier, RelationType? type = null);
    /// <summary>Lists each (database, schema) once into the cache; later lookups run no query.</summary>
    void PopulateCache(IEnumerable<(string Database, string Schema)> schemas, CancellationToken cancellationToken = default);
    Relation? GetRelation(string? database, string? schema, string identifier);
    void CacheAdded(Relation relation);
    void CacheDropped(Relation relation);
    void CacheRenamed(Relation from, Relation to);
    IReadOnlyList<string> ListSchemas(string database, CancellationToken cancellationToken = default);
    bool CheckSchemaExists(string database, string schema, CancellationToken cancellationToken = default);
    IReadOnlyList<Relation> ListRelationsWithoutCaching(string database, string schema, CancellationToken cancellationToken = default);
    IReadOnlyList<Column> GetColumnsInRelation(Relation relation, CancellationToken cancellationToken = default);
    IReadOnlyList<Column> GetColumnSchemaFromQuery(string sql, CancellationToken cancellationToken = default);

    // DDL; each keeps the cache current.
    void CreateSchema(Relation schemaRelation, CancellationToken cancellationToken = default);
    void DropSchema(Relation schemaRelation, CancellationToken cancellationToken = default);
    void DropRelation(Relation relation, CancellationToken cancellationToken = default);
    void TruncateRelation(Relation relation, CancellationToken cancellationToken = default);
    void RenameRelation(Relation from, Relation to, CancellationToken cancellationToken = default);
    /// <summary>dbt's <c>expand_target_column_types</c>: widens sized string columns of <paramref name="to"/> to fit <paramref name="from"/>.</summary>
    void ExpandTargetColumnTypes(Relation from, Relation to, CancellationToken cancellationToken = default);

    // Quoting and types.
    string Quote(string identifier);
    string QuoteSeedColumn(string column, bool? quoteConfig);
    /// <summary>The SQL type dbt gives an inferred seed column: text, integer, float8, boolean, date, timestamp without time zone.</summary>
    string ConvertType(SeedColumn column);

    /// <summary>One query per schema: every column of every relation, for <c>catalog.json</c>.</summary>
    IReadOnlyList<CatalogRow> GetCatalog(string database, IEnumerable<string> schemas, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads a seed in bulk (not row by row). With <see cref="SeedLoadOptions.Create"/> the table is (re)created
    /// from the inferred or overridden types; otherwise rows are appended to the existing table.
    /// </summary>
    AdapterResponse LoadSeed(Relation relation, SeedTable table, SeedLoadOptions options, CancellationToken cancellationToken = default);
}

/// <summary>A seed's load settings from its config: <c>column_types</c>, <c>quote_columns</c>, and whether to create the table.</summary>
public sealed record SeedLoadOptions(IReadOnlyDictionary<string, string>? ColumnTypes = null, bool? QuoteColumns = null, bool Create = true);
