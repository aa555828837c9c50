using Slipway.Cli.CommandLine;
using Slipway.Deploy;
using Slipway.Deploy.Workers;
using Slipway.Engine.Project;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway worker --database CONNECTION [--data-dir DIR]</c>: a node that only executes queued runs of the
/// deployment service sharing that metadata database (and data folder, for logs, artifacts and keys).
/// </summary>
internal static class WorkerCommand
{
    public static int Execute(Invocation invocation, TextWriter stdout, CancellationToken cancellationToken)
    {
        var options = new DeployOptions
        {
            DataDir = Path.GetFullPath(invocation.GetString("data_dir") ?? ".slipway"),
            Database = invocation.GetString("database"),
            SetupOutput = stdout,
            CheckCommand = ServeCommand.CheckJobCommand,
        };
        // Lease and heartbeat can be shortened (tests, small setups); the heartbeat stays a third of the lease.
        if (int.TryParse(Environment.GetEnvironmentVariable("SLIPWAY_WORKER_LEASE_SECONDS"), out var lease) && lease > 0)
        {
            options.Workers.Lease = TimeSpan.FromSeconds(lease);
            options.Workers.Heartbeat = TimeSpan.FromSeconds(lease / 3.0);
        }
        if (int.TryParse(Environment.GetEnvironmentVariable("SLIPWAY_WORKER_SLOTS"), out var slots) && slots > 0) options.Workers.Slots = slots;
        stdout.WriteLine($"Slipway worker {options.Workers.WorkerId} (data in {options.DataDir})");
        try
        {
            WorkerHost.RunAsync(options, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a normal stop.
        }
        return 0;
    }
}
