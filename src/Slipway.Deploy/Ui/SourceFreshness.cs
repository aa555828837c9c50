using System.Text.Json;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Ui;

/// <summary>
/// Source freshness as the runs recorded it: each run that checked freshness keeps dbt's <c>sources.json</c> among its
/// artifacts; the latest check of each source is its current state, earlier ones its history.
/// </summary>
internal static class SourceFreshness
{
    internal sealed record Row(int ProjectId, int RunId, string Source, string Status, string Age, string Thresholds, DateTime CheckedAt);

    public static async Task<List<Row>> LatestAsync(DeployDbContext db, DeployOptions options, int projectId, CancellationToken ct)
    {
        var latest = new Dictionary<string, Row>();
        foreach (var row in await HistoryAsync(db, options, projectId, 50, ct))
            latest.TryAdd(row.Source, row);
        return latest.Values.OrderBy(r => r.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks from the newest <paramref name="runs"/> runs that produced <c>sources.json</c>, newest first.</summary>
    public static async Task<List<Row>> HistoryAsync(DeployDbContext db, DeployOptions options, int projectId, int runs, CancellationToken ct)
    {
        var candidates = await db.Runs.Where(r => r.ProjectId == projectId && r.HasSourcesGenerated)
            .OrderByDescending(r => r.Id).Take(runs).Select(r => new { r.Id, r.FinishedAt, r.UpdatedAt }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var run in candidates)
        {
            var folder = RunArtifacts.Folder(options, run.Id);
            var file = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "sources.json", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (file is null) continue;
            try
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
                if (!document.RootElement.TryGetProperty("results", out var results)) continue;
                foreach (var result in results.EnumerateArray())
                {
                    var id = result.TryGetProperty("unique_id", out var u) ? u.GetString() ?? "" : "";
                    var name = id.StartsWith("source.", StringComparison.Ordinal) ? string.Join('.', id.Split('.').Skip(2)) : id;
                    var status = result.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
                    var age = result.TryGetProperty("max_loaded_at_time_ago_in_s", out var a) && a.ValueKind == JsonValueKind.Number
                        ? Format.Duration(TimeSpan.FromSeconds(a.GetDouble())) + " old" : "";
                    rows.Add(new Row(projectId, run.Id, name, status, age, Thresholds(result), run.FinishedAt ?? run.UpdatedAt));
                }
            }
            catch (JsonException)
            {
                // A damaged artifact is skipped: the page shows the other checks.
            }
        }
        return rows;
    }

    private static string Thresholds(JsonElement result)
    {
        if (!result.TryGetProperty("criteria", out var criteria) || criteria.ValueKind != JsonValueKind.Object) return "";
        static string One(JsonElement c, string name) =>
            c.TryGetProperty(name, out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("count", out var n) && n.ValueKind == JsonValueKind.Number
                ? $"{name.Replace("_after", "", StringComparison.Ordinal)} after {n.GetInt32()} {(t.TryGetProperty("period", out var p) ? p.GetString() : "")}"
                : "";
        return string.Join("; ", new[] { One(criteria, "warn_after"), One(criteria, "error_after") }.Where(x => x.Length > 0));
    }
}
