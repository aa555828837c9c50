using Npgsql;

namespace Slipway.Engine.Tests.UnitTests;

/// <summary>
/// The marina project's unit tests on a real PostgreSQL server (SLIPWAY_TEST_PG, from scripts/postgres.sh): the
/// same fixtures, casts and comparison go through the Postgres adapter, with the same results and diff as on
/// DuckDB. Fails on CI when no server is given; skips locally.
/// </summary>
public sealed class PostgresUnitTestTests
{
    [SkippableFact]
    public void Build_on_postgres_runs_unit_tests_and_a_failure_skips_the_model()
    {
        var cs = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
        if (string.IsNullOrEmpty(cs) && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: CI must start PostgreSQL (scripts/postgres.sh).");
        Skip.If(string.IsNullOrEmpty(cs), "SLIPWAY_TEST_PG is not set (scripts/postgres.sh starts a server)");
        var builder = new NpgsqlConnectionStringBuilder(cs);
        var schema = "slipway_unit_" + Guid.NewGuid().ToString("N")[..8];
        using var project = new ProjectRun(MarinaProject.Files());
        project.Write("models/failing.yml", MarinaProject.FailingUnitTest);
        project.Write("profiles.yml",
            $"fixture:\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n      host: {builder.Host}\n      port: {builder.Port}\n" +
            $"      user: {builder.Username}\n      password: \"{builder.Password}\"\n      dbname: postgres\n      schema: {schema}\n      threads: 2\n");
        try
        {
            var (exit, output) = project.Run("build");

            Assert.Equal(1, exit);
            var statuses = project.Statuses();
            foreach (var id in new[]
                     {
                         "unit_test.fixture.stg_bookings.amount_is_nights_times_rate", "unit_test.fixture.stg_bookings.boat_names_are_lower_case",
                         "unit_test.fixture.paid_bookings.overrides_change_vars_env_and_macros",
                         "unit_test.fixture.booking_log.incremental_adds_only_new_bookings", "unit_test.fixture.booking_log.full_refresh_takes_all_bookings",
                     })
                Assert.True(statuses[id] == "pass", $"{id}: {statuses[id]}\n{output}");
            Assert.Equal("fail", statuses["unit_test.fixture.berth_revenue.revenue_wrong_expectation"]);
            Assert.Equal("skipped", statuses["model.fixture.berth_revenue"]);
            Assert.Equal("skipped", statuses["model.fixture.harbor_report"]);
            Assert.Equal("success", statuses["model.fixture.booking_log"]);
            Assert.Contains("→   | south  | 40→30\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
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
