using Npgsql;

namespace Slipway.Deploy.Tests.Support;

/// <summary>
/// Where the metadata lives in a test run: SQLite in the data folder, or a fresh database on the PostgreSQL that
/// scripts/postgres.sh started (SLIPWAY_TEST_PG). Without it the PostgreSQL tests fail on CI and skip locally.
/// </summary>
public abstract class Backend : IDisposable
{
    public abstract string? SkipReason { get; }

    /// <summary>A connection string for a new, empty metadata database (null: SQLite in the data folder).</summary>
    public abstract string? NewDatabase();

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

public sealed class SqliteBackend : Backend
{
    public override string? SkipReason => null;

    public override string? NewDatabase() => null;
}

public sealed class PostgresBackend : Backend
{
    private readonly string? server = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
    private readonly List<string> databases = [];

    public PostgresBackend()
    {
        if (server is null && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set on CI: scripts/test.sh starts PostgreSQL with scripts/postgres.sh.");
    }

    public override string? SkipReason => server is null ? "SLIPWAY_TEST_PG is not set (source scripts/postgres.sh to run the PostgreSQL tests)." : null;

    public override string NewDatabase()
    {
        var name = "slipway_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        lock (databases) databases.Add(name);
        return $"{server};Database={name}";
    }

    public override void Dispose()
    {
        if (server is null) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        foreach (var name in databases)
        {
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        base.Dispose();
    }
}
