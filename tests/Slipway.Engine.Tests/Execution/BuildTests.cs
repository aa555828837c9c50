using System.Text.Json.Nodes;
using Json.Schema;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// `build` on a small fixture project against a DuckDB file: seeds, a view and a table are built in DAG order,
/// generic and singular tests run right after what they test, a failing test skips what is built on its
/// model, and the console and run_results.json say so as dbt does.
/// </summary>
public sealed class BuildTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["seeds/raw_boats.csv"] = "id,name,length_m\n1,Osprey,7.5\n2,Petrel,9\n3,Tern,\n",
        ["seeds/raw_trips.csv"] = "trip_id,boat_id,day\n10,1,2024-05-01\n11,1,2024-05-02\n12,2,2024-05-02\n13,9,2024-05-03\n",
        ["models/stg_boats.sql"] = "select id as boat_id, name, length_m from {{ ref('raw_boats') }}",
        ["models/boat_trips.sql"] = "{{ config(materialized='table') }}\nselect b.boat_id, b.name, count(t.trip_id) as trips\nfrom {{ ref('stg_boats') }} b left join {{ ref('raw_trips') }} t on t.boat_id = b.boat_id\ngroup by 1, 2",
        ["models/trips_checked.sql"] = "{{ config(materialized='table') }}\nselect * from {{ ref('raw_trips') }}",
        ["models/after_trips.sql"] = "select count(*) as n from {{ ref('trips_checked') }}",
        ["models/schema.yml"] = """
            version: 2
            models:
              - name: stg_boats
                columns:
                  - name: boat_id
                    data_tests: [unique, not_null]
              - name: trips_checked
                columns:
                  - name: boat_id
                    data_tests:
                      - accepted_values:
                          values: [1, 2]
                          quote: false
            """,
        ["tests/no_long_boats.sql"] = "select * from {{ ref('stg_boats') }} where length_m > 100",
    };

    [Fact]
    public void Build_creates_tables_runs_tests_and_skips_downstream_of_a_failing_test()
    {
        using var project = new ProjectRun(Files);
        var (code, output) = project.Run("build");

        Assert.Equal(1, code);
        // Table contents: 3 boats; Osprey has 2 trips, Tern none.
        var rows = project.Query("select name, trips from main.boat_trips order by boat_id");
        Assert.Equal([["Osprey", "2"], ["Petrel", "1"], ["Tern", "0"]], rows);
        Assert.Equal("view", project.Scalar("select table_type from information_schema.tables where table_name = 'stg_boats'")?.ToLowerInvariant() switch { "view" => "view", var t => t });

        var statuses = project.Statuses();
        Assert.Equal("success", statuses["seed.fixture.raw_boats"]);
        Assert.Equal("success", statuses["model.fixture.boat_trips"]);
        Assert.Equal("pass", statuses.Single(s => s.Key.StartsWith("test.fixture.unique_stg_boats_boat_id", StringComparison.Ordinal)).Value);
        Assert.Equal("pass", statuses["test.fixture.no_long_boats"]);
        // boat 9 is not an accepted value: the test fails with one row and after_trips is skipped.
        Assert.Equal("fail", statuses.Single(s => s.Key.StartsWith("test.fixture.accepted_values_trips_checked", StringComparison.Ordinal)).Value);
        Assert.Equal("skipped", statuses["model.fixture.after_trips"]);

        Assert.Contains("START sql table model main.boat_trips ", output);
        Assert.Matches(@"OK created sql table model main\.boat_trips \.+ \[OK in \d+\.\d\ds\]", output);
        Assert.Matches(@"FAIL 1 accepted_values_trips_checked_boat_id__False__1__2 \.+ \[FAIL 1 in \d+\.\d\ds\]", output);
        Assert.Matches(@"SKIP relation main\.after_trips \.+ \[SKIP\]", output);
        Assert.Contains("Completed with 1 error, 0 partial successes, and 0 warnings:", output);
        Assert.Contains("  Got 1 result, configured to fail if != 0", output);
        Assert.Contains("Done. PASS=8 WARN=0 ERROR=1 SKIP=1 NO-OP=0 TOTAL=10", output);
    }

    [Fact]
    public void Run_results_validate_against_the_v6_schema()
    {
        using var project = new ProjectRun(Files);
        project.Run("build");
        var schema = JsonSchema.FromFile(TestPaths.ArtifactSchema("run-results_v6.json"));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(project.Root, "target", "run_results.json")));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
        Assert.Equal("build", json!["args"]!["which"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(project.Root, "target", "manifest.json")));
    }

    [Fact]
    public void Run_builds_only_models_and_an_error_skips_children()
    {
        var files = new Dictionary<string, string>(Files)
        {
            ["models/stg_boats.sql"] = "select id as boat_id, name, length_m from {{ ref('raw_boats') }} where no_such_column = 1",
        };
        using var project = new ProjectRun(files);
        Assert.Equal(0, project.Run("seed").ExitCode);
        var (code, output) = project.Run("run");
        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.Equal(4, statuses.Count);
        Assert.Equal("error", statuses["model.fixture.stg_boats"]);
        Assert.Equal("skipped", statuses["model.fixture.boat_trips"]);
        Assert.Equal("success", statuses["model.fixture.trips_checked"]);
        Assert.Matches(@"ERROR creating sql view model main\.stg_boats \.+ \[ERROR in \d+\.\d\ds\]", output);
        Assert.Contains("Runtime Error in model stg_boats (models/stg_boats.sql)", output);
        Assert.Contains("compiled code at target/compiled/fixture/models/stg_boats.sql", output);
        Assert.Contains("Done. PASS=2 WARN=0 ERROR=1 SKIP=1 NO-OP=0 TOTAL=4", output);

        // retry re-runs the failed and skipped models once the error is fixed.
        project.Write("models/stg_boats.sql", "select id as boat_id, name, length_m from {{ ref('raw_boats') }}");
        var retry = project.Run("retry");
        Assert.Equal(0, retry.ExitCode);
        Assert.Equal(["model.fixture.boat_trips", "model.fixture.stg_boats"], project.Statuses().Keys.Order().ToArray());
        Assert.Contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2", retry.Output);
    }

    [Fact]
    public void A_warning_test_reports_warn_and_the_run_still_succeeds()
    {
        var files = new Dictionary<string, string>(Files)
        {
            ["models/schema.yml"] = """
                version: 2
                models:
                  - name: trips_checked
                    columns:
                      - name: boat_id
                        data_tests:
                          - accepted_values:
                              values: [1, 2]
                              quote: false
                              config:
                                severity: warn
                """,
        };
        using var project = new ProjectRun(files);
        var (code, output) = project.Run("build");
        Assert.True(code == 0, output);
        var id = project.Statuses().Keys.Single(k => k.StartsWith("test.fixture.accepted_values", StringComparison.Ordinal));
        Assert.Equal("warn", project.Statuses()[id]);
        using var doc = project.RunResults();
        var result = doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unique_id").GetString() == id);
        Assert.Equal(1, result.GetProperty("failures").GetInt64());
        Assert.Equal("Got 1 result, configured to warn if != 0", result.GetProperty("message").GetString());
        Assert.Matches(@"WARN 1 accepted_values_trips_checked_boat_id__False__1__2 \.+ \[WARN 1 in \d+\.\d\ds\]", output);
        Assert.Contains("Completed with 0 errors, 0 partial successes, and 1 warning:", output);
        Assert.Contains("Warning in test accepted_values_trips_checked_boat_id__False__1__2 (models/schema.yml)", output);
        Assert.Equal("success", project.Statuses()["model.fixture.after_trips"]);
    }
}
