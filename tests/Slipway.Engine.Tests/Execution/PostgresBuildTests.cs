using Npgsql;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// `slipway build` on a real PostgreSQL server (SLIPWAY_TEST_PG, started by scripts/postgres.sh): seeds, views,
/// tables and generic tests go through the same engine as on DuckDB, with the Postgres adapter chosen by
/// `type: postgres` in the profile. Fails on CI when no server is given; skips locally.
/// </summary>
public sealed class PostgresBuildTests
{
    private static string? ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
        if (string.IsNullOrEmpty(cs) && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: CI must start PostgreSQL (scripts/postgres.sh).");
        return string.IsNullOrEmpty(cs) ? null : cs;
    }

    [SkippableFact]
    public void Build_on_postgres_loads_seeds_builds_models_and_runs_tests()
    {
        var cs = ConnectionString();
        Skip.If(cs is null, "SLIPWAY_TEST_PG is not set (scripts/postgres.sh starts a server)");
        var builder = new NpgsqlConnectionStringBuilder(cs);
        var schema = "slipway_build_" + Guid.NewGuid().ToString("N")[..8];

        using var project = new ProjectRun(new Dictionary<string, string>
        {
            ["seeds/raw_orders.csv"] = "id,customer,amount,ordered_on\n1,ann,10.5,2024-01-02\n2,bob,20,2024-01-03\n3,ann,4.5,2024-01-04\n",
            ["models/stg_orders.sql"] = "select id, customer, amount from {{ ref('raw_orders') }}",
            ["models/customer_totals.sql"] =
                "{{ config(materialized='table') }}\nselect customer, sum(amount) as total from {{ ref('stg_orders') }} group by customer",
            ["models/schema.yml"] = "version: 2\nmodels:\n  - name: customer_totals\n    columns:\n      - name: customer\n        data_tests: [unique, not_null]\n",
        });
        project.Write("profiles.yml",
            $"fixture:\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n      host: {builder.Host}\n      port: {builder.Port}\n" +
            $"      user: {builder.Username}\n      password: \"{{{{ env_var('SLIPWAY_PG_PASSWORD_FOR_TEST', '{builder.Password}') }}}}\"\n" +
            $"      dbname: postgres\n      schema: {schema}\n      threads: 2\n");
        try
        {
            var (exit, output) = project.Run("build");
            Assert.True(exit == 0, output);
            Assert.Contains("Done. PASS=5 WARN=0 ERROR=0 SKIP=0", output);
            Assert.DoesNotContain(builder.Password!, output);

            using var connection = new NpgsqlConnection(cs);
            connection.Open();
            using var command = new NpgsqlCommand($"select customer, total::text from \"{schema}\".customer_totals order by customer", connection);
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add(reader.GetString(0) + "=" + reader.GetString(1));
            Assert.Equal(["ann=15", "bob=20"], rows);
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
