using System.Text.Json;
using static Slipway.Engine.Graph.JsonValues;

namespace Slipway.Engine.Graph.Selection;

/// <summary>A sources.json: each source's max_loaded_at, or a runtime error.</summary>
internal sealed class FreshnessResults
{
    public Dictionary<string, DateTimeOffset> MaxLoadedAt { get; } = new(StringComparer.Ordinal);

    public HashSet<string> RuntimeErrors { get; } = new(StringComparer.Ordinal);

    public static FreshnessResults Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new FreshnessResults();
        foreach (var result in Property(document.RootElement, "results").EnumerateArray())
        {
            var id = String(result, "unique_id");
            if (id is null)
            {
                continue;
            }
            var loaded = String(result, "max_loaded_at");
            if (loaded is not null && DateTimeOffset.TryParse(loaded, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                results.MaxLoadedAt[id] = at;
            }
            else
            {
                results.RuntimeErrors.Add(id);
            }
        }
        return results;
    }
}
