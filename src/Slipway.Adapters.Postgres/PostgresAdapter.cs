using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Slipway.Adapters.Results;

namespace Slipway.Adapters.Postgres;

/// <summary>
/// The PostgreSQL adapter over Npgsql. One pooled data source per adapter; each thread borrows its own
/// connection from it (dbt's connection per thread), with the profile's <c>role</c> set on open. Statements
/// run in the transactions the materializations open (<c>begin</c> … <c>commit</c>), so a rename-swap is atomic
/// to readers. Cancelling sends the server a cancel request for every running statement.
/// </summary>
public sealed partial class PostgresAdapter : AdapterBase
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresAdapter(PostgresCredentials credentials) : base(MakeTarget(credentials), caseSensitiveNames: true)
    {
        Credentials = credentials;
        _dataSource = NpgsqlDataSource.Create(credentials.ConnectionString());
    }

    /// <summary>Builds the adapter for a profile target (the engine's <c>Target.Settings</c>).</summary>
    public static PostgresAdapter Create(string targetName, IReadOnlyDictionary<string, object?> target) =>
        new(PostgresCredentials.FromTarget(targetName, target));

    public PostgresCredentials Credentials { get; }

    public override IReadOnlyList<string> ValidIncrementalStrategies { get; } = ["append", "delete+insert", "merge", "microbatch"];

    /// <summary>PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and drops the rest with only a notice.</summary>
    public const int MaxIdentifierBytes = 63;

    protected override int? MaxNameLength => MaxIdentifierBytes;

    private static AdapterTarget MakeTarget(PostgresCredentials c)
    {
        var (visible, secrets) = AdapterTarget.Split(c.Raw);
        visible["host"] = c.Host;
        visible["port"] = (long)c.Port;
        visible["user"] = c.User;
        visible["dbname"] = c.Database;
        return new AdapterTarget(c.TargetName, "postgres", c.Database, c.Schema, c.Threads, visible, secrets);
    }

    protected override DbConnection OpenConnectionCore()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = _dataSource.OpenConnection();
                try
                {
                    if (!string.IsNullOrEmpty(Credentials.Role))
                    {
                        using var cmd = connection.CreateCommand();
                        // Unquoted as dbt-postgres sends it, so the role name folds like any SQL name.
                        cmd.CommandText = $"set role {Credentials.Role}";
                        cmd.ExecuteNonQuery();
                    }
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
                return connection;
            }
            // dbt-postgres retries a failed connect `retries` times, a second apart; a refused password is final.
            catch (NpgsqlException e) when (attempt < Credentials.Retries && e is not PostgresException && e.IsTransient)
            {
                Thread.Sleep(1000);
            }
        }
    }

    /// <summary>
    /// Cancels on the server with <c>pg_cancel_backend</c> from a connection of its own (without the profile's
    /// role, so the login user may signal its own backends). Npgsql's Cancel() sends one cancel request and ignores
    /// later ones for the same statement, so a request that reached the server before the statement started would
    /// be lost; the base class repeats this call until the statement is over.
    /// </summary>
    protected override void CancelCommand(DbCommand command)
    {
        if (command.Connection is not NpgsqlConnection { State: System.Data.ConnectionState.Open or System.Data.ConnectionState.Executing or System.Data.ConnectionState.Fetching } connection) return;
        var pid = connection.ProcessID;
        using var canceller = _dataSource.OpenConnection();
        using var cmd = canceller.CreateCommand();
        cmd.CommandText = $"select pg_cancel_backend({pid})";
        cmd.ExecuteNonQuery();
    }

    /// <summary>The server's own words: the message text without the SQLSTATE, or the socket's reason a connect failed.</summary>
    protected override string DescribeError(Exception error) => error switch
    {
        PostgresException pg => pg.MessageText,
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } n =>
            $"{n.Message.TrimEnd('.')}: {n.InnerException!.Message}",
        _ => error.Message,
    };

    /// <summary>dbt-postgres's response: the command tag as <c>_message</c>, its words as <c>code</c>, rows affected.</summary>
    protected override AdapterResponse MakeResponse(DbCommand command, long rowsAffected)
    {
        var tag = CommandTag.Of((NpgsqlCommand)command, rowsAffected);
        var code = string.Join(' ', tag.Split(' ').Where(w => !w.All(char.IsAsciiDigit)));
        return new AdapterResponse(tag, code, rowsAffected < 0 ? null : rowsAffected);
    }

    /// <summary>Npgsql writes <c>numeric(18, 3)</c>; PostgreSQL's own <c>format_type</c> (and the catalog) say <c>numeric(18,3)</c>.</summary>
    protected override string ColumnTypeName(DbDataReader reader, int ordinal) =>
        reader.GetDataTypeName(ordinal).Replace(", ", ",", StringComparison.Ordinal);

    /// <summary>dbt-postgres's extra <c>adapter</c> methods.</summary>
    public override bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "verify_database" => new Slipway.Jinja.JinjaFunction(name, a =>
            {
                var database = a.Get(0, "database")?.ToString() ?? "";
                if (!string.Equals(database.Trim('"'), Database, StringComparison.Ordinal))
                    throw new AdapterException($"Cross-db references not allowed in postgres ({database} vs {Database})");
                return "";
            }),
            _ => null,
        };
        return value is not null || base.TryGetAttribute(name, out value);
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }
}
