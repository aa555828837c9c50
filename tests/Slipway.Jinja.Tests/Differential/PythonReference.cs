using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Jinja.Tests.Differential;

/// <summary>
/// Runs Python's Jinja2 once over a whole batch (<c>tools/jinja-reference/render_batch.py</c>): the reference
/// the differential test compares against. Python 3 with Jinja2 is required; its absence is a failure, not a skip.
/// </summary>
internal static class PythonReference
{
    public sealed record Case(string Id, string Template, JsonElement Context);

    public sealed record Result(string Id, bool Ok, string? Output, string? Kind, int? Line, string? Message);

    public static IReadOnlyList<Result> RenderAll(IReadOnlyList<Case> cases)
    {
        RequireJinja2();
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
            var (code, stderr) = Run("python3", script, input, output);
            if (code != 0) throw new InvalidOperationException($"render_batch.py failed (exit {code}):\n{stderr}");
            return JsonSerializer.Deserialize<List<Result>>(File.ReadAllText(output), options)
                ?? throw new InvalidOperationException("render_batch.py wrote no results");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void RequireJinja2()
    {
        (int Code, string Stderr) probe;
        try
        {
            probe = Run("python3", "-c", "import jinja2, sys; sys.exit(0 if jinja2.__version__.startswith('3.') else 3)");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The Jinja differential test needs python3 with Jinja2 3.x (apt-get install python3-jinja2): python3 was not found. " + e.Message);
        }
        if (probe.Code != 0)
            throw new InvalidOperationException($"The Jinja differential test needs python3 with Jinja2 3.x (apt-get install python3-jinja2): `import jinja2` failed (exit {probe.Code}). {probe.Stderr}");
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
