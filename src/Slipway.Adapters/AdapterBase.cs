using System.Data.Common;
using Slipway.Adapters.Cache;
using Slipway.Adapters.Connections;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;

namespace Slipway.Adapters;

/// <summary>
/// What every SQL warehouse shares: ADO.NET execution on one connection per thread with cancellation,
/// transactions, the relation cache, information_schema metadata and DDL. A warehouse supplies its
/// connection, its quirks (overrides) and bulk seed loading.
/// </summary>
public abstract partial class AdapterBase : IAdapter
{
    private readonly ConnectionManager _connections;

    /// <param name="caseSensitiveNames">
    /// True where quoted names are case-sensitive and unquoted ones fold to lower case (Postgres); false where
    /// every name compares case-insensitively (DuckDB). The relation cache follows it.
    /// </param>
    protected AdapterBase(AdapterTarget target, bool caseSensitiveNames = false)
    {
        TargetInfo = target;
        Cache = new RelationCache(caseSensitiveNames);
        _connections = new ConnectionManager(OpenConnectionCore);
        var values = new Dictionary<string, object?>(target.Values)
        {
            ["name"] = target.Name,
            ["type"] = target.Type,
            ["database"] = target.Database,
            ["schema"] = target.Schema,
            ["threads"] = (long)target.Threads,
            ["target_name"] = target.Name,
        };
        Target = values;
    }

    protected AdapterTarget TargetInfo { get; }
    public string Type => TargetInfo.Type;
    public string Database => TargetInfo.Database;
    public string Schema => TargetInfo.Schema;
    public int Threads => TargetInfo.Threads;
    public IReadOnlyDictionary<string, object?> Target { get; }
    public Policy Quoting
    {
        get => Cache.Quoting;
        set => Cache.Quoting = value;
    }

    public RelationCache Cache { get; }
    public abstract IReadOnlyList<string> ValidIncrementalStrategies { get; }

    /// <summary>The quote character for identifiers (<c>"</c> for Postgres and DuckDB).</summary>
    protected virtual char QuoteCharacter => '"';

    /// <summary>Opens a new connection for the calling thread, already configured (search path, settings, …).</summary>
    protected abstract DbConnection OpenConnectionCore();

    /// <summary>The status dbt reports for a statement (DuckDB: <c>OK</c>; Postgres: the command tag).</summary>
    protected virtual AdapterResponse MakeResponse(string sql, long rowsAffected) =>
        new("OK", "OK", rowsAffected < 0 ? null : rowsAffected);

    /// <summary>The status from the finished command itself, for drivers that report per-statement results (Npgsql).</summary>
    protected virtual AdapterResponse MakeResponse(DbCommand command, long rowsAffected) => MakeResponse(command.CommandText, rowsAffected);

    /// <summary>The driver error's text for the one-line message (Postgres: the server's message without SQLSTATE).</summary>
    protected virtual string DescribeError(Exception error) => error.Message;

    public (AdapterResponse Response, ResultTable Table) Execute(string sql, bool autoBegin = false, bool fetch = false, CancellationToken cancellationToken = default)
    {
        var handle = Acquire();
        if (autoBegin && !handle.InTransaction) BeginOn(handle);
        return Run(handle, sql, fetch, cancellationToken);
    }

    public AdapterResponse AddQuery(string sql, bool autoBegin = true, CancellationToken cancellationToken = default) =>
        Execute(sql, autoBegin, false, cancellationToken).Response;

    public void Begin()
    {
        var handle = Acquire();
        if (handle.InTransaction) throw new AdapterException("Tried to begin a new transaction on a connection that is already in one.");
        BeginOn(handle);
    }

    public void Commit()
    {
        var handle = _connections.Current;
        // dbt's commit() outside a transaction is harmless for macros that always call it.
        if (handle is null || !handle.InTransaction) return;
        Run(handle, "commit", false, CancellationToken.None);
        handle.InTransaction = false;
    }

    public void Rollback()
    {
        var handle = _connections.Current;
        if (handle is null || !handle.InTransaction) return;
        handle.InTransaction = false;
        Run(handle, "rollback", false, CancellationToken.None);
    }

    public void ReleaseConnection() => _connections.Release();

    public int CancelOpenConnections() => _connections.CancelAll();

    internal int OpenConnectionCount => _connections.OpenCount;

    private void BeginOn(ConnectionHandle handle)
    {
        Run(handle, "begin", false, CancellationToken.None);
        handle.InTransaction = true;
    }

    private ConnectionHandle Acquire()
    {
        try
        {
            return _connections.Acquire();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            throw AdapterException.FromDatabase($"Could not connect to {Type} target '{TargetInfo.Name}'", e, TargetInfo.Secrets, DescribeError(e));
        }
    }

    /// <summary>The calling thread's open connection, for bulk paths a warehouse drives itself (appenders, COPY).</summary>
    protected System.Data.Common.DbConnection CurrentConnection => Acquire().Connection;

    /// <summary>Wraps a driver error the same way statement errors are wrapped: one line, secrets masked.</summary>
    protected AdapterException DatabaseError(Exception error, string? prefix = null) =>
        AdapterException.FromDatabase(prefix ?? ErrorPrefix, error, TargetInfo.Secrets, DescribeError(error));

    /// <summary>Runs SQL on the calling thread's connection and reads the last result set that has columns.</summary>
    protected (AdapterResponse Response, ResultTable Table) Run(string sql, bool fetch, CancellationToken cancellationToken) =>
        Run(Acquire(), sql, fetch, cancellationToken);

    private (AdapterResponse, ResultTable) Run(ConnectionHandle handle, string sql, bool fetch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = handle.Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        var running = _connections.Track(command, CancelCommand);
        try
        {
            using var registration = cancellationToken.CanBeCanceled ? cancellationToken.Register(running.RequestCancel) : default;
            try
            {
                if (!fetch)
                {
                    // ExecuteNonQuery is the one call every driver answers with the rows changed.
                    var changed = command.ExecuteNonQuery();
                    return (MakeResponse(command, changed), ResultTable.Empty);
                }
                using var reader = command.ExecuteReader();
                var table = ResultTable.Empty;
                do
                {
                    if (reader.FieldCount > 0) table = ReadTable(reader, cancellationToken);
                }
                while (reader.NextResult());
                var affected = reader.RecordsAffected;
                reader.Close();
                return (MakeResponse(command, affected), table);
            }
            finally
            {
                // Before any rollback below, so a repeated cancel cannot interrupt it.
                running.Finish();
            }
        }
        catch (OperationCanceledException)
        {
            // An interrupted statement leaves its transaction unusable; give the connection back clean.
            if (handle.InTransaction) TryRollback(handle);
            throw;
        }
        catch (DbException e)
        {
            if (handle.InTransaction) TryRollback(handle);
            cancellationToken.ThrowIfCancellationRequested();
            // A failed statement aborts the transaction on most warehouses; dbt's connection then rolls back.
            throw AdapterException.FromDatabase(ErrorPrefix, e, TargetInfo.Secrets, DescribeError(e));
        }
        finally
        {
            _connections.Untrack(command);
        }
    }

    /// <summary>Asks the warehouse to interrupt one running statement; called repeatedly until it ends.</summary>
    protected virtual void CancelCommand(DbCommand command) => command.Cancel();

    /// <summary>The words before a database error, e.g. <c>Database Error</c> as dbt prints it.</summary>
    protected virtual string ErrorPrefix => "Database Error";

    private static void TryRollback(ConnectionHandle handle)
    {
        handle.InTransaction = false;
        try
        {
            using var c = handle.Connection.CreateCommand();
            c.CommandText = "rollback";
            c.ExecuteNonQuery();
        }
        catch (DbException) { /* the transaction may already be gone */ }
    }

    private ResultTable ReadTable(DbDataReader reader, CancellationToken cancellationToken)
    {
        var names = new string[reader.FieldCount];
        var types = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = ColumnTypeName(reader, i);
        }
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            if ((rows.Count & 1023) == 1023) cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[names.Length];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new ResultTable(names, types, rows);
    }

    /// <summary>The SQL name of a result column's type (drivers differ; DuckDB.NET says <c>Integer</c>, SQL says <c>INTEGER</c>).</summary>
    protected virtual string ColumnTypeName(DbDataReader reader, int ordinal) => reader.GetDataTypeName(ordinal);

    public virtual void Dispose()
    {
        _connections.Dispose();
        GC.SuppressFinalize(this);
    }
}
