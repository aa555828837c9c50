using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Jinja.Tests.Differential;

/// <summary>
/// Runs Python's Jinja2 once over a whole batch (<c>tools/jinja-reference/render_batch.py</c>): the reference
/// the differential test compares against. Python 3 with Jinja2 is required; its absence is a failure, not a skip.
/// </summary>
internal static class PythonReference
{
    public sealed record Case(string Id, string Template, JsonElement Context, IReadOnlyDictionary<string, string> Templates);

    public sealed record Result(string Id, bool Ok, string? Output, string? Kind, int? Line, string? Message);

    public static IReadOnlyList<Result> RenderAll(IReadOnlyList<Case> cases)
    {
        var python = FindPython();
        var folder = Directory.CreateTempSubdirectory("slipway-jinja-diff-");
        try
        {
            var input = Path.Combine(folder.FullName, "cases.json");
            var output = Path.Combine(folder.FullName, "results.json");
            var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
            File.WriteAllText(input, JsonSerializer.Serialize(cases, options));
            // To reproduce outside the test: SLIPWAY_JINJA_DIFF_DUMP=/tmp/cases.json keeps a copy of the batch.
            if (Environment.GetEnvironmentVariable("SLIPWAY_JINJA_DIFF_DUMP") is { Length: > 0 } dump) File.Copy(input, dump, overwrite: true);
            var script = Conformance.RepositoryRoot.Combine("tools", "jinja-reference", "render_batch.py");
            var (code, stderr) = Run(python, script, input, output);
            if (code != 0) throw new InvalidOperationException($"render_batch.py failed (exit {code}):\n{stderr}");
            return JsonSerializer.Deserialize<List<Result>>(File.ReadAllText(output), options)
                ?? throw new InvalidOperationException("render_batch.py wrote no results");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The first interpreter with Jinja2 3.x: $SLIPWAY_PYTHON, then `python3` on PATH, then Debian's /usr/bin/python3
    /// (where `apt-get install python3-jinja2` puts it when PATH's python3 is another build without Jinja2).
    /// </summary>
    private static string FindPython()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("SLIPWAY_PYTHON"), "python3", "/usr/bin/python3" }
            .Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct();
        var tried = new List<string>();
        foreach (var python in candidates)
        {
            try
            {
                var (code, stderr) = Run(python, "-c", "import jinja2, sys; sys.exit(0 if jinja2.__version__.startswith('3.') else 3)");
                if (code == 0) return python;
                tried.Add($"{python}: `import jinja2` failed (exit {code}) {stderr.Trim()}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{python}: not found ({e.Message})");
            }
        }
        throw new InvalidOperationException(
            "The Jinja differential test needs python3 with Jinja2 3.x (apt-get install python3-jinja2). Tried:\n  " + string.Join("\n  ", tried));
    }

    private static (int Code, string Stderr) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 3 minutes");
        }
        return (process.ExitCode, stderr.Result);
    }
}
