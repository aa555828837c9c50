using System.Diagnostics;
using Npgsql;

namespace Slipway.Adapters.Postgres.Tests;

// Cancelling stops the statement on the server: nothing of ours is left running in pg_stat_activity.
public class PostgresCancellationTests : PgTestBase
{
    private static long Active(NpgsqlConnection observer, string marker) => Convert.ToInt64(PgServer.Scalar(observer,
        $"select count(*) from pg_stat_activity where state = 'active' and query like '%{marker}%' and pid <> pg_backend_pid()"));

    private static void WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting until {what}");
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void A_cancelled_token_leaves_no_statement_running_on_the_server()
    {
        var marker = "slipway_cancel_" + Guid.NewGuid().ToString("N")[..8];
        var adapter = Adapter;
        using var observer = PgServer.Observer();
        using var cts = new CancellationTokenSource();
        var run = new Background<object>(() => adapter.Execute($"select pg_sleep(600) /* {marker} */", fetch: true, cancellationToken: cts.Token));
        WaitFor(() => Active(observer, marker) == 1, "the statement runs on the server");
        cts.Cancel();
        Assert.True(run.Join(TimeSpan.FromSeconds(10)), "the statement was not interrupted");
        Assert.IsAssignableFrom<OperationCanceledException>(run.Error);
        WaitFor(() => Active(observer, marker) == 0, "the server stops the statement");
    }

    [Fact]
    public void Cancel_open_connections_stops_every_thread_s_statement_on_the_server()
    {
        var marker = "slipway_cancel_all_" + Guid.NewGuid().ToString("N")[..8];
        var adapter = Adapter;
        using var observer = PgServer.Observer();
        var runs = Enumerable.Range(0, 3)
            .Select(_ => new Background<object>(() => adapter.Execute($"select pg_sleep(600) /* {marker} */", fetch: true)))
            .ToList();
        WaitFor(() => Active(observer, marker) == 3, "three statements run on the server");
        Assert.Equal(3, adapter.CancelOpenConnections());
        foreach (var run in runs)
        {
            Assert.True(run.Join(TimeSpan.FromSeconds(10)), "a statement was not interrupted");
            var e = Assert.IsType<AdapterException>(run.Error);
            Assert.Equal("Database Error: canceling statement due to user request", e.Message);
        }
        Assert.Equal(0, Active(observer, marker));
        // Each connection is usable afterwards.
        Assert.Equal(1, Convert.ToInt32(Scalar("select 1")));
    }

    [Fact]
    public void A_single_cancel_sent_before_the_statement_starts_is_repeated_until_it_lands()
    {
        var adapter = Adapter;
        for (var i = 0; i < 10; i++)
        {
            using var cts = new CancellationTokenSource();
            var run = new Background<object>(() => adapter.Execute("select pg_sleep(600)", fetch: true, cancellationToken: cts.Token));
            Thread.Sleep(i);
            cts.Cancel();
            Assert.True(run.Join(TimeSpan.FromSeconds(10)), "the statement was not interrupted");
            Assert.IsAssignableFrom<OperationCanceledException>(run.Error);
        }
    }
}
