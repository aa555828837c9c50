using System.Diagnostics;
using Slipway.Deploy.Workers;

namespace Slipway.Deploy.Tests.Cli;

/// <summary>
/// A step started by a worker exits when the worker's pipe on its standard input closes (the worker died), instead
/// of going on with its warehouse queries. The built CLI runs a model that would take hours on DuckDB.
/// </summary>
public sealed class ParentWatchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("slipway-watch-").FullName;

    public ParentWatchTests()
    {
        File.WriteAllText(Path.Combine(folder, "dbt_project.yml"), "name: watch\nversion: '1.0'\nprofile: watch\n");
        File.WriteAllText(Path.Combine(folder, "profiles.yml"),
            $"watch:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: \"{{{{ env_var('WATCH_WAREHOUSE') }}}}\"\n      schema: main\n");
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.WriteAllText(Path.Combine(folder, "models", "slow.sql"),
            "{{ config(materialized='table') }}\nselect sum(a.range * b.range) as total from range(1000000000) a, range(1000000000) b\n");
    }

    private Process Start(bool watch)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "slipway"))
        {
            ArgumentList = { "run", "--project-dir", folder, "--profiles-dir", folder },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (watch) start.Environment[WorkerSettings.ExitWithParentVariable] = "stdin";
        // One DuckDB file each: a DuckDB file has one writer process.
        start.Environment["WATCH_WAREHOUSE"] = Path.Combine(folder, watch ? "watched.duckdb" : "unwatched.duckdb");
        return Process.Start(start)!;
    }

    private static async Task<string> UntilStartedAsync(Process process)
    {
        var seen = new System.Text.StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains("START sql table model", StringComparison.Ordinal)) return seen.ToString();
            Assert.True(DateTime.UtcNow < deadline, seen.ToString());
        }
        Assert.Fail("The model never started: " + seen);
        return "";
    }

    [Fact]
    public async Task A_step_whose_workers_pipe_closes_stops_and_one_without_the_watch_goes_on()
    {
        using var watched = Start(watch: true);
        using var unwatched = Start(watch: false);
        try
        {
            await Task.WhenAll(UntilStartedAsync(watched), UntilStartedAsync(unwatched));
            var errors = watched.StandardError.ReadToEndAsync();

            // What the kernel does to a killed worker's end of the pipe.
            watched.StandardInput.Close();
            unwatched.StandardInput.Close();
            var clock = Stopwatch.StartNew();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
                await watched.WaitForExitAsync(timeout.Token);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"It stopped only after {clock.Elapsed.TotalSeconds:0.0} s.");
            Assert.NotEqual(0, watched.ExitCode);
            Assert.Contains("The worker that started this step is gone", await errors);
            // Started by hand (no variable), the same command ignores its standard input.
            Assert.False(unwatched.HasExited);
        }
        finally
        {
            foreach (var process in new[] { watched, unwatched })
                if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
