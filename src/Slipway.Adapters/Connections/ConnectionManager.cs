using System.Collections.Concurrent;
using System.Data.Common;

namespace Slipway.Adapters.Connections;

/// <summary>
/// One open connection per thread, as dbt keeps one per worker thread: a node's statements, its transaction
/// and its temp tables stay on one connection. Running commands are tracked so a run can be cancelled.
/// </summary>
internal sealed class ConnectionManager(Func<DbConnection> open) : IDisposable
{
    private readonly ConcurrentDictionary<int, ConnectionHandle> _handles = new();
    private readonly ConcurrentDictionary<DbCommand, byte> _running = new();

    public ConnectionHandle Acquire()
    {
        var id = Environment.CurrentManagedThreadId;
        if (_handles.TryGetValue(id, out var h)) return h;
        h = new ConnectionHandle(open());
        _handles[id] = h;
        return h;
    }

    public ConnectionHandle? Current =>
        _handles.TryGetValue(Environment.CurrentManagedThreadId, out var h) ? h : null;

    public int OpenCount => _handles.Count;

    /// <summary>Closes this thread's connection; an open transaction is rolled back.</summary>
    public void Release()
    {
        if (_handles.TryRemove(Environment.CurrentManagedThreadId, out var h)) h.Dispose();
    }

    public void Track(DbCommand command) => _running[command] = 0;
    public void Untrack(DbCommand command) => _running.TryRemove(command, out _);

    /// <summary>Interrupts every running query on every thread (Ctrl-C, a cancelled job).</summary>
    public int CancelAll()
    {
        var n = 0;
        foreach (var c in _running.Keys)
        {
            try { c.Cancel(); n++; } catch (Exception) { /* the query may have just finished */ }
        }
        return n;
    }

    public void Dispose()
    {
        foreach (var h in _handles.Values) h.Dispose();
        _handles.Clear();
    }
}

internal sealed class ConnectionHandle(DbConnection connection) : IDisposable
{
    public DbConnection Connection { get; } = connection;
    public bool InTransaction { get; set; }

    public void Dispose()
    {
        try
        {
            if (InTransaction)
            {
                using var cmd = Connection.CreateCommand();
                cmd.CommandText = "rollback";
                cmd.ExecuteNonQuery();
            }
        }
        catch (DbException) { /* closing anyway */ }
        Connection.Dispose();
    }
}
