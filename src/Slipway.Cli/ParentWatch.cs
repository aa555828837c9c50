using Slipway.Deploy.Workers;

namespace Slipway.Cli;

/// <summary>
/// A step started by a deployment worker (<see cref="WorkerSettings.ExitWithParentVariable"/> = <c>stdin</c>) watches
/// the pipe the worker holds on its standard input. End of file means the worker is gone (the kernel closes a dead
/// process's pipes, kill -9 included), and an orphaned step must not go on writing to the warehouse: the command
/// is cancelled as by Ctrl+C, and the process ends after a short grace whether or not the cancel got through.
/// </summary>
internal static class ParentWatch
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public static void StartIfAsked(CancellationTokenSource cancellation)
    {
        if (Environment.GetEnvironmentVariable(WorkerSettings.ExitWithParentVariable) != "stdin") return;
        var thread = new Thread(() => Watch(cancellation)) { IsBackground = true, Name = "slipway parent watch" };
        thread.Start();
    }

    private static void Watch(CancellationTokenSource cancellation)
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            // The worker never writes; anything it might send is ignored until the pipe closes.
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A broken pipe is the same news as end of file.
        }
        Console.Error.WriteLine("The worker that started this step is gone (its pipe closed); the step stops.");
        try { cancellation.Cancel(); } catch (ObjectDisposedException) { return; }
        Thread.Sleep(Grace);
        Environment.Exit(2);
    }
}
