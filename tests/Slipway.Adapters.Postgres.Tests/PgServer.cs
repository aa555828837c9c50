using Npgsql;

namespace Slipway.Adapters.Postgres.Tests;

/// <summary>
/// The real PostgreSQL server the tests run against, from <c>SLIPWAY_TEST_PG</c> (an Npgsql connection string, as
/// scripts/postgres.sh exports it). Unset: the tests are skipped with a reason, except under <c>CI=true</c>, where
/// they run and fail, because CI must never skip PostgreSQL silently.
/// </summary>
internal static class PgServer
{
    public const string Variable = "SLIPWAY_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests are skipped, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"{Variable} is not set: no PostgreSQL server to test against (run scripts/postgres.sh, or export {Variable}=\"Host=…;Port=…;Username=…;Password=…\")."
        : null;

    private static NpgsqlConnectionStringBuilder Builder => new(ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set and CI=true: the PostgreSQL tests never skip in CI; start a server (scripts/postgres.sh) and export {Variable}."));

    /// <summary>A <c>type: postgres</c> profile target for the server, as the engine hands it over; <paramref name="overrides"/> win.</summary>
    public static Dictionary<string, object?> Profile(Dictionary<string, object?>? overrides = null)
    {
        var b = Builder;
        var profile = new Dictionary<string, object?>
        {
            ["type"] = "postgres",
            ["host"] = b.Host,
            ["port"] = (long)b.Port,
            ["user"] = b.Username,
            ["password"] = b.Password,
            ["dbname"] = b.Database ?? "postgres",
            ["schema"] = "public",
            ["threads"] = 4L,
        };
        foreach (var (k, v) in overrides ?? []) profile[k] = v;
        return profile;
    }

    public static PostgresAdapter Open(Dictionary<string, object?>? overrides = null, string target = "test") =>
        PostgresAdapter.Create(target, Profile(overrides));

    /// <summary>A plain Npgsql connection outside the adapter, to watch it from the server's side.</summary>
    public static NpgsqlConnection Observer()
    {
        var b = Builder;
        b.Database ??= "postgres";
        b.Pooling = false;
        var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        return c;
    }

    public static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
