using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slipway.Deploy.Tests.Support;

/// <summary>
/// The built `slipway` CLI (the apphost next to the tests) as a real child process, with its output kept for
/// failure messages. Disposing kills it and whatever it started.
/// </summary>
public sealed class SlipwayProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> head = new();

    public SlipwayProcess(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "slipway.exe" : "slipway");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "slipway.dll") } };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines it printed (for assertion messages).</summary>
    public string Output => string.Join('\n', output);

    /// <summary>The first lines it printed (what it said at start).</summary>
    public string Head => string.Join('\n', head);

    private void Keep(string? line)
    {
        if (line is null) return;
        if (head.Count < 10) head.Enqueue(line);
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    /// <summary>kill -9 of this process alone: its children are left to notice.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Processes whose command line contains every one of <paramref name="words"/> (Linux /proc), alive and not zombies.</summary>
    public static IReadOnlyList<int> Find(params string[] words)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux()) return found;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (words.All(w => commandLine.Contains(w, StringComparison.Ordinal)) && IsAlive(pid)) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while looking.
            }
        }
        return found;
    }

    /// <summary>Whether the process exists and is not a zombie (an exited child nobody reaped yet).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the parenthesised command name.
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
        process.Dispose();
    }
}
