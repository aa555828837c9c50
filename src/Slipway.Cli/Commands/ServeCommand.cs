using Slipway.Cli.CommandLine;
using Slipway.Deploy;
using Slipway.Engine.Project;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway serve [--data-dir DIR] [--urls URLS] [--database CONNECTION] [--admin-password PASSWORD] [--demo]</c>: starts the
/// deployment service (Slipway.Deploy) until Ctrl+C or SIGTERM. Job commands are checked with this CLI's own parser.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8580";

    public static int Execute(Invocation invocation, TextWriter stdout, CancellationToken cancellationToken)
    {
        var urls = invocation.GetString("urls")
            ?? (invocation.GetString("host") is { } host || invocation.Flags.ContainsKey("port")
                ? $"http://{invocation.GetString("host") ?? "127.0.0.1"}:{(invocation.Flags.TryGetValue("port", out var p) ? p : 8580)}"
                : DefaultUrls);
        var options = new DeployOptions
        {
            DataDir = Path.GetFullPath(invocation.GetString("data_dir") ?? ".slipway"),
            Database = invocation.GetString("database"),
            AdminPassword = invocation.GetString("admin_password"),
            SetupOutput = stdout,
            CheckCommand = CheckJobCommand,
            Demo = invocation.GetBool("demo"),
        };
        options.Workers.Enabled = true;
        WorkerEnvironment.Apply(options.Workers);
        stdout.WriteLine($"Slipway deployment service on {urls} (data in {options.DataDir}); API documentation at /openapi/v1.json");
        try
        {
            DeployHost.RunAsync(options, urls, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a normal stop for a service.
        }
        return 0;
    }

    /// <summary>Null when the words (a job step without its leading <c>dbt</c>) parse as a slipway command, else the parser's error.</summary>
    public static string? CheckJobCommand(IReadOnlyList<string> words)
    {
        try
        {
            var parsed = CommandLineParser.Parse(words, _ => null);
            if (parsed.ShowHelp || parsed.ShowVersion || parsed.Invocation is null) return "it only prints help or the version.";
            return null;
        }
        catch (UsageException e)
        {
            return e.Message;
        }
    }
}
