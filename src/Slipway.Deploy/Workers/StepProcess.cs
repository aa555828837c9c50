using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Slipway.Deploy.Workers;

/// <summary>
/// One step's engine process: <c>slipway &lt;command&gt; --log-format json …</c> with its own environment. Stopping
/// it sends SIGINT first (the engine cancels its queries and writes its artifacts), then kills it after the grace.
/// </summary>
internal static class StepProcess
{
    public enum Ending { Exited, Cancelled, TimedOut, LeaseLost }

    public sealed record Result(int ExitCode, Ending Ending);

    /// <summary>The program and leading arguments that start the engine, as configured or this slipway itself.</summary>
    public static IReadOnlyList<string> Engine(WorkerSettings settings, string? pinned)
    {
        if (pinned is { Length: > 0 }) return [pinned];
        if (settings.EngineCommand is { Count: > 0 } configured) return configured;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "slipway") return [self];
        var dll = Path.Combine(AppContext.BaseDirectory, "slipway.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The engine was not found: no slipway executable and no {dll}.");
        var host = self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return [host, dll];
    }

    /// <summary>Runs to the end, or until <paramref name="stop"/> says why it must stop (checked while it runs).</summary>
    public static async Task<Result> RunAsync(IReadOnlyList<string> engine, IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> variables, Action<string> onLine, Func<Task<Ending?>> stop, TimeSpan checkEvery, TimeSpan grace,
        CancellationToken ct)
    {
        var start = new ProcessStartInfo(engine[0])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var word in engine.Skip(1).Concat(arguments)) start.ArgumentList.Add(word);
        // The service's own settings (database, admin password, dbt variables of the host) are not the step's business.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SLIPWAY_", StringComparison.Ordinal) || k.StartsWith("DBT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in variables) start.Environment[name] = value;
        start.Environment[WorkerSettings.ExitWithParentVariable] = "stdin";
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var lineLock = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lineLock) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lineLock) onLine(e.Data); };
        process.Start();
        // Standard input stays open, unwritten, for the step's whole life: its end tells the step this worker died.
        using var parentPipe = process.StandardInput;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync(CancellationToken.None);
        Ending? ending = null;
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, Task.Delay(checkEvery, CancellationToken.None));
            if (exited.IsCompleted) break;
            ending = ct.IsCancellationRequested ? Ending.LeaseLost : await stop();
            if (ending is not null) break;
        }
        if (ending is not null)
        {
            Interrupt(process);
            if (await Task.WhenAny(exited, Task.Delay(grace, CancellationToken.None)) != exited)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
        }
        await exited;
        // Drains the asynchronous readers before the exit code is read.
        process.WaitForExit();
        return new Result(process.ExitCode, ending ?? Ending.Exited);
    }

    private static void Interrupt(Process process)
    {
        try
        {
            if (OperatingSystem.IsWindows()) process.Kill(entireProcessTree: true);
            else if (Kill(process.Id, 2) != 0) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code for no gain on two ints.
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
