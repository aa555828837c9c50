using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

/// <summary>
/// The config every node starts from, per resource type, exactly as dbt's config dataclasses default it, so
/// a written manifest has the same keys dbt writes and <c>config.get(...)</c> sees the same values.
/// </summary>
internal static class ConfigDefaults
{
    private static OrderedDictionary<string, object?> Dict(params (string, object?)[] items)
    {
        var d = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in items) d[k] = v;
        return d;
    }

    private static OrderedDictionary<string, object?> Base(string materialized) => Dict(
        ("enabled", true), ("alias", null), ("schema", null), ("database", null), ("tags", new List<object?>()),
        ("meta", Dict()), ("group", null), ("materialized", materialized), ("incremental_strategy", null),
        ("batch_size", null), ("lookback", 1L), ("begin", null), ("persist_docs", Dict()), ("post-hook", new List<object?>()),
        ("pre-hook", new List<object?>()), ("quoting", Dict()), ("column_types", Dict()), ("full_refresh", null),
        ("unique_key", null), ("on_schema_change", "ignore"), ("on_configuration_change", "apply"), ("grants", Dict()),
        ("packages", new List<object?>()), ("docs", Dict(("show", true), ("node_color", null))),
        ("contract", Dict(("enforced", false), ("alias_types", true))), ("event_time", null), ("concurrent_batches", null));

    public static OrderedDictionary<string, object?> For(ResourceType type)
    {
        switch (type)
        {
            case ResourceType.Model:
                var model = Base("view");
                model["access"] = "protected";
                model["freshness"] = null;
                return model;
            case ResourceType.Seed:
                var seed = Base("seed");
                seed["delimiter"] = ",";
                seed["quote_columns"] = null;
                return seed;
            case ResourceType.Snapshot:
                var snapshot = Base("snapshot");
                foreach (var key in new[] { "strategy", "target_schema", "target_database", "updated_at", "check_cols" }) snapshot[key] = null;
                snapshot["snapshot_meta_column_names"] = Dict();
                snapshot["dbt_valid_to_current"] = null;
                return snapshot;
            case ResourceType.Test:
                return Dict(("enabled", true), ("alias", null), ("schema", "dbt_test__audit"), ("database", null),
                    ("tags", new List<object?>()), ("meta", Dict()), ("group", null), ("materialized", "test"),
                    ("severity", "ERROR"), ("store_failures", null), ("store_failures_as", null), ("where", null),
                    ("limit", null), ("fail_calc", "count(*)"), ("warn_if", "!= 0"), ("error_if", "!= 0"));
            case ResourceType.Source:
                return Dict(("enabled", true), ("event_time", null), ("freshness", null));
            case ResourceType.Exposure:
                return Dict(("enabled", true), ("tags", new List<object?>()), ("meta", Dict()));
            case ResourceType.Metric or ResourceType.SemanticModel:
                return Dict(("enabled", true), ("group", null), ("meta", Dict()));
            case ResourceType.SavedQuery:
                return Dict(("enabled", true), ("group", null), ("meta", Dict()), ("export_as", null), ("schema", null), ("cache", Dict(("enabled", false))));
            case ResourceType.UnitTest:
                return Dict(("tags", new List<object?>()), ("meta", Dict()), ("enabled", true));
            case ResourceType.Operation:
                var op = Base("view");
                return op;
            default:
                return Base("view");
        }
    }

    /// <summary>dbt stores hooks as <c>{sql, transaction, index}</c> objects whatever form they were written in.</summary>
    public static List<object?> NormaliseHooks(object? value)
    {
        var result = new List<object?>();
        foreach (var item in Project.ConfigMerge.Listify(value))
        {
            switch (item)
            {
                case string sql:
                    result.Add(Dict(("sql", sql), ("transaction", true), ("index", null)));
                    break;
                case IDictionary<string, object?> d:
                    result.Add(Dict(("sql", d.TryGetValue("sql", out var s) ? s : ""),
                        ("transaction", d.TryGetValue("transaction", out var t) ? t : true),
                        ("index", d.TryGetValue("index", out var i) ? i : null)));
                    break;
                // before_begin()/after_commit() in a config() call make a Jinja dict.
                case Slipway.Jinja.Values.PyDict pd:
                    result.Add(Dict(("sql", pd.TryGetValue("sql", out var ps) ? ps : ""),
                        ("transaction", pd.TryGetValue("transaction", out var pt) ? pt : true),
                        ("index", pd.TryGetValue("index", out var pi) ? pi : null)));
                    break;
                case null: break;
                default: result.Add(Dict(("sql", item.ToString()), ("transaction", true), ("index", null))); break;
            }
        }
        return result;
    }
}
