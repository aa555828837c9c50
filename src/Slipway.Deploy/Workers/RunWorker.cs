using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Workers;

/// <summary>
/// The worker loop of a node (inside <c>slipway serve</c> or <c>slipway worker</c>): reap lost leases, then claim
/// queued runs while a slot is free, each executed in its own scope. Stopping the node interrupts running steps.
/// </summary>
internal sealed class RunWorker(IServiceScopeFactory scopes, WorkerSettings settings, RunSignal signal, ILogger<RunWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, settings.Slots));
    private readonly List<Task> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled) return;
        // Checkouts (LibGit2Sharp) and process waits block pool threads; a pool that starts with one thread per core
        // then grows slowly, and heartbeats queued behind them let leases expire under load (seen with 8 slots on 2 cores).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * settings.Slots + 8), io);
        // Lets the host finish starting (schema applied) before the first query.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<RunQueue>().ReapAsync(stoppingToken);
                // A node with no slots executes nothing, but still reaps lost leases for the others.
                while (settings.Slots > 0 && slots.CurrentCount > 0 && !stoppingToken.IsCancellationRequested)
                {
                    var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<RunQueue>().ClaimAsync(stoppingToken);
                    if (run is null) { await scope.DisposeAsync(); break; }
                    await slots.WaitAsync(stoppingToken);
                    lock (running) running.Add(ExecuteAsync(scope, run, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(e, "The worker loop failed once; it goes on");
            }
            try { await signal.WaitAsync(settings.PollInterval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
        Task[] left;
        lock (running) left = running.ToArray();
        await Task.WhenAll(left);
    }

    /// <summary>Keeps the lease for the whole run (checkout included); a lease found lost stops the run's process.</summary>
    private async Task HeartbeatAsync(int runId, CancellationTokenSource leaseLost, CancellationToken end)
    {
        while (!end.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Heartbeat, end);
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<RunQueue>().HeartbeatAsync(runId, end))
                {
                    logger.LogWarning("Run {RunId}: the lease of {Worker} was lost", runId, settings.WorkerId);
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A missed heartbeat is retried; the lease is several heartbeats long.
                logger.LogWarning(e, "Run {RunId}: a heartbeat failed", runId);
            }
        }
    }

    private async Task ExecuteAsync(AsyncServiceScope scope, Run run, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            logger.LogInformation("Run {RunId} claimed by {Worker}", run.Id, settings.WorkerId);
            using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var heartbeatsEnd = new CancellationTokenSource();
            var heartbeats = HeartbeatAsync(run.Id, leaseLost, heartbeatsEnd.Token);
            RunExecutor.Outcome outcome;
            try
            {
                outcome = await scope.ServiceProvider.GetRequiredService<RunExecutor>().ExecuteAsync(run, leaseLost.Token);
            }
            finally
            {
                await heartbeatsEnd.CancelAsync();
                await heartbeats;
            }
            foreach (var follower in scope.ServiceProvider.GetServices<IRunFinished>())
            {
                try { await follower.FinishedAsync(run.Id, outcome, CancellationToken.None); }
                catch (Exception e) when (e is not OutOfMemoryException) { logger.LogWarning(e, "After run {RunId}: {Follower} failed", run.Id, follower.GetType().Name); }
            }
        }
        catch (OperationCanceledException)
        {
            // The node is stopping or lost the lease: the lease (expired, or expiring) lets a reaper end the run.
            logger.LogWarning("Run {RunId} was left to its lease: the worker stopped or lost it", run.Id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Run {RunId} failed in the worker", run.Id);
            try
            {
                await scope.ServiceProvider.GetRequiredService<RunQueue>().TransitionAsync(run.Id, [RunStatus.Starting, RunStatus.Running], RunStatus.Error,
                    $"The worker failed: {e.Message}", CancellationToken.None);
            }
            catch (Exception inner) when (inner is not OutOfMemoryException)
            {
                logger.LogError(inner, "Run {RunId} could not be marked Error; its lease will expire", run.Id);
            }
        }
        finally
        {
            await scope.DisposeAsync();
            slots.Release();
            lock (running) running.RemoveAll(t => t.IsCompleted);
            // The job's next queued run may be claimed now.
            signal.Raise();
        }
    }
}
