using System.Diagnostics;

namespace Slipway.Adapters.DuckDb.Tests;

public class CancellationTests
{
    private const string LongQuery = "select count(*) from range(1000000000000) a where a.range % 7 = 3";

    [Fact]
    public void A_cancelled_token_interrupts_a_running_query()
    {
        using var db = new TempDuckDb();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => db.Adapter.Execute(LongQuery, fetch: true, cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        // The connection stays usable after the interrupt.
        Assert.Equal(1, Convert.ToInt32(db.Scalar("select 1")));
    }

    [Fact]
    public void Cancel_open_connections_interrupts_queries_on_other_threads()
    {
        using var db = new TempDuckDb();
        Exception? error = null;
        var running = new Thread(() =>
        {
            try { db.Adapter.Execute(LongQuery, fetch: true); }
            catch (Exception e) { error = e; }
        });
        running.Start();
        var watch = Stopwatch.StartNew();
        // Keep interrupting until the query ends: an interrupt sent before it starts executing is not kept.
        while (running.IsAlive && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            db.Adapter.CancelOpenConnections();
            Thread.Sleep(50);
        }
        running.Join();
        Assert.True(error is OperationCanceledException or AdapterException, error?.ToString() ?? "the query was not interrupted");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
