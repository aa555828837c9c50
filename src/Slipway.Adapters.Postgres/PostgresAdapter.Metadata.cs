using Slipway.Adapters.Catalog;
using Slipway.Adapters.Columns;
using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Postgres;

// Metadata from pg_catalog, which (unlike information_schema) lists every object whatever the user's privileges on
// it, and names as stored: a quoted part keeps its case, an unquoted one folds to lower case.
public sealed partial class PostgresAdapter
{
    private string Stored(string? part, bool quoted) => Cache.StoredName(part, quoted);

    public override IReadOnlyList<string> ListSchemas(string database, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run("select nspname from pg_namespace order by 1", true, cancellationToken);
        return t.Rows.Select(r => (string)r[0]!).ToList();
    }

    /// <summary>Exact on the stored name: a quoted "Analytics" is not the unquoted analytics.</summary>
    public override bool CheckSchemaExists(string database, string schema, CancellationToken cancellationToken = default) =>
        ListSchemas(database, cancellationToken).Contains(Stored(schema, Quoting.Schema), StringComparer.Ordinal);

    public override IReadOnlyList<Relation> ListRelationsWithoutCaching(string database, string schema, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"""
            select c.relname, c.relkind
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = {Literal(Stored(schema, Quoting.Schema))} and c.relkind in ('r', 'p', 'f', 'v', 'm')
            """, true, cancellationToken);
        var storedSchema = Stored(schema, Quoting.Schema);
        // Listed names are the stored ones, so they are always rendered quoted (as dbt-postgres's listing does).
        return t.Rows.Select(r => new Relation(database, storedSchema, (string)r[0]!, RelKind(r[1]), Policy.All, Policy.All, '"')).ToList();
    }

    private static RelationType RelKind(object? kind) => kind?.ToString() switch
    {
        "v" => RelationType.View,
        "m" => RelationType.MaterializedView,
        _ => RelationType.Table,
    };

    /// <summary>
    /// The relation is resolved by the server (<c>to_regclass</c>), so quoting, case and temp tables (no schema)
    /// behave exactly as in SQL; types and sizes come from information_schema as dbt-postgres reads them.
    /// </summary>
    public override IReadOnlyList<Column> GetColumnsInRelation(Relation relation, CancellationToken cancellationToken = default)
    {
        var name = relation.Include(database: false).Render();
        var (_, t) = Run($"""
            select a.attname, coalesce(c.data_type, format_type(a.atttypid, a.atttypmod)),
                   c.character_maximum_length, c.numeric_precision, c.numeric_scale
            from pg_attribute a
            join pg_class cl on cl.oid = a.attrelid
            join pg_namespace n on n.oid = cl.relnamespace
            left join information_schema.columns c
              on c.table_schema = n.nspname and c.table_name = cl.relname and c.column_name = a.attname
            where a.attrelid = to_regclass({Literal(name)}) and a.attnum > 0 and not a.attisdropped
            order by a.attnum
            """, true, cancellationToken);
        return t.Rows.Select(r => new Column((string)r[0]!, (string)r[1]!, AsLong(r[2]), AsLong(r[3]), AsLong(r[4]))).ToList();
    }

    /// <summary>
    /// Drops with <c>cascade</c> as dbt-postgres does; views that depended on the relation (at any depth, in any
    /// schema) go with it, so they leave the cache too.
    /// </summary>
    public override void DropRelation(Relation relation, CancellationToken cancellationToken = default)
    {
        var type = relation.Type ?? GetRelation(relation.Database, relation.Schema, relation.Identifier!)?.Type;
        if (type is null) return;
        var dependents = DependentViews($"(select to_regclass({Literal(relation.Include(database: false).Render())})::oid)", cancellationToken);
        base.DropRelation(relation.Incorporate(type: type), cancellationToken);
        foreach (var d in dependents) Cache.Drop(d);
    }

    // A schema name has no database part in PostgreSQL DDL (the connection's database is the only one).
    private static string SchemaName(Relation schemaRelation) => schemaRelation.Include(database: false, identifier: false).Render();

    public override void CreateSchema(Relation schemaRelation, CancellationToken cancellationToken = default) =>
        Run($"create schema if not exists {SchemaName(schemaRelation)}", false, cancellationToken);

    /// <summary>Drops the schema with <c>cascade</c>; views elsewhere that read its relations go too, and leave the cache.</summary>
    public override void DropSchema(Relation schemaRelation, CancellationToken cancellationToken = default)
    {
        var schema = Stored(schemaRelation.Schema, schemaRelation.QuotePolicy.Schema);
        var dependents = DependentViews($"""
            (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = {Literal(schema)})
            """, cancellationToken);
        Run($"drop schema if exists {SchemaName(schemaRelation)} cascade", false, cancellationToken);
        Cache.DropSchema(schemaRelation.Database ?? Database, schemaRelation.Schema);
        foreach (var d in dependents) Cache.Drop(d);
    }

    /// <summary>Views (plain and materialized) whose definition reads one of <paramref name="roots"/> (a parenthesized oid query), transitively.</summary>
    private List<Relation> DependentViews(string roots, CancellationToken cancellationToken)
    {
        var (_, t) = Run($"""
            with recursive deps(oid) as (
                select r.ev_class from pg_depend d join pg_rewrite r on r.oid = d.objid
                where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
                  and d.refobjid in {roots} and r.ev_class <> d.refobjid
                union
                select r.ev_class from deps join pg_depend d on d.refobjid = deps.oid join pg_rewrite r on r.oid = d.objid
                where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass and r.ev_class <> d.refobjid
            )
            select n.nspname, c.relname, c.relkind from deps join pg_class c on c.oid = deps.oid join pg_namespace n on n.oid = c.relnamespace
            """, true, cancellationToken);
        return t.Rows.Select(r => new Relation(Database, (string)r[0]!, (string)r[1]!, RelKind(r[2]), Policy.All, Policy.All, '"')).ToList();
    }

    /// <summary>
    /// dbt's <c>expand_target_column_types</c>: a sized <c>character varying</c> column of the target that is
    /// narrower than the same column of the source is widened, so new rows fit. PostgreSQL widens a varchar
    /// in place (no rewrite, position kept), so this is <c>alter column … type</c> rather than dbt's
    /// add/copy/drop/rename; unbounded text columns are left alone (dbt would treat them as 256 wide).
    /// </summary>
    public override void ExpandTargetColumnTypes(Relation from, Relation to, CancellationToken cancellationToken = default)
    {
        var source = GetColumnsInRelation(from, cancellationToken).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var target in GetColumnsInRelation(to, cancellationToken))
        {
            if (!source.TryGetValue(target.Name, out var reference) || target.CharSize is null || !target.CanExpandTo(reference)) continue;
            var type = reference.CharSize is { } size ? $"character varying({size})" : "text";
            Run($"alter table {to.Render()} alter column {Quote(target.Name)} type {type}", false, cancellationToken);
        }
    }

    /// <summary>One query per schema, as dbt-postgres's catalog: every column of every table and view, with comments and owner.</summary>
    public override IReadOnlyList<CatalogRow> GetCatalog(string database, IEnumerable<string> schemas, CancellationToken cancellationToken = default)
    {
        var rows = new List<CatalogRow>();
        foreach (var schema in schemas.Select(s => Stored(s, Quoting.Schema)).Distinct(StringComparer.Ordinal))
        {
            var (_, t) = Run($"""
                select n.nspname, c.relname,
                       case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' else 'BASE TABLE' end,
                       obj_description(c.oid, 'pg_class'), pg_get_userbyid(c.relowner),
                       a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), col_description(c.oid, a.attnum)
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid
                where n.nspname = {Literal(schema)} and c.relkind in ('r', 'p', 'f', 'v', 'm')
                  and a.attnum > 0 and not a.attisdropped
                order by c.relname, a.attnum
                """, true, cancellationToken);
            foreach (var r in t.Rows)
                rows.Add(new CatalogRow(database, (string)r[0]!, (string)r[1]!, (string)r[2]!, r[3] as string, r[4] as string,
                    (string)r[5]!, (int)AsLong(r[6])!.Value, (string)r[7]!, r[8] as string));
        }
        return rows;
    }
}
