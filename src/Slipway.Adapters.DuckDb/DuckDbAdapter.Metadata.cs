using Slipway.Adapters.Catalog;
using Slipway.Adapters.Columns;

namespace Slipway.Adapters.DuckDb;

// DuckDB's own catalog functions where information_schema lacks something (comments, exact query types).
public sealed partial class DuckDbAdapter
{
    /// <summary>DESCRIBE gives DuckDB's exact types (e.g. <c>DECIMAL(18,3)</c>) without running the query.</summary>
    public override IReadOnlyList<Column> GetColumnSchemaFromQuery(string sql, CancellationToken cancellationToken = default)
    {
        var (_, t) = Run($"describe select * from (\n{sql}\n) as __dbt_sbq", true, cancellationToken);
        return t.Rows.Select(r => new Column((string)r[0]!, (string)r[1]!)).ToList();
    }

    public override IReadOnlyList<CatalogRow> GetCatalog(string database, IEnumerable<string> schemas, CancellationToken cancellationToken = default)
    {
        var rows = new List<CatalogRow>();
        foreach (var schema in schemas.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var (_, t) = Run($"""
                select c.database_name, c.schema_name, c.table_name,
                       case when v.view_name is null then 'BASE TABLE' else 'VIEW' end as table_type,
                       coalesce(tb.comment, v.comment) as table_comment,
                       c.column_name, c.column_index, c.data_type, c.comment as column_comment
                from duckdb_columns() c
                left join duckdb_tables() tb
                  on tb.database_name = c.database_name and tb.schema_name = c.schema_name and tb.table_name = c.table_name
                left join duckdb_views() v
                  on v.database_name = c.database_name and v.schema_name = c.schema_name and v.view_name = c.table_name
                where lower(c.database_name) = lower({Literal(database)}) and lower(c.schema_name) = lower({Literal(schema)})
                  and not c.internal
                order by c.table_name, c.column_index
                """, true, cancellationToken);
            foreach (var r in t.Rows)
                rows.Add(new CatalogRow((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, Comment(r[4]), null,
                    (string)r[5]!, (int)AsLong(r[6])!.Value, (string)r[7]!, Comment(r[8])));
        }
        return rows;
    }

    // DuckDB reports "no comment" as an empty string; catalog.json wants null.
    private static string? Comment(object? value) => value is string { Length: > 0 } s ? s : null;
}
