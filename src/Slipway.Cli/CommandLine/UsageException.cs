namespace Slipway.Cli.CommandLine;

/// <summary>A bad command line: printed like click does (usage, hint, "Error: …") and exit code 2.</summary>
internal sealed class UsageException(string message, string? command) : Exception(message)
{
    public string? Command { get; } = command;

    public string Render()
    {
        var usage = Command is null ? "slipway [OPTIONS] COMMAND [ARGS]..." : $"slipway {Command} [OPTIONS]";
        var help = Command is null ? "slipway -h" : $"slipway {Command} -h";
        return $"Usage: {usage}\nTry '{help}' for help.\n\nError: {Message}";
    }
}
