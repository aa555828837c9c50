using Slipway.Adapters.Catalog;
using Slipway.Adapters.Columns;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters;

// Relations, schemas, the cache and DDL. The SQL is information_schema's, which DuckDB and Postgres share;
// a warehouse overrides only what it does differently.
public abstract partial class AdapterBase
{
    public Relation CreateRelation(string? database, string? schema, string? identifier, RelationType? type = null) =>
        new(database, schema, identifier, type, Quoting, Policy.All, QuoteCharacter, MaxNameLength);

    /// <summary>The longest identifier in bytes the warehouse keeps; longer typed relation names are an error. Null: unlimited.</summary>
    protected virtual int? MaxNameLength => null;

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    public void PopulateCache(IEnumerable<(string Database, string Schema)> schemas, CancellationToken cancellationToken = default)
    {
        foreach (var (db, schema) in schemas.Distinct())
        {
            if (Cache.IsCached(db, schema)) continue;
            Cache.SetSchema(db, schema, ListRelationsWithoutCaching(db, schema, cancellationToken));
        }
    }

    /// <summary>dbt's <c>adapter.get_relation</c>: answered from the cache; a schema not seen yet is listed once.</summary>
    public Relation? GetRelation(string? database, string? schema, string identifier)
    {
        database ??= Database;
        schema ??= Schema;
        if (!Cache.IsCached(database, schema))
            Cache.SetSchema(database, schema, ListRelationsWithoutCaching(database, schema));
        return Cache.Get(database, schema, identifier);
    }

    public void CacheAdded(Relation relation) => Cache.Add(relation);
    public void CacheDropped(Relation relation) => Cache.Drop(relation);
    public void CacheRenamed(Relation from, Relation to) => Cache.Rename(from, to);

    public virtual IReadOnlyList<string> ListSchemas(string database, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"select schema_name from information_schema.schemata where lower(catalog_name) = lower({Literal(database)}) order by 1", true, cancellationToken);
        return t.Rows.Select(r => (string)r[0]!).ToList();
    }

    public virtual bool CheckSchemaExists(string database, string schema, CancellationToken cancellationToken = default) =>
        ListSchemas(database, cancellationToken).Any(s => s.Equals(schema, StringComparison.OrdinalIgnoreCase));

    public virtual IReadOnlyList<Relation> ListRelationsWithoutCaching(string database, string schema, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"""
            select table_catalog, table_schema, table_name, table_type from information_schema.tables
            where lower(table_catalog) = lower({Literal(database)}) and lower(table_schema) = lower({Literal(schema)})
            """, true, cancellationToken);
        return t.Rows.Select(r => CreateRelation((string)r[0]!, (string)r[1]!, (string)r[2]!, ParseTableType((string?)r[3]))).ToList();
    }

    /// <summary>information_schema's table_type as a dbt relation type.</summary>
    protected static RelationType ParseTableType(string? tableType) => tableType?.ToUpperInvariant() switch
    {
        "VIEW" => RelationType.View,
        "MATERIALIZED VIEW" => RelationType.MaterializedView,
        _ => RelationType.Table,
    };

    public virtual IReadOnlyList<Column> GetColumnsInRelation(Relation relation, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"""
            select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
            from information_schema.columns
            where lower(table_catalog) = lower({Literal(relation.Database ?? Database)})
              and lower(table_schema) = lower({Literal(relation.Schema ?? Schema)})
              and lower(table_name) = lower({Literal(relation.Identifier ?? "")})
            order by ordinal_position
            """, true, cancellationToken);
        return t.Rows.Select(r => new Column((string)r[0]!, (string)r[1]!, AsLong(r[2]), AsLong(r[3]), AsLong(r[4]))).ToList();
    }

    protected static long? AsLong(object? v) => v switch { null => null, long l => l, int i => i, double d => (long)d, _ => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>The columns a query would return, without running it for its rows.</summary>
    public virtual IReadOnlyList<Column> GetColumnSchemaFromQuery(string sql, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"select * from (\n{sql}\n) as __dbt_sbq where false limit 0", true, cancellationToken);
        return t.ColumnNames.Select((n, i) => new Column(n, t.ColumnTypes[i])).ToList();
    }

    public virtual void CreateSchema(Relation schemaRelation, CancellationToken cancellationToken = default)
    {
        // "if not exists" may find a schema full of relations, so this does not count as a listing of it;
        // the first lookup lists it once.
        Run($"create schema if not exists {schemaRelation.WithoutIdentifier().Render()}", false, cancellationToken);
    }

    public virtual void DropSchema(Relation schemaRelation, CancellationToken cancellationToken = default)
    {
        Run($"drop schema if exists {schemaRelation.WithoutIdentifier().Render()} cascade", false, cancellationToken);
        Cache.DropSchema(schemaRelation.Database ?? Database, schemaRelation.Schema);
    }

    public virtual void DropRelation(Relation relation, CancellationToken cancellationToken = default)
    {
        var type = relation.Type ?? GetRelation(relation.Database, relation.Schema, relation.Identifier!)?.Type;
        if (type is null) return;
        Run($"drop {DdlKeyword(type.Value)} if exists {relation.Render()} cascade", false, cancellationToken);
        Cache.Drop(relation);
    }

    /// <summary>
    /// dbt's <c>expand_target_column_types</c>: widens the target's sized string columns to fit the source's
    /// (an incremental model's new rows). Warehouses without sized strings need nothing.
    /// </summary>
    public virtual void ExpandTargetColumnTypes(Relation from, Relation to, CancellationToken cancellationToken = default)
    {
    }

    public virtual void TruncateRelation(Relation relation, CancellationToken cancellationToken = default) =>
        Run($"truncate table {relation.Render()}", false, cancellationToken);

    public virtual void RenameRelation(Relation from, Relation to, CancellationToken cancellationToken = default)
    {
        var type = from.Type ?? GetRelation(from.Database, from.Schema, from.Identifier!)?.Type ?? RelationType.Table;
        Run($"alter {DdlKeyword(type)} {from.Render()} rename to {QuoteIfConfigured(to.Identifier!, Quoting.Identifier)}", false, cancellationToken);
        Cache.Rename(from.Incorporate(type: type), to.Incorporate(type: to.Type ?? type));
    }

    protected static string DdlKeyword(RelationType type) => type switch
    {
        RelationType.View => "view",
        RelationType.MaterializedView => "materialized view",
        _ => "table",
    };

    public string Quote(string identifier) => Relation.QuoteIdentifier(identifier, QuoteCharacter);

    private string QuoteIfConfigured(string identifier, bool quote) => quote ? Quote(identifier) : identifier;

    /// <summary>dbt's <c>quote_seed_column</c>: quoted unless the seed's <c>quote_columns</c> is false.</summary>
    public virtual string QuoteSeedColumn(string column, bool? quoteConfig) => quoteConfig ?? true ? Quote(column) : column;

    public virtual string ConvertType(SeedColumn column) => column.Kind switch
    {
        SeedValueKind.Integer => "integer",
        SeedValueKind.Number => column.HasDecimals ? "float8" : "integer",
        SeedValueKind.Date => "date",
        SeedValueKind.DateTime or SeedValueKind.IsoDateTime => "timestamp without time zone",
        SeedValueKind.Boolean => "boolean",
        _ => "text",
    };

    public abstract IReadOnlyList<CatalogRow> GetCatalog(string database, IEnumerable<string> schemas, CancellationToken cancellationToken = default);

    public abstract AdapterResponse LoadSeed(Relation relation, SeedTable table, SeedLoadOptions options, CancellationToken cancellationToken = default);

    /// <summary>The column list of a seed's <c>create table</c>: overrides from <c>column_types</c>, else dbt's inferred type.</summary>
    protected IReadOnlyList<(string Name, string Sql, string Type, bool Overridden)> SeedColumns(SeedTable table, SeedLoadOptions options) =>
        table.Columns.Select(c =>
        {
            var overridden = options.ColumnTypes is not null && options.ColumnTypes.TryGetValue(c.Name, out var t);
            var type = overridden ? options.ColumnTypes![c.Name] : ConvertType(c);
            return (c.Name, QuoteSeedColumn(c.Name, options.QuoteColumns), type, overridden);
        }).ToList();
}
