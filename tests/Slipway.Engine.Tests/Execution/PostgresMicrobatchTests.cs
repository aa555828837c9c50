using Slipway.Engine.Tests.Materializations;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// The microbatch strategy's delete-by-window and insert on a real PostgreSQL (SLIPWAY_TEST_PG), with the middle
/// batches on several threads (each on its own connection) and a backfill re-run leaving no duplicates.
/// </summary>
public sealed class PostgresMicrobatchTests : MaterializationTestBase
{
    [SkippableFact]
    public void Batches_run_side_by_side_and_a_backfill_replaces_its_windows()
    {
        var cs = PgTarget.ConnectionString();
        Skip.If(cs is null, PgTarget.SkipReason);
        var schema = "slipway_mb_" + Guid.NewGuid().ToString("N")[..8];
        var rows = string.Join(" union all ", Enumerable.Range(1, 10).Select(i => $"select {i} as id, timestamp '2024-03-{i:00} 12:00' as event_at"));
        using var p = Project(
            ("models/stg_events.sql", $"{{{{ config(materialized='table', event_time='event_at') }}}}\n{rows}"),
            ("models/events.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='day', begin='2024-03-01') }}
                select id, event_at from {{ ref('stg_events') }}
                """),
            PgTarget.TempRelationMacro);
        p.Write("profiles.yml", PgTarget.Profile(cs!, schema, threads: 4));
        var window = new Dictionary<string, object?> { ["event_time_start"] = "2024-03-01", ["event_time_end"] = "2024-03-11" };
        try
        {
            Run(p, "run", flags: window);
            Run(p, "run", flags: window);
            Assert.Equal("10|55", PgTarget.Scalar(cs!, $"select count(*) || '|' || sum(id) from \"{schema}\".events"));
            Assert.Equal("success", p.Statuses()["model.fixture.events"]);
        }
        finally
        {
            PgTarget.Execute(cs!, $"drop schema if exists \"{schema}\" cascade");
        }
    }
}
