using Slipway.Adapters.Columns;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters;

// The adapter.* methods templates call. dbt routes some of them through macros (drop_relation, rename_relation);
// here they run the adapter's own SQL, which is what those macros emit for DuckDB and Postgres.
public abstract partial class AdapterBase
{
    /// <summary>The placeholder the seed macros bind values with (dbt's <c>get_binding_char()</c>).</summary>
    protected virtual string BindingChar => "%s";

    public virtual bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "type" => Fn(name, _ => Type),
            "Relation" => new RelationFactory(this),
            "Column" => ColumnFactory.Instance,
            "execute" => Fn(name, a =>
            {
                var (response, table) = Execute(Sql(a, 0, "sql"), JinjaArgs.Bool(a, 1, "auto_begin") ?? false, JinjaArgs.Bool(a, 2, "fetch") ?? false);
                if (JinjaArgs.Long(a, 3, "limit") is { } limit && limit >= 0 && table.Rows.Count > limit)
                    table = new ResultTable(table.ColumnNames, table.ColumnTypes, table.Rows.Take((int)limit).ToList());
                return new PyTuple([response, table]);
            }),
            "add_query" => Fn(name, a =>
            {
                AddQuery(Sql(a, 0, "sql"), JinjaArgs.Bool(a, 1, "auto_begin") ?? true);
                return new PyTuple([null, null]);
            }),
            "commit" => Fn(name, _ => { Commit(); return null; }),
            "begin" => Fn(name, _ => { Begin(); return null; }),
            "rollback" => Fn(name, _ => { Rollback(); return null; }),
            "get_relation" => Fn(name, a => GetRelation(JinjaArgs.String(a, 0, "database"), JinjaArgs.String(a, 1, "schema"),
                JinjaArgs.String(a, 2, "identifier") ?? throw new AdapterException("get_relation() needs an identifier."))),
            "get_columns_in_relation" => Fn(name, a => ToList(GetColumnsInRelation(Rel(a, 0, "relation")))),
            "get_column_schema_from_query" => Fn(name, a => ToList(GetColumnSchemaFromQuery(Sql(a, 0, "sql")))),
            "get_missing_columns" => Fn(name, a =>
            {
                var target = GetColumnsInRelation(Rel(a, 1, "to_relation")).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return ToList(GetColumnsInRelation(Rel(a, 0, "from_relation")).Where(c => !target.Contains(c.Name)));
            }),
            "expand_target_column_types" => Fn(name, a => { ExpandTargetColumnTypes(Rel(a, 0, "from_relation"), Rel(a, 1, "to_relation")); return null; }),
            "drop_relation" => Fn(name, a => { DropRelation(Rel(a, 0, "relation")); return null; }),
            "truncate_relation" => Fn(name, a => { TruncateRelation(Rel(a, 0, "relation")); return null; }),
            "rename_relation" => Fn(name, a => { RenameRelation(Rel(a, 0, "from_relation"), Rel(a, 1, "to_relation")); return null; }),
            "create_schema" => Fn(name, a => { CreateSchema(Rel(a, 0, "relation")); return null; }),
            "drop_schema" => Fn(name, a => { DropSchema(Rel(a, 0, "relation")); return null; }),
            "list_schemas" => Fn(name, a => ListSchemas(JinjaArgs.String(a, 0, "database") ?? Database).Cast<object?>().ToList()),
            "check_schema_exists" => Fn(name, a => CheckSchemaExists(JinjaArgs.String(a, 0, "database") ?? Database, JinjaArgs.String(a, 1, "schema") ?? Schema)),
            "list_relations_without_caching" => Fn(name, a =>
            {
                var s = Rel(a, 0, "schema_relation");
                return ToList(ListRelationsWithoutCaching(s.Database ?? Database, s.Schema ?? Schema));
            }),
            "cache_added" => Fn(name, a => { CacheAdded(Rel(a, 0, "relation")); return ""; }),
            "cache_dropped" => Fn(name, a => { CacheDropped(Rel(a, 0, "relation")); return ""; }),
            "cache_renamed" => Fn(name, a => { CacheRenamed(Rel(a, 0, "from_relation"), Rel(a, 1, "to_relation")); return ""; }),
            "quote" => Fn(name, a => Quote(JinjaArgs.String(a, 0, "identifier") ?? "")),
            "quote_as_configured" => Fn(name, a =>
            {
                var id = JinjaArgs.String(a, 0, "identifier") ?? "";
                var quote = (JinjaArgs.String(a, 1, "quote_key") ?? "identifier") switch
                {
                    "database" => Quoting.Database,
                    "schema" => Quoting.Schema,
                    _ => Quoting.Identifier,
                };
                return QuoteIfConfigured(id, quote);
            }),
            "quote_seed_column" => Fn(name, a => QuoteSeedColumn(JinjaArgs.String(a, 0, "column") ?? "", JinjaArgs.Bool(a, 1, "quote_config"))),
            "get_binding_char" => Fn(name, _ => BindingChar),
            "valid_incremental_strategies" => Fn(name, _ => ValidIncrementalStrategies.Cast<object?>().ToList()),
            "load_seed" => Fn(name, a =>
            {
                var table = a.Get(1, "agate_table") as Seeds.SeedTable ?? throw new AdapterException("load_seed() needs the seed's table (load_agate_table()).");
                var types = a.Get(2, "column_types") switch
                {
                    IDictionary<string, object?> d => d.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? ""),
                    PyDict d => d.ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value?.ToString() ?? ""),
                    _ => null,
                };
                return LoadSeed(Rel(a, 0, "relation"), table, new SeedLoadOptions(types, JinjaArgs.Bool(a, 3, "quote_columns"), JinjaArgs.Bool(a, 4, "create") ?? true));
            }),
            "standardize_grants_dict" => Fn(name, a => StandardizeGrants(a.Get(0, "grants_table") as ResultTable)),
            _ => null,
        };
        return value is not null;
    }

    private static JinjaFunction Fn(string name, Func<Arguments, object?> body) => new(name, body);

    private static List<object?> ToList<T>(IEnumerable<T> items) => items.Cast<object?>().ToList();

    private static string Sql(Arguments a, int index, string name) =>
        JinjaArgs.String(a, index, name) ?? throw new AdapterException($"{name} is required.");

    private static Relation Rel(Arguments a, int index, string name) =>
        a.Get(index, name) as Relation
        ?? throw new AdapterException($"'{name}' must be a Relation, got {Slipway.Jinja.Values.Py.TypeName(a.Get(index, name))}.");

    /// <summary>dbt's shape for grants read back from the warehouse: privilege → list of grantees.</summary>
    private static Dictionary<string, object?> StandardizeGrants(ResultTable? table)
    {
        var result = new Dictionary<string, object?>();
        if (table is null) return result;
        var grantee = table.ColumnNames.ToList().FindIndex(n => n.Equals("grantee", StringComparison.OrdinalIgnoreCase));
        var privilege = table.ColumnNames.ToList().FindIndex(n => n.Equals("privilege_type", StringComparison.OrdinalIgnoreCase));
        if (grantee < 0 || privilege < 0) return result;
        foreach (var row in table.Rows)
        {
            var p = row[privilege]?.ToString()?.ToLowerInvariant() ?? "";
            if (!result.TryGetValue(p, out var list)) result[p] = list = new List<object?>();
            ((List<object?>)list!).Add(row[grantee]?.ToString()?.ToLowerInvariant());
        }
        return result;
    }

    public override string ToString() => $"<{Type} adapter for target '{TargetInfo.Name}'>";
}
