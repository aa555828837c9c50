using System.Text.Json;
using static Slipway.Engine.Graph.JsonValues;

namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// The artifacts of an earlier invocation read from --state DIR: manifest.json for state:, run_results.json for
/// result:, sources.json (with the current target's sources.json) for source_status:. Any of them may be absent;
/// a method that needs a missing one fails with a clear error.
/// </summary>
public sealed class PreviousState
{
    internal ManifestGraph? Manifest { get; init; }

    internal IReadOnlyDictionary<string, string>? ResultStatuses { get; init; }

    internal FreshnessResults? Sources { get; init; }

    internal FreshnessResults? SourcesCurrent { get; init; }

    public string Directory { get; init; } = "";

    /// <summary>Loads what exists of <paramref name="stateDirectory"/>; the current sources.json is read from <paramref name="targetDirectory"/>.</summary>
    public static PreviousState Load(string stateDirectory, string? targetDirectory = null)
    {
        var manifestPath = Path.Combine(stateDirectory, "manifest.json");
        var resultsPath = Path.Combine(stateDirectory, "run_results.json");
        var sourcesPath = Path.Combine(stateDirectory, "sources.json");
        var currentSourcesPath = targetDirectory is null ? null : Path.Combine(targetDirectory, "sources.json");
        return new PreviousState
        {
            Directory = stateDirectory,
            Manifest = File.Exists(manifestPath) ? ManifestGraph.FromManifestJson(manifestPath, lenient: true) : null,
            ResultStatuses = File.Exists(resultsPath) ? ReadResults(resultsPath) : null,
            Sources = File.Exists(sourcesPath) ? FreshnessResults.Read(sourcesPath) : null,
            SourcesCurrent = currentSourcesPath is not null && File.Exists(currentSourcesPath) ? FreshnessResults.Read(currentSourcesPath) : null,
        };
    }

    private static Dictionary<string, string> ReadResults(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in Property(document.RootElement, "results").EnumerateArray())
        {
            var id = String(result, "unique_id");
            var status = String(result, "status");
            if (id is not null && status is not null)
            {
                statuses[id] = status;
            }
        }
        return statuses;
    }
}
