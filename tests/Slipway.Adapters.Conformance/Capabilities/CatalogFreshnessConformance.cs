using System.Text.Json;
using Slipway.Adapters.Columns;

namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>`docs generate` (catalog.json from the warehouse's metadata) and `source freshness` (sources.json).</summary>
public abstract class CatalogFreshnessConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    [Fact]
    public void Docs_generate_describes_models_seeds_and_sources()
    {
        Project(new Dictionary<string, string>
        {
            ["seeds/people.csv"] = "id,name\n1,ann\n",
            ["models/wide.sql"] = "{{ config(materialized='table') }}\nselect id, name, cast(1.5 as numeric(10,2)) as amount from {{ ref('people') }}",
            ["models/narrow.sql"] = "select id from {{ ref('wide') }}",
            ["models/sources.yml"] = "version: 2\nsources:\n  - name: raw\n    schema: \"{{ target.schema }}\"\n    tables:\n      - name: landed\n",
        });
        Ok("build");
        Exec($"create table {Q("landed")} (event_id bigint, payload varchar(20))");
        Ok("docs generate");
        using var catalog = Artifact("catalog.json");
        var nodes = catalog.RootElement.GetProperty("nodes");
        Assert.Equal(["model.conformance.narrow", "model.conformance.wide", "seed.conformance.people"],
            nodes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var wide = nodes.GetProperty("model.conformance.wide");
        Assert.Equal("BASE TABLE", wide.GetProperty("metadata").GetProperty("type").GetString());
        Assert.Equal(Schema, wide.GetProperty("metadata").GetProperty("schema").GetString());
        Assert.Equal("VIEW", nodes.GetProperty("model.conformance.narrow").GetProperty("metadata").GetProperty("type").GetString());
        var columns = Columns(wide);
        Assert.Equal(["id:1", "name:2", "amount:3"], columns.Select(c => $"{c.Name}:{c.Index}"));
        Assert.True(columns[0].Column.IsInteger, columns[0].Column.DType);
        Assert.True(columns[1].Column.IsString, columns[1].Column.DType);
        Assert.True(columns[2].Column.IsNumeric, columns[2].Column.DType);
        var landed = catalog.RootElement.GetProperty("sources").GetProperty("source.conformance.raw.landed");
        Assert.Equal(["event_id:1", "payload:2"], Columns(landed).Select(c => $"{c.Name}:{c.Index}"));
    }

    [Fact]
    public void Persist_docs_comments_reach_the_catalog()
    {
        Project(new Dictionary<string, string>
        {
            ["models/documented.sql"] = "{{ config(materialized='table', persist_docs={'relation': true, 'columns': true}) }}\nselect 1 as id, 'x' as label",
            ["models/schema.yml"] = "version: 2\nmodels:\n  - name: documented\n    description: One row, described.\n    columns:\n      - name: label\n        description: The label's text.\n",
        });
        Ok("run");
        Ok("docs generate");
        using var catalog = Artifact("catalog.json");
        var node = catalog.RootElement.GetProperty("nodes").GetProperty("model.conformance.documented");
        Assert.Equal("One row, described.", node.GetProperty("metadata").GetProperty("comment").GetString());
        var columns = node.GetProperty("columns");
        Assert.Equal("The label's text.", columns.GetProperty("label").GetProperty("comment").GetString());
        Assert.Equal(JsonValueKind.Null, columns.GetProperty("id").GetProperty("comment").ValueKind);
    }

    private static List<(string Name, long Index, Column Column)> Columns(JsonElement node) =>
        node.GetProperty("columns").EnumerateObject()
            .Select(p => (p.Value.GetProperty("name").GetString()!.ToLowerInvariant(), p.Value.GetProperty("index").GetInt64(),
                new Column(p.Value.GetProperty("name").GetString()!, p.Value.GetProperty("type").GetString()!)))
            .OrderBy(c => c.Item2).ToList();

    [Fact]
    public void Source_freshness_pass_warn_and_error()
    {
        Project(new Dictionary<string, string>
        {
            ["models/sources.yml"] = """
                version: 2
                sources:
                  - name: raw
                    schema: "{{ target.schema }}"
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 1, period: hour}
                      error_after: {count: 3, period: hour}
                    tables:
                      - name: fresh_events
                      - name: late_events
                      - name: stale_events
                      - name: unchecked
                        freshness: null
                """,
        });
        Exec($"create schema if not exists {Schema}");
        // Naive timestamps are UTC to dbt's freshness.
        var now = DateTime.UtcNow;
        foreach (var (table, age) in new[] { ("fresh_events", 0.2), ("late_events", 2.0), ("stale_events", 5.0), ("unchecked", 50.0) })
        {
            var at = now.AddHours(-age).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            Exec($"create table {Q(table)} as select cast('{at}' as timestamp) as loaded_at union all select cast('2020-01-01' as timestamp)");
        }
        Ok("source freshness", expectedExit: 1);
        using var sources = Artifact("sources.json");
        var statuses = sources.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unique_id").GetString()!, r => r.GetProperty("status").GetString()!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["source.conformance.raw.fresh_events"] = "pass",
            ["source.conformance.raw.late_events"] = "warn",
            ["source.conformance.raw.stale_events"] = "error",
        }, statuses);
        var late = sources.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unique_id").GetString() == "source.conformance.raw.late_events");
        var seconds = late.GetProperty("max_loaded_at_time_ago_in_s").GetDouble();
        Assert.InRange(seconds, 2 * 3600 - 5, 2 * 3600 + 600);
    }
}
