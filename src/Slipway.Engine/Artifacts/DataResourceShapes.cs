using System.Globalization;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Artifacts;

/// <summary>
/// Metrics, semantic models, saved queries and unit tests are kept as the YAML they came from; the manifest
/// schema wants dbt's normalised shapes (a metric's <c>measure: x</c> is <c>{"name": "x"}</c>, …). This turns
/// the YAML into those shapes, keeping what fits and dropping what the schema would reject, so a project with
/// semantic-layer YAML always parses and always writes a valid manifest.
/// </summary>
internal static class DataResourceShapes
{
    private static readonly HashSet<string> MetricTypes = ["simple", "ratio", "cumulative", "derived", "conversion"];
    private static readonly HashSet<string> EntityTypes = ["foreign", "natural", "primary", "unique"];
    private static readonly HashSet<string> Aggregations = ["sum", "min", "max", "count_distinct", "sum_boolean", "average", "percentile", "median", "count"];
    private static readonly HashSet<string> DimensionTypes = ["categorical", "time"];

    private static OrderedDictionary<string, object?> D(params (string, object?)[] items)
    {
        var d = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in items) d[k] = v;
        return d;
    }

    private static string? S(IDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is not null and not IDictionary<string, object?> and not IList<object?> ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static IEnumerable<IDictionary<string, object?>> Items(IDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is IList<object?> l ? l.OfType<IDictionary<string, object?>>() : [];

    private static List<object?> Strings(IDictionary<string, object?> d, string key) => d.TryGetValue(key, out var v) ? v switch
    {
        string s => [s],
        IList<object?> l => l.Where(x => x is not null and not IDictionary<string, object?>).Select(x => (object?)Convert.ToString(x, CultureInfo.InvariantCulture)).ToList(),
        _ => [],
    } : [];

    /// <summary>The schema-shaped body (everything after the identity fields) of a data resource.</summary>
    public static OrderedDictionary<string, object?> Shape(DataResource r) => r.ResourceType switch
    {
        ResourceType.Metric => Metric(r),
        ResourceType.SemanticModel => SemanticModel(r),
        ResourceType.SavedQuery => SavedQuery(r),
        _ => UnitTest(r),
    };

    private static OrderedDictionary<string, object?> Metric(DataResource r)
    {
        var p = r.Properties;
        var type = S(p, "type")?.ToLowerInvariant();
        var typeParams = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (p.TryGetValue("type_params", out var tp) && tp is IDictionary<string, object?> t)
        {
            foreach (var key in new[] { "measure", "numerator", "denominator" })
                if (t.TryGetValue(key, out var v) && NameRef(v) is { } named) typeParams[key] = named;
            if (S(t, "expr") is { } expr) typeParams["expr"] = expr;
            if (t.TryGetValue("metrics", out var ms) && ms is IList<object?> list)
                typeParams["metrics"] = list.Select(NameRef).Where(x => x is not null).Cast<object?>().ToList();
        }
        return D(("description", S(p, "description") ?? ""), ("label", S(p, "label") ?? r.Name),
            ("type", type is not null && MetricTypes.Contains(type) ? type : "simple"), ("type_params", typeParams),
            ("filter", null), ("metadata", null), ("time_granularity", S(p, "time_granularity")),
            ("meta", r.Meta), ("tags", r.Tags), ("sources", new List<object?>()), ("metrics", new List<object?>()));
    }

    private static OrderedDictionary<string, object?>? NameRef(object? value) => value switch
    {
        string s => D(("name", s)),
        IDictionary<string, object?> d when S(d, "name") is { } n => D(("name", n)),
        _ => null,
    };

    private static OrderedDictionary<string, object?> SemanticModel(DataResource r)
    {
        var p = r.Properties;
        var entities = Items(p, "entities").Where(e => S(e, "name") is not null && S(e, "type") is { } t && EntityTypes.Contains(t))
            .Select(e => (object?)WithOptional(D(("name", S(e, "name")), ("type", S(e, "type"))), e, "description", "expr")).ToList();
        var measures = Items(p, "measures").Where(m => S(m, "name") is not null && S(m, "agg") is { } a && Aggregations.Contains(a))
            .Select(m => (object?)WithOptional(D(("name", S(m, "name")), ("agg", S(m, "agg"))), m, "description", "expr")).ToList();
        var dimensions = new List<object?>();
        foreach (var dim in Items(p, "dimensions"))
        {
            if (S(dim, "name") is not { } name || S(dim, "type") is not { } type || !DimensionTypes.Contains(type)) continue;
            var shaped = WithOptional(D(("name", name), ("type", type)), dim, "description", "expr");
            if (dim.TryGetValue("type_params", out var tp) && tp is IDictionary<string, object?> t && S(t, "time_granularity") is { } g)
                shaped["type_params"] = D(("time_granularity", g));
            dimensions.Add(shaped);
        }
        var defaults = p.TryGetValue("defaults", out var dv) && dv is IDictionary<string, object?> dd ? D(("agg_time_dimension", S(dd, "agg_time_dimension"))) : null;
        return D(("model", S(p, "model") ?? ""), ("node_relation", r.NodeRelation), ("description", S(p, "description")),
            ("label", S(p, "label")), ("defaults", defaults), ("entities", entities), ("measures", measures), ("dimensions", dimensions),
            ("metadata", null), ("primary_entity", S(p, "primary_entity")));
    }

    private static OrderedDictionary<string, object?> WithOptional(OrderedDictionary<string, object?> d, IDictionary<string, object?> from, params string[] keys)
    {
        foreach (var k in keys) if (S(from, k) is { } v) d[k] = v;
        return d;
    }

    private static OrderedDictionary<string, object?> SavedQuery(DataResource r)
    {
        var p = r.Properties;
        var qp = p.TryGetValue("query_params", out var q) && q is IDictionary<string, object?> qd ? qd : new Dictionary<string, object?>();
        var where = Strings(qp, "where");
        var queryParams = D(("metrics", Strings(qp, "metrics")), ("group_by", Strings(qp, "group_by")),
            ("where", where.Count == 0 ? null : D(("where_filters", where.Select(w => (object?)D(("where_sql_template", w))).ToList()))));
        var exports = Items(p, "exports").Where(e => S(e, "name") is not null).Select(e =>
        {
            var config = e.TryGetValue("config", out var c) && c is IDictionary<string, object?> cd ? cd : new Dictionary<string, object?>();
            return (object?)D(("name", S(e, "name")), ("config", D(("export_as", S(config, "export_as") is "view" ? "view" : "table"))));
        }).ToList();
        return D(("query_params", queryParams), ("exports", exports), ("description", S(p, "description")), ("label", S(p, "label")),
            ("metadata", null), ("tags", r.Tags));
    }

    private static OrderedDictionary<string, object?> UnitTest(DataResource r)
    {
        var p = r.Properties;
        var given = Items(p, "given").Where(g => S(g, "input") is not null).Select(g =>
        {
            var d = D(("input", S(g, "input")));
            if (g.TryGetValue("rows", out var rows) && rows is string or IList<object?>) d["rows"] = rows;
            if (S(g, "format") is { } f && f is "dict" or "csv" or "sql") d["format"] = f;
            if (S(g, "fixture") is { } fx) d["fixture"] = fx;
            return (object?)d;
        }).ToList();
        var expect = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (p.TryGetValue("expect", out var e) && e is IDictionary<string, object?> ed)
        {
            if (ed.TryGetValue("rows", out var rows) && rows is string or IList<object?>) expect["rows"] = rows;
            if (S(ed, "format") is { } f && f is "dict" or "csv" or "sql") expect["format"] = f;
            if (S(ed, "fixture") is { } fx) expect["fixture"] = fx;
        }
        // overrides: dbt writes all three sections (empty when not given); the unit-test runner reads them back.
        var o = p.TryGetValue("overrides", out var ov) && ov is IDictionary<string, object?> od ? od : null;
        object? Section(string key) => o is not null && o.TryGetValue(key, out var v) && v is IDictionary<string, object?> d ? d : D();
        var overrides = o is null ? null : D(("macros", Section("macros")), ("vars", Section("vars")), ("env_vars", Section("env_vars")));
        return D(("model", S(p, "model") ?? ""), ("given", given), ("expect", expect), ("description", S(p, "description") ?? ""),
            ("overrides", overrides), ("schema", r.Schema), ("version", S(p, "version")), ("checksum", null));
    }
}
