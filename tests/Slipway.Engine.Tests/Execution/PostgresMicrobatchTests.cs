using Npgsql;
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
        var cs = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
        if (string.IsNullOrEmpty(cs) && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: CI must start PostgreSQL (scripts/postgres.sh).");
        Skip.If(string.IsNullOrEmpty(cs), "SLIPWAY_TEST_PG is not set (scripts/postgres.sh starts a server)");
        var builder = new NpgsqlConnectionStringBuilder(cs);
        var schema = "slipway_mb_" + Guid.NewGuid().ToString("N")[..8];
        var rows = string.Join(" union all ", Enumerable.Range(1, 10).Select(i => $"select {i} as id, timestamp '2024-03-{i:00} 12:00' as event_at"));
        using var p = Project(
            ("models/stg_events.sql", $"{{{{ config(materialized='table', event_time='event_at') }}}}\n{rows}"),
            ("models/events.sql", """
                {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='day', begin='2024-03-01') }}
                select id, event_at from {{ ref('stg_events') }}
                """),
            ("macros/temp.sql", "{% macro postgres__make_temp_relation(base_relation, suffix) %}"
                + "{{ return(base_relation.incorporate(path={'schema': none, 'database': none, 'identifier': base_relation.identifier ~ suffix})) }}{% endmacro %}"));
        p.Write("profiles.yml",
            $"fixture:\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n      host: {builder.Host}\n      port: {builder.Port}\n" +
            $"      user: {builder.Username}\n      password: '{builder.Password}'\n      dbname: postgres\n      schema: {schema}\n      threads: 4\n");
        var window = new Dictionary<string, object?> { ["event_time_start"] = "2024-03-01", ["event_time_end"] = "2024-03-11" };
        try
        {
            Run(p, "run", flags: window);
            Run(p, "run", flags: window);
            using var connection = new NpgsqlConnection(cs);
            connection.Open();
            using var command = new NpgsqlCommand($"select count(*) || '|' || sum(id) from \"{schema}\".events", connection);
            Assert.Equal("10|55", command.ExecuteScalar());
            Assert.Equal("success", p.Statuses()["model.fixture.events"]);
        }
        finally
        {
            using var connection = new NpgsqlConnection(cs);
            connection.Open();
            using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
            drop.ExecuteNonQuery();
        }
    }
}
