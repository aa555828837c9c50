using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Slipway.Deploy.Workers;

/// <summary>
/// On PostgreSQL, a node with worker slots listens on <see cref="RunSignal.Channel"/> with one connection of its own
/// and wakes its worker loop when another node queues a run (a `slipway worker` next to the `serve` nodes that take
/// the API triggers). A lost connection is opened again after a pause; meanwhile the poll still finds runs.
/// </summary>
internal sealed class RunNotificationListener(DeployOptions options, WorkerSettings settings, RunSignal signal, ILogger<RunNotificationListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsPostgres || !settings.Enabled || settings.Slots <= 0) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(options.Database) { Pooling = false, KeepAlive = 30 }.ConnectionString;
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Raise();
                await using (var listen = new NpgsqlCommand("LISTEN " + RunSignal.Channel, connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or InvalidOperationException)
            {
                logger.LogWarning("Listening for queued runs failed ({Message}); polling until it reconnects", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
