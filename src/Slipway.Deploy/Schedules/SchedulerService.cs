using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Workers;

namespace Slipway.Deploy.Schedules;

/// <summary>Runs a scheduling pass every <see cref="WorkerSettings.SchedulerInterval"/> on each node that has it.</summary>
internal sealed class SchedulerService(IServiceScopeFactory scopes, WorkerSettings settings, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled || settings.SchedulerInterval <= TimeSpan.Zero) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<JobScheduler>().TickAsync(DateTime.UtcNow, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogWarning(e, "A scheduling pass failed; the next one retries");
            }
            try { await Task.Delay(settings.SchedulerInterval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
