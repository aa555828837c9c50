using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Slipway.Engine.Tests.Freshness;

/// <summary>
/// <c>source freshness</c> on real DuckDB: tables whose latest load is written relative to now (fresh, warning,
/// stale), a missing table, a filter, a table override, <c>freshness: null</c>, loaded_at_query and selection.
/// Thresholds and statuses follow dbt's documented rules (error_after checked before warn_after).
/// </summary>
public sealed class FreshnessTests
{
    private static string Ts(TimeSpan ago) =>
        (DateTime.UtcNow - ago).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static ProjectRun Project()
    {
        var project = new ProjectRun(new Dictionary<string, string>
        {
            ["macros/setup.sql"] = $$"""
                {% macro setup() %}
                {% do run_query("create schema if not exists raw") %}
                {% do run_query("create or replace table raw.fresh_orders as select 1 as id, timestamp '{{Ts(TimeSpan.FromMinutes(5))}}' as loaded_at") %}
                {% do run_query("create or replace table raw.late_customers as select 1 as id, timestamp '{{Ts(TimeSpan.FromHours(2))}}' as loaded_at") %}
                {% do run_query("create or replace table raw.stale_payments as select 1 as id, timestamp '{{Ts(TimeSpan.FromDays(3))}}' as loaded_at") %}
                {% do run_query("create or replace table raw.filtered as select * from (values (1, 'old', timestamp '{{Ts(TimeSpan.FromDays(5))}}'), (2, 'new', timestamp '{{Ts(TimeSpan.FromMinutes(1))}}')) t(id, kind, loaded_at)") %}
                {% do run_query("create or replace table raw.queried as select 1 as id, timestamp '{{Ts(TimeSpan.FromHours(30))}}' as synced_at") %}
                {% do run_query("create or replace table raw.untracked as select 1 as id") %}
                {% do run_query("create or replace table raw.switched_off as select 1 as id, timestamp '2000-01-01 00:00:00' as loaded_at") %}
                {% endmacro %}
                """,
            ["models/sources.yml"] = """
                version: 2
                sources:
                  - name: raw
                    schema: raw
                    loaded_at_field: loaded_at
                    freshness:
                      warn_after: {count: 1, period: hour}
                      error_after: {count: 1, period: day}
                    tables:
                      - name: fresh_orders
                      - name: late_customers
                      - name: stale_payments
                      - name: missing_refunds
                      - name: filtered
                        freshness:
                          filter: "kind = 'old'"
                      - name: queried
                        loaded_at_query: "select max(synced_at) from {{ this }}"
                        freshness:
                          warn_after: {count: 12, period: hour}
                          error_after: {count: 2, period: day}
                      - name: switched_off
                        freshness: null
                  - name: other
                    schema: raw
                    tables:
                      - name: untracked
                """,
        });
        var (code, output) = project.Run("run-operation", arguments: ["setup"]);
        Assert.True(code == 0, output);
        return project;
    }

    private static Dictionary<string, JsonElement> Results(ProjectRun project, out JsonDocument doc)
    {
        doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(project.Root, "target", "sources.json")));
        return doc.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("unique_id").GetString()!);
    }

    [Fact]
    public void Statuses_ages_and_exit_code_follow_the_thresholds()
    {
        using var project = Project();
        var (code, output) = project.Run("source freshness");
        Assert.Equal(1, code);
        var results = Results(project, out var doc);
        using var _ = doc;
        Assert.Equal(
            new[] { "source.fixture.raw.fresh_orders", "source.fixture.raw.late_customers", "source.fixture.raw.stale_payments",
             "source.fixture.raw.missing_refunds", "source.fixture.raw.filtered", "source.fixture.raw.queried" }.Order(),
            results.Keys.Order());
        string Status(string t) => results["source.fixture.raw." + t].GetProperty("status").GetString()!;
        double Age(string t) => results["source.fixture.raw." + t].GetProperty("max_loaded_at_time_ago_in_s").GetDouble();
        Assert.Equal("pass", Status("fresh_orders"));
        Assert.Equal("warn", Status("late_customers"));
        Assert.Equal("error", Status("stale_payments"));
        Assert.Equal("runtime error", Status("missing_refunds"));
        Assert.Equal("error", Status("filtered")); // the filter keeps only the 5-day-old row
        Assert.True(Status("queried") == "warn", results["source.fixture.raw.queried"].ToString()); // 30 h: past 12 h, not past 2 days
        Assert.InRange(Age("fresh_orders"), 300 - 1, 300 + 60);
        Assert.InRange(Age("late_customers"), 7200 - 1, 7200 + 60);
        Assert.InRange(Age("stale_payments"), 3 * 86400 - 1, 3 * 86400 + 60);
        Assert.InRange(Age("queried"), 30 * 3600 - 1, 30 * 3600 + 60);
        Assert.Contains("missing_refunds", results["source.fixture.raw.missing_refunds"].GetProperty("error").GetString());
        var criteria = results["source.fixture.raw.queried"].GetProperty("criteria");
        Assert.Equal(12, criteria.GetProperty("warn_after").GetProperty("count").GetInt32());
        Assert.Equal("day", criteria.GetProperty("error_after").GetProperty("period").GetString());
        Assert.Equal("kind = 'old'", results["source.fixture.raw.filtered"].GetProperty("criteria").GetProperty("filter").GetString());

        Assert.Matches(@"\d+ of 6 START freshness of raw\.fresh_orders \.+ \[RUN\]", output);
        Assert.Matches(@"PASS freshness of raw\.fresh_orders \.+ \[PASS in \d+\.\d\ds\]", output);
        Assert.Matches(@"WARN freshness of raw\.late_customers \.+ \[WARN in \d+\.\d\ds\]", output);
        Assert.Matches(@"ERROR STALE freshness of raw\.stale_payments \.+ \[ERROR STALE in \d+\.\d\ds\]", output);
        Assert.Matches(@"ERROR freshness of raw\.missing_refunds \.+ \[ERROR in \d+\.\d\ds\]", output);
        Assert.DoesNotContain("untracked", output);
        Assert.DoesNotContain("switched_off", output);
    }

    [Fact]
    public void Sources_json_validates_against_the_v3_schema()
    {
        using var project = Project();
        project.Run("source freshness");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(project.Root, "target", "sources.json")));
        var schema = JsonSchema.FromFile(TestPaths.ArtifactSchema("sources_v3.json"));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("https://schemas.getdbt.com/dbt/sources/v3.json", json!["metadata"]!["dbt_schema_version"]!.GetValue<string>());
    }

    [Fact]
    public void Selection_limits_the_sources_checked_and_passing_sources_exit_zero()
    {
        using var project = Project();
        var (code, output) = project.Run("source freshness", new Dictionary<string, object?> { ["select"] = new[] { "source:raw.fresh_orders", "source:raw.late_customers" } });
        Assert.True(code == 0, output);
        var results = Results(project, out var doc);
        using var _ = doc;
        Assert.Equal(["source.fixture.raw.fresh_orders", "source.fixture.raw.late_customers"], results.Keys.Order());
        Assert.Contains("1 of 2 START freshness of raw.fresh_orders", output);
    }

    [Fact]
    public void A_source_without_loaded_at_field_is_a_runtime_error_on_duckdb()
    {
        using var project = Project();
        project.Write("models/more.yml", """
            version: 2
            sources:
              - name: nofield
                schema: raw
                freshness:
                  warn_after: {count: 1, period: hour}
                tables:
                  - name: untracked
            """);
        var (code, _) = project.Run("source freshness", new Dictionary<string, object?> { ["select"] = new[] { "source:nofield" } });
        Assert.Equal(1, code);
        var results = Results(project, out var doc);
        using var _ = doc;
        var r = results["source.fixture.nofield.untracked"];
        Assert.Equal("runtime error", r.GetProperty("status").GetString());
        Assert.Contains("metadata-based freshness", r.GetProperty("error").GetString());
    }
}
