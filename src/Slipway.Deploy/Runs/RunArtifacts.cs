using Slipway.Deploy.Api;

namespace Slipway.Deploy.Runs;

/// <summary>A run's artifacts live under <c>&lt;data-dir&gt;/runs/&lt;id&gt;/artifacts</c>; paths never leave that folder.</summary>
internal static class RunArtifacts
{
    public static string Folder(DeployOptions options, int runId) => Path.Combine(options.DataDir, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "artifacts");

    public static IResult Serve(DeployOptions options, int runId, string path)
    {
        var folder = Path.GetFullPath(Folder(options, runId));
        var full = Path.GetFullPath(Path.Combine(folder, path));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw ApiException.Invalid("path", $"The artifact path '{path}' leaves the run's artifact folder.");
        if (!File.Exists(full)) throw ApiException.NotFound($"Artifact '{path}' of run {runId}");
        var type = Path.GetExtension(full) switch { ".json" => "application/json", ".html" => "text/html", ".sql" => "text/plain", _ => "application/octet-stream" };
        return TypedResults.PhysicalFile(full, type);
    }

    public static IReadOnlyList<string> List(DeployOptions options, int runId)
    {
        var folder = Folder(options, runId);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
