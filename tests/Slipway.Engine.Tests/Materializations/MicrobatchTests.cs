using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// incremental_strategy: microbatch over several days of events, as dbt 1.9+ documents it: batches of batch_size
/// from begin on the first run, the last batch and lookback batches before it later, --event-time-start/end
/// backfills, refs to upstreams with an event_time filtered to each batch, per-batch run_results, and a failing
/// batch making the model a partial success.
/// </summary>
public sealed class MicrobatchTests : MaterializationTestBase
{
    private const string Upstream = """
        {{ config(materialized='view', event_time='event_at') }}
        select * from main.raw_events
        """;

    private static string Model(string begin, string extra = "", string amount = "amount") => $$$"""
        {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at',
                  batch_size='day', begin='{{{begin}}}'{{{extra}}}) }}
        select id, event_at, {{{amount}}} as amount from {{ ref('stg_events') }}
        """;

    private static ProjectRun Events(string model, string rows)
    {
        var p = Project(("models/stg_events.sql", Upstream), ("models/events.sql", model));
        Exec(p, $"create table main.raw_events as select * from (values {rows}) as s(id, event_at, amount)");
        return p;
    }

    private static Dictionary<string, object?> Window(string start, string end) =>
        new() { ["event_time_start"] = start, ["event_time_end"] = end };

    private static string Day(int offset) =>
        DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonElement Result(ProjectRun p, string id)
    {
        var doc = p.RunResults();
        return doc.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("unique_id").GetString() == id).Clone();
    }

    private static string[] Batches(JsonElement result, string list) =>
        result.GetProperty("batch_results").GetProperty(list).EnumerateArray()
            .Select(b => b[0].GetString() + "/" + b[1].GetString()).ToArray();

    private const string FiveDays = """
        (1, timestamp '2024-01-01 08:00', 10), (2, timestamp '2024-01-02 09:00', 20), (3, timestamp '2024-01-03 10:00', 30),
        (4, timestamp '2024-01-04 11:00', 40), (5, timestamp '2024-01-05 12:00', 50)
        """;

    [Fact]
    public void Event_time_start_and_end_build_only_the_batches_between_them()
    {
        using var p = Events(Model("2024-01-01"), FiveDays);
        var output = Run(p, "run", flags: Window("2024-01-02", "2024-01-04"));
        Assert.Equal(["2|20", "3|30"], Rows(p, "select id, amount from main.events order by id"));
        var result = Result(p, "model.fixture.events");
        Assert.Equal("success", result.GetProperty("status").GetString());
        Assert.Equal(["2024-01-02T00:00:00+00:00/2024-01-03T00:00:00+00:00", "2024-01-03T00:00:00+00:00/2024-01-04T00:00:00+00:00"],
            Batches(result, "successful"));
        Assert.Empty(Batches(result, "failed"));
        // dbt's console: the node line says "microbatch model", each batch has its own START/OK lines.
        Assert.Contains("START sql microbatch model main.events", output);
        Assert.Contains("Batch 1 of 2 START batch 20240102 of main.events", output);
        Assert.Contains("Batch 2 of 2 OK created batch 20240103 of main.events", output);
        // The ref to an upstream with event_time is filtered to the batch (the last batch's SQL is the node's compiled code).
        Assert.Contains("(select * from \"dev\".\"main\".\"stg_events\" where event_at >= '2024-01-03 00:00:00+00:00' and event_at < '2024-01-04 00:00:00+00:00') _dbt_et_filter_subq_stg_events",
            result.GetProperty("compiled_code").GetString());
    }

    [Fact]
    public void A_backfill_replaces_its_windows_without_duplicates_and_keeps_the_others()
    {
        using var p = Events(Model("2024-01-01"), FiveDays);
        Run(p, "run", flags: Window("2024-01-01", "2024-01-06"));
        Assert.Equal(["1|10", "2|20", "3|30", "4|40", "5|50"], Rows(p, "select id, amount from main.events order by id"));
        // Day 2 corrected upstream, day 4 too; only day 2 is backfilled.
        Exec(p, "update main.raw_events set amount = amount + 1 where id in (2, 4)");
        Exec(p, "insert into main.raw_events values (6, timestamp '2024-01-02 23:59:59', 60)");
        Run(p, "run", flags: Window("2024-01-02", "2024-01-03"));
        Assert.Equal(["1|10", "2|21", "3|30", "4|40", "5|50", "6|60"], Rows(p, "select id, amount from main.events order by id"));
    }

    [Fact]
    public void First_run_starts_at_begin_and_later_runs_redo_the_lookback()
    {
        // Dates relative to today (UTC): the run's end is the end of today.
        var rows = string.Join(", ", Enumerable.Range(0, 4).Select(i => $"({i + 1}, timestamp '{Day(i - 3)} 12:00', {10 * (i + 1)})"));
        using var p = Events(Model(Day(-3)), rows);
        Run(p, "run");
        var first = Result(p, "model.fixture.events");
        Assert.Equal(4, Batches(first, "successful").Length);
        Assert.Equal(["1|10", "2|20", "3|30", "4|40"], Rows(p, "select id, amount from main.events order by id"));

        // A late row for three days ago, a changed one yesterday, a new one today.
        Exec(p, $"insert into main.raw_events values (5, timestamp '{Day(-3)} 13:00', 50), (6, timestamp '{Day(0)} 01:00', 60)");
        Exec(p, "update main.raw_events set amount = 33 where id = 3");
        Run(p, "run");
        var second = Result(p, "model.fixture.events");
        // lookback 1 (the default): yesterday's batch and today's are processed again, nothing older.
        Assert.Equal([$"{Day(-1)}T00:00:00+00:00/{Day(0)}T00:00:00+00:00", $"{Day(0)}T00:00:00+00:00/{Day(1)}T00:00:00+00:00"],
            Batches(second, "successful"));
        Assert.Equal(["1|10", "2|20", "3|33", "4|40", "6|60"], Rows(p, "select id, amount from main.events order by id"));

        // lookback 3 reaches the late row.
        p.Write("models/events.sql", Model(Day(-3), ", lookback=3"));
        Run(p, "run");
        Assert.Equal(4, Batches(Result(p, "model.fixture.events"), "successful").Length);
        Assert.Equal(["1|10", "2|20", "3|33", "4|40", "5|50", "6|60"], Rows(p, "select id, amount from main.events order by id"));
    }

    [Fact]
    public void A_failing_batch_makes_the_model_a_partial_success_and_skips_its_children()
    {
        var amount = "{% if model.batch and model.batch.id == '20240102' %}cast('not a number' as integer){% else %}amount{% endif %}";
        using var p = Events(Model("2024-01-01", amount: amount), FiveDays);
        p.Write("models/after.sql", "select * from {{ ref('events') }}");
        var output = Run(p, "run", expectedExit: 1, flags: Window("2024-01-01", "2024-01-04"));
        var result = Result(p, "model.fixture.events");
        Assert.Equal("partial success", result.GetProperty("status").GetString());
        Assert.Equal("PARTIAL SUCCESS (2/3)", result.GetProperty("message").GetString());
        Assert.Equal(["2024-01-02T00:00:00+00:00/2024-01-03T00:00:00+00:00"], Batches(result, "failed"));
        Assert.Equal(2, Batches(result, "successful").Length);
        Assert.Equal("skipped", p.Statuses()["model.fixture.after"]);
        Assert.Equal(["1|10", "3|30"], Rows(p, "select id, amount from main.events order by id"));
        Assert.Contains("Batch 2 of 3 ERROR creating batch 20240102 of main.events", output);
        Assert.Contains("PARTIALLY created sql microbatch model main.events", output);
        Assert.Contains("Completed with 0 errors, 1 partial success, and 0 warnings:", output);
    }

    [Fact]
    public void A_failing_first_batch_skips_the_others_and_errors()
    {
        var amount = "{% if model.batch and model.batch.id == '20240101' %}cast('not a number' as integer){% else %}amount{% endif %}";
        using var p = Events(Model("2024-01-01", amount: amount), FiveDays);
        var output = Run(p, "run", expectedExit: 1, flags: Window("2024-01-01", "2024-01-04"));
        var result = Result(p, "model.fixture.events");
        Assert.Equal("error", result.GetProperty("status").GetString());
        Assert.Equal(3, Batches(result, "failed").Length);
        Assert.Contains("Batch 2 of 3 SKIP batch 20240102 of main.events", output);
    }

    [Fact]
    public void Refs_without_event_time_are_not_filtered_and_render_opts_out()
    {
        using var p = Events(Model("2024-01-01"), FiveDays);
        p.Write("models/lookup.sql", "select 1 as one");
        p.Write("models/events.sql", """
            {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='day', begin='2024-01-01') }}
            select e.id, e.event_at, e.amount from {{ ref('stg_events').render() }} e cross join {{ ref('lookup') }}
            """);
        Run(p, "run", flags: Window("2024-01-01", "2024-01-02"));
        var code = Result(p, "model.fixture.events").GetProperty("compiled_code").GetString();
        Assert.Contains("from \"dev\".\"main\".\"stg_events\" e cross join \"dev\".\"main\".\"lookup\"", code);
        // Unfiltered input, but the batch still only replaces its own window: every day lands in the table.
        Assert.Equal("5", p.Scalar("select count(*) from main.events"));
    }

    [Fact]
    public void Hourly_batches_with_sources_that_have_event_time()
    {
        using var p = Project(
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n      - name: raw_events\n        config:\n          event_time: event_at\n"),
            ("models/hourly.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='hour', begin='2024-01-01') }}
                select id, event_at from {{ source('raw', 'raw_events') }}
                """));
        Exec(p, "create table main.raw_events as select * from (values (1, timestamp '2024-01-01 00:10'), (2, timestamp '2024-01-01 01:20'), (3, timestamp '2024-01-01 02:30')) as s(id, event_at)");
        var output = Run(p, "run", flags: Window("2024-01-01T00:00:00", "2024-01-01T02:00:00"));
        Assert.Equal(["1", "2"], Rows(p, "select id from main.hourly order by id"));
        Assert.Contains("batch 20240101T01 of main.hourly", output);
    }

    [Fact]
    public void Missing_begin_is_an_error_naming_the_model()
    {
        using var p = Events("""
            {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='day') }}
            select * from {{ ref('stg_events') }}
            """, FiveDays);
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("Microbatch model 'events' requires a 'begin' configuration.", output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Concurrent_batches_on_several_threads_give_the_same_table(bool concurrent)
    {
        var rows = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"({i}, timestamp '2024-01-{i:00} 06:00', {i})"));
        var files = new Dictionary<string, string>
        {
            ["models/stg_events.sql"] = Upstream,
            ["models/events.sql"] = Model("2024-01-01", $", concurrent_batches={(concurrent ? "true" : "false")}"),
        };
        using var p = new ProjectRun(files, threads: 4);
        Exec(p, $"create table main.raw_events as select * from (values {rows}) as s(id, event_at, amount)");
        Run(p, "run", flags: Window("2024-01-01", "2024-01-13"));
        Run(p, "run", flags: Window("2024-01-01", "2024-01-13"));
        Assert.Equal("12|78", p.Scalar("select count(*) || '|' || sum(amount) from main.events"));
        Assert.Equal(12, Batches(Result(p, "model.fixture.events"), "successful").Length);
    }

    [Theory]
    [InlineData("2024-01-02", null, "The flag `--event-time-start` was specified, but `--event-time-end` was not.")]
    [InlineData(null, "2024-01-02", "The flag `--event-time-end` was specified, but `--event-time-start` was not.")]
    [InlineData("2024-01-03", "2024-01-02", "Value for `--event-time-start` must be less than `--event-time-end`")]
    [InlineData("soon", "2024-01-02", "'soon' in --event-time-start is not a timestamp")]
    public void Event_time_flags_are_checked_before_anything_runs(string? start, string? end, string message)
    {
        using var p = Events(Model("2024-01-01"), FiveDays);
        var flags = new Dictionary<string, object?>();
        if (start is not null) flags["event_time_start"] = start;
        if (end is not null) flags["event_time_end"] = end;
        var output = Run(p, "run", expectedExit: 2, flags: flags);
        Assert.Contains(message, output);
        Assert.DoesNotContain("START", output);
    }

    [Fact]
    public void Retry_runs_only_the_failed_batch_and_keeps_the_successful_ones_listed()
    {
        var amount = "{% if model.batch and model.batch.id == '20240102' and var('break', true) %}cast('not a number' as integer){% else %}amount{% endif %}";
        using var p = Events(Model("2024-01-01", amount: amount), FiveDays);
        Run(p, "run", expectedExit: 1, flags: Window("2024-01-01", "2024-01-04"));
        Exec(p, "update main.raw_events set amount = amount + 100");
        var output = Run(p, "retry", flags: new Dictionary<string, object?> { ["vars"] = "{break: false}" });
        var result = Result(p, "model.fixture.events");
        Assert.Equal("success", result.GetProperty("status").GetString());
        Assert.Equal(3, Batches(result, "successful").Length);
        Assert.Contains("Batch 1 of 1 START batch 20240102 of main.events", output);
        // Only day 2 was rebuilt (with the new amounts); days 1 and 3 keep what the first run wrote.
        Assert.Equal(["1|10", "2|120", "3|30"], Rows(p, "select id, amount from main.events order by id"));
    }

    [Fact]
    public void Run_results_with_batch_results_validate_against_the_v6_schema()
    {
        var amount = "{% if model.batch and model.batch.id == '20240102' %}cast('not a number' as integer){% else %}amount{% endif %}";
        using var p = Events(Model("2024-01-01", amount: amount), FiveDays);
        Run(p, "run", expectedExit: 1, flags: Window("2024-01-01", "2024-01-04"));
        var schema = JsonSchema.FromFile(TestPaths.ArtifactSchema("run-results_v6.json"));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(p.Root, "target", "run_results.json")));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Pre_hooks_run_with_the_first_batch_and_post_hooks_with_the_last()
    {
        using var p = Events(Model("2024-01-01", ", pre_hook=\"insert into main.hook_log values ('pre')\", post_hook=\"insert into main.hook_log values ('post')\""), FiveDays);
        Exec(p, "create table main.hook_log (kind varchar)");
        Run(p, "run", flags: Window("2024-01-01", "2024-01-05"));
        Assert.Equal(["post|1", "pre|1"], Rows(p, "select kind, count(*) from main.hook_log group by kind order by kind"));
    }

    [Fact]
    public void Full_refresh_rebuilds_from_begin_and_drops_what_is_gone_upstream()
    {
        var rows = string.Join(", ", Enumerable.Range(0, 3).Select(i => $"({i + 1}, timestamp '{Day(i - 2)} 12:00', {10 * (i + 1)})"));
        using var p = Events(Model(Day(-2)), rows);
        Run(p, "run");
        Exec(p, "delete from main.raw_events where id = 1");
        Run(p, "run");
        Assert.Equal(["1", "2", "3"], Rows(p, "select id from main.events order by id"));
        Run(p, "run", flags: FullRefresh);
        Assert.Equal(3, Batches(Result(p, "model.fixture.events"), "successful").Length);
        Assert.Equal(["2", "3"], Rows(p, "select id from main.events order by id"));
    }

    [Fact]
    public void A_date_event_time_column_is_batched_too()
    {
        using var p = Project(
            ("models/stg_days.sql", "{{ config(materialized='table', event_time='day') }}\nselect * from (values (1, date '2024-01-01'), (2, date '2024-01-02'), (3, date '2024-01-03')) as d(id, day)"),
            ("models/days.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='day', batch_size='day', begin='2024-01-01') }}
                select id, day from {{ ref('stg_days') }}
                """));
        Run(p, "run", flags: Window("2024-01-01", "2024-01-04"));
        Run(p, "run", flags: Window("2024-01-02", "2024-01-03"));
        Assert.Equal(["1", "2", "3"], Rows(p, "select id from main.days order by id"));
    }
}
