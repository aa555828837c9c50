using System.Collections.Concurrent;
using System.Data.Common;

namespace Slipway.Adapters.Connections;

/// <summary>
/// One open connection per thread, as dbt keeps one per worker thread: a node's statements, its transaction
/// and its temp tables stay on one connection. Running commands are tracked so a run can be cancelled.
/// </summary>
internal sealed class ConnectionManager(Func<DbConnection> open) : IDisposable
{
    // Keyed by the thread object: an int key would JIT the dictionary's code at every start (ReadyToRun keeps only
    // the shared code of collections over references).
    private readonly ConcurrentDictionary<Thread, ConnectionHandle> _handles = new();
    private readonly ConcurrentDictionary<DbCommand, RunningCommand> _running = new();

    public ConnectionHandle Acquire()
    {
        var id = Thread.CurrentThread;
        if (_handles.TryGetValue(id, out var h)) return h;
        h = new ConnectionHandle(open());
        _handles[id] = h;
        return h;
    }

    public ConnectionHandle? Current =>
        _handles.TryGetValue(Thread.CurrentThread, out var h) ? h : null;

    public int OpenCount => _handles.Count;

    /// <summary>Closes this thread's connection; an open transaction is rolled back.</summary>
    public void Release()
    {
        if (_handles.TryRemove(Thread.CurrentThread, out var h)) h.Dispose();
    }

    /// <summary>Records a statement as running; whoever cancels it uses <paramref name="cancel"/> until it finishes.</summary>
    public RunningCommand Track(DbCommand command, Action<DbCommand> cancel)
    {
        var running = new RunningCommand(command, cancel);
        _running[command] = running;
        return running;
    }

    public void Untrack(DbCommand command) => _running.TryRemove(command, out _);

    /// <summary>Interrupts every running query on every thread (Ctrl-C, a cancelled job); returns how many.</summary>
    public int CancelAll()
    {
        var n = 0;
        foreach (var r in _running.Values)
        {
            r.RequestCancel();
            n++;
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

/// <summary>
/// One statement in flight. A cancel can reach the server before the statement starts executing, where it is
/// dropped (DuckDB and PostgreSQL both do), so a requested cancel is repeated until the statement is over; it
/// stops before the connection's next statement can be hit.
/// </summary>
internal sealed class RunningCommand(DbCommand command, Action<DbCommand> cancel)
{
    private readonly Lock _lock = new();
    private bool _finished;
    private int _requested;

    public void RequestCancel()
    {
        if (Interlocked.Exchange(ref _requested, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                lock (_lock)
                {
                    if (_finished) return;
                    try { cancel(command); } catch (Exception) { /* finished meanwhile, or the server is gone */ }
                }
                await Task.Delay(50).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Marks the statement over; waits for a cancel being sent right now, so none lands on a later statement.</summary>
    public void Finish()
    {
        lock (_lock) _finished = true;
    }
}
