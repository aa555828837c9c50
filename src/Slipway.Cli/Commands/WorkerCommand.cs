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
        WorkerEnvironment.Apply(options.Workers);
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
