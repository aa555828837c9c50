namespace Slipway.Cli;

/// <summary>Parses the command line and dispatches to a command. Exit codes as dbt: 0 ok, 1 handled failure, 2 bad invocation or crash.</summary>
public static class SlipwayCli
{
    public static int Run(string[] args)
    {
        if (args is ["--version"] or ["-v"])
        {
            Console.WriteLine("Core:\n  - installed: 1.10.0 (slipway " + typeof(SlipwayCli).Assembly.GetName().Version + ")");
            return 0;
        }
        Console.Error.WriteLine("Usage: slipway <command> [options]");
        return 2;
    }
}
