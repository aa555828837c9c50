using System.Diagnostics;

namespace Slipway.Adapters.Conformance;

public abstract class CancellationConformance : AdapterTestBase
{
    [Fact]
    public void A_cancelled_token_interrupts_a_running_query()
    {
        var adapter = Adapter;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => adapter.Execute(LongRunningQuery, fetch: true, cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        // The connection stays usable after the interrupt.
        Assert.Equal(1, Convert.ToInt32(Scalar("select 1")));
    }

    [Fact]
    public void A_cancelled_statement_in_a_transaction_rolls_it_back()
    {
        var adapter = Adapter;
        adapter.Execute($"create table {Q("t")} (id integer)");
        adapter.Execute($"insert into {Q("t")} values (1)", autoBegin: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => adapter.Execute(LongRunningQuery, fetch: true, cancellationToken: cts.Token));
        Assert.Equal(0, Count("t"));
        adapter.Begin();
        adapter.Commit();
    }

    [Fact]
    public void A_cancel_that_lands_as_the_query_starts_still_stops_it()
    {
        var adapter = Adapter;
        for (var i = 0; i < 5; i++)
        {
            using var cts = new CancellationTokenSource();
            cts.CancelAfter(i);
            var watch = Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => adapter.Execute(LongRunningQuery, fetch: true, cancellationToken: cts.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        }
    }

    [Fact]
    public void Cancel_open_connections_interrupts_queries_on_other_threads()
    {
        var adapter = Adapter;
        Exception? error = null;
        var running = new Thread(() =>
        {
            try { adapter.Execute(LongRunningQuery, fetch: true); }
            catch (Exception e) { error = e; }
        }) { IsBackground = true };
        running.Start();
        var watch = Stopwatch.StartNew();
        // Keep interrupting until the query ends: an interrupt sent before it starts executing is not kept.
        while (running.IsAlive && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            adapter.CancelOpenConnections();
            Thread.Sleep(50);
        }
        Assert.True(running.Join(TimeSpan.FromSeconds(30)), "the query was not interrupted");
        Assert.True(error is OperationCanceledException or AdapterException, error?.ToString() ?? "the query was not interrupted");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
