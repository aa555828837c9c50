using Npgsql;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// What the engine tests on a real PostgreSQL share: the server from SLIPWAY_TEST_PG (scripts/postgres.sh; required
/// on CI, skipped locally without it), a profile writing into one schema, and SQL run beside the engine.
/// </summary>
internal static class PgTarget
{
    public static string? ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
        if (string.IsNullOrEmpty(cs) && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: CI must start PostgreSQL (scripts/postgres.sh).");
        return string.IsNullOrEmpty(cs) ? null : cs;
    }

    public const string SkipReason = "SLIPWAY_TEST_PG is not set (scripts/postgres.sh starts a server)";

    /// <summary>profiles.yml for the fixture project on the server, writing into <paramref name="schema"/>.</summary>
    public static string Profile(string cs, string schema, int threads = 1)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        return $"fixture:\n  target: pg\n  outputs:\n    pg:\n      type: postgres\n      host: {b.Host}\n      port: {b.Port}\n" +
            $"      user: {b.Username}\n      password: '{b.Password}'\n      dbname: postgres\n      schema: {schema}\n      threads: {threads}\n";
    }

    /// <summary>
    /// PostgreSQL temporary tables live in no schema; the engine's own postgres__make_temp_relation comes with the
    /// PostgreSQL conformance work, so incremental fixtures declare this one until then.
    /// </summary>
    public static readonly (string Path, string Text) TempRelationMacro = ("macros/temp.sql",
        "{% macro postgres__make_temp_relation(base_relation, suffix) %}"
        + "{{ return(base_relation.incorporate(path={'schema': none, 'database': none, 'identifier': base_relation.identifier ~ suffix})) }}{% endmacro %}");

    public static void Execute(string cs, string sql)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string cs, string sql)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
