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

    protected AdapterBase(AdapterTarget target)
    {
        TargetInfo = target;
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
    public Policy Quoting { get; set; } = Policy.All;
    public RelationCache Cache { get; } = new();
    public abstract IReadOnlyList<string> ValidIncrementalStrategies { get; }

    /// <summary>The quote character for identifiers (<c>"</c> for Postgres and DuckDB).</summary>
    protected virtual char QuoteCharacter => '"';

    /// <summary>Opens a new connection for the calling thread, already configured (search path, settings, …).</summary>
    protected abstract DbConnection OpenConnectionCore();

    /// <summary>The status dbt reports for a statement (DuckDB: <c>OK</c>; Postgres: the command tag).</summary>
    protected virtual AdapterResponse MakeResponse(string sql, long rowsAffected) =>
        new("OK", "OK", rowsAffected < 0 ? null : rowsAffected);

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
            throw AdapterException.FromDatabase($"Could not connect to {Type} target '{TargetInfo.Name}'", e, TargetInfo.Secrets);
        }
    }

    /// <summary>Runs SQL on the calling thread's connection and reads the last result set that has columns.</summary>
    protected (AdapterResponse Response, ResultTable Table) Run(string sql, bool fetch, CancellationToken cancellationToken) =>
        Run(Acquire(), sql, fetch, cancellationToken);

    private (AdapterResponse, ResultTable) Run(ConnectionHandle handle, string sql, bool fetch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = handle.Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        _connections.Track(command);
        try
        {
            using var registration = cancellationToken.Register(static c => ((DbCommand)c!).Cancel(), command);
            using var reader = command.ExecuteReader();
            var table = ResultTable.Empty;
            do
            {
                if (fetch && reader.FieldCount > 0) table = ReadTable(reader, cancellationToken);
            }
            while (reader.NextResult());
            return (MakeResponse(sql, reader.RecordsAffected), table);
        }
        catch (DbException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A failed statement aborts the transaction on most warehouses; dbt's connection then rolls back.
            if (handle.InTransaction) TryRollback(handle);
            throw AdapterException.FromDatabase(ErrorPrefix, e, TargetInfo.Secrets);
        }
        finally
        {
            _connections.Untrack(command);
        }
    }

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
            types[i] = reader.GetDataTypeName(i);
        }
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            if ((rows.Count & 1023) == 1023) cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[names.Length];
            for (var i = 0; i < row.Length; i++) row[i] = ToTemplateValue(reader.IsDBNull(i) ? null : reader.GetValue(i));
            rows.Add(row);
        }
        return new ResultTable(names, types, rows);
    }

    /// <summary>Driver values as template values: integers as long, decimals as double (agate's Decimal has no Jinja peer).</summary>
    protected virtual object? ToTemplateValue(object? value) => value switch
    {
        null or DBNull => null,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul when ul <= long.MaxValue => (long)ul,
        float f => (double)f,
        decimal m => (double)m,
        System.Numerics.BigInteger big when big >= long.MinValue && big <= long.MaxValue => (long)big,
        Guid g => g.ToString(),
        _ => value,
    };

    public virtual void Dispose()
    {
        _connections.Dispose();
        GC.SuppressFinalize(this);
    }
}
