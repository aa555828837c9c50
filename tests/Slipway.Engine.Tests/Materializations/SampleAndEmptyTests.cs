using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// dbt 1.10's <c>--sample</c> (refs and sources with an event_time filtered to a relative or fixed window, in models
/// only) and <c>--empty</c> (every ref and source limited to no rows, <c>.render()</c> keeping the bare name).
/// </summary>
public sealed class SampleAndEmptyTests : MaterializationTestBase
{
    private static string Day(int offset) =>
        DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static ProjectRun Events()
    {
        var p = Project(
            ("models/stg_events.sql", "{{ config(materialized='table', event_time='event_at') }}\nselect * from main.raw_events"),
            ("models/lookup.sql", "{{ config(materialized='table') }}\nselect * from main.raw_events"),
            ("models/recent.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('stg_events') }}"),
            ("models/all_rows.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('lookup') }}"));
        var rows = string.Join(", ", Enumerable.Range(0, 6).Select(i => $"({i + 1}, timestamp '{Day(-i)} 00:30')"));
        Exec(p, $"create table main.raw_events as select * from (values {rows}) as s(id, event_at)");
        return p;
    }

    [Fact]
    public void Relative_sample_keeps_rows_from_the_start_of_the_grain_that_many_grains_ago()
    {
        using var p = Events();
        Run(p, "run", flags: new Dictionary<string, object?> { ["sample"] = "2 days" });
        // Today, yesterday and the day before (from its midnight) are kept; older rows are not.
        Assert.Equal(["1", "2", "3"], Rows(p, "select id from main.recent order by id"));
        // A model upstream of nothing with event_time is built in full (sample mode filters refs, not the model itself),
        // and refs to models without event_time are not filtered.
        Assert.Equal("6", p.Scalar("select count(*) from main.stg_events"));
        Assert.Equal("6", p.Scalar("select count(*) from main.all_rows"));
    }

    [Fact]
    public void Fixed_sample_window_is_start_inclusive_end_exclusive()
    {
        using var p = Events();
        Run(p, "run", flags: new Dictionary<string, object?> { ["sample"] = $"{{'start': '{Day(-4)}', 'end': '{Day(-1)}'}}" });
        Assert.Equal(["3", "4", "5"], Rows(p, "select id from main.recent order by id"));
    }

    [Fact]
    public void Bad_sample_is_an_error_that_says_what_is_expected()
    {
        using var p = Events();
        var output = Run(p, "run", expectedExit: 2, flags: new Dictionary<string, object?> { ["sample"] = "3 fortnights" });
        Assert.Contains("invalid grain 'fortnights'", output);
    }

    [Fact]
    public void Empty_limits_refs_and_sources_but_render_keeps_the_name()
    {
        using var p = Project(
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: main\n    tables:\n      - name: raw_events\n"),
            ("models/a.sql", "{{ config(materialized='table') }}\nselect * from {{ source('raw', 'raw_events') }}"),
            ("models/b.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('a') }} union all select * from {{ source('raw', 'raw_events').render() }}"));
        Exec(p, "create table main.raw_events as select 1 as id");
        Run(p, "run");
        Run(p, "run", flags: new Dictionary<string, object?> { ["empty"] = true });
        Assert.Equal("0", p.Scalar("select count(*) from main.a"));
        Assert.Equal("1", p.Scalar("select count(*) from main.b"));
        var code = File.ReadAllText(Path.Combine(p.Root, "target", "compiled", "fixture", "models", "a.sql"));
        Assert.Equal("select * from (select * from \"dev\".\"main\".\"raw_events\" where false limit 0) _dbt_limit_subq_raw_events", code.Trim());
    }

    [Fact]
    public void Compile_with_empty_limits_refs_too()
    {
        using var p = Project(("models/a.sql", "select 1 as id"), ("models/b.sql", "select * from {{ ref('a') }}"));
        Run(p, "compile", flags: new Dictionary<string, object?> { ["empty"] = true });
        var code = File.ReadAllText(Path.Combine(p.Root, "target", "compiled", "fixture", "models", "b.sql"));
        Assert.Equal("select * from (select * from \"dev\".\"main\".\"a\" where false limit 0) _dbt_limit_subq_a", code.Trim());
    }
}
