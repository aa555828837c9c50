using Slipway.Engine.Project;

namespace Slipway.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output and a given environment (never the machine's).</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = SlipwayCli.Run(args, stdout, stderr,
            new EnvironmentVariables(env ?? new Dictionary<string, string>()), CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Out, string Err) Run(params string[] args) => Run(null, args);
}

/// <summary>A temp folder holding a small project; deleted afterwards.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(string profiles = "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      threads: 2\n")
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Write("dbt_project.yml", "name: shop\nprofile: shop\n");
        if (profiles.Length > 0) Write("profiles.yml", profiles);
    }

    public string Root { get; }

    public string Path_(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
