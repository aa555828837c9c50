using Slipway.Cli.CommandLine;
using Slipway.Cli.Commands;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Cli;

/// <summary>Parses the command line and dispatches to a command. Exit codes as dbt: 0 ok, 1 handled failure, 2 bad invocation or crash.</summary>
public static class SlipwayCli
{
    public static int Run(string[] args)
    {
        // SIGINT (Ctrl+C) and SIGTERM cancel the command so warehouse queries can be cancelled and artifacts written;
        // a second Ctrl+C ends the process at once.
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; cancellation.Cancel(); });
        ParentWatch.StartIfAsked(cancellation);
        try
        {
            return Run(args, Console.Out, Console.Error, EnvironmentVariables.FromProcess(), cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, EnvironmentVariables env,
        CancellationToken cancellationToken)
    {
        ParsedCommandLine parsed;
        try
        {
            parsed = CommandLineParser.Parse(args, env.Get);
        }
        catch (UsageException e)
        {
            stderr.WriteLine(e.Render());
            return 2;
        }
        if (parsed.ShowVersion)
        {
            stdout.WriteLine($"Core:\n  - installed: {SlipwayVersion.DbtVersion} (slipway {SlipwayVersion.Version})");
            return 0;
        }
        if (parsed.ShowHelp)
        {
            stdout.WriteLine(Help.Text(parsed.HelpCommand));
            return 0;
        }

        var invocation = parsed.Invocation!;
        var projectDir = Path.GetFullPath(invocation.ProjectDir);
        var logFile = Directory.Exists(projectDir) ? Path.Combine(RuntimeConfig.LogPathFor(invocation, projectDir), "dbt.log") : null;
        using var log = new EventLog(stdout,
            new EventLogOptions(invocation.LogFormat, invocation.Quiet, invocation.Debug, logFile, Guid.NewGuid().ToString(),
                invocation.GetString("log_level"), invocation.GetString("log_level_file")),
            env.Masker);
        try
        {
            log.Info($"Running with slipway={SlipwayVersion.Version}", "MainReportVersion");
            cancellationToken.ThrowIfCancellationRequested();
            return invocation.Command switch
            {
                "debug" => DebugCommand.Execute(invocation, env, log),
                "clean" => CleanCommand.Execute(invocation, env, log),
                "deps" => DepsCommand.Execute(invocation, env, log),
                "serve" => ServeCommand.Execute(invocation, stdout, cancellationToken),
                "worker" => WorkerCommand.Execute(invocation, stdout, cancellationToken),
                _ => RunEngineCommand(invocation, env, log, cancellationToken),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error("The command was cancelled (interrupt signal); work in progress was stopped.", "MainKeyboardInterrupt");
            return 2;
        }
        catch (ProjectException e)
        {
            log.Error("Encountered an error:\n" + e.Message, "MainEncounteredError");
            log.StackTrace(e);
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error("Encountered an error:\n" + e.Message, "MainEncounteredError");
            log.StackTrace(e);
            return 2;
        }
    }

    private static int RunEngineCommand(Invocation invocation, EnvironmentVariables env, EventLog log, CancellationToken cancellationToken)
    {
        var command = EngineCommands.Find(invocation.Command);
        if (command is null)
        {
            log.Error($"'{invocation.Command}' is not implemented yet in slipway.");
            return 1;
        }
        var config = RuntimeConfig.Load(invocation, env);
        return command.Execute(config, log, cancellationToken);
    }
}
