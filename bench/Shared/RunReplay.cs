using System.Text.Json;

namespace Slipway.Bench;

/// <summary>What each replay benchmark reads back from a `slipway run`: its models, in the order they ran.</summary>
internal static class RunReplay
{
    public sealed record Model(string Relation, string Materialized, string CompiledSql);

    /// <summary>The models of <c>target/run_results.json</c> with their relation, materialization and compiled SQL.</summary>
    public static List<Model> ModelsInRunOrder(string project)
    {
        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project, "target", "run_results.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project, "target", "manifest.json")));
        var nodes = manifest.RootElement.GetProperty("nodes");
        var models = new List<Model>();
        foreach (var r in results.RootElement.GetProperty("results").EnumerateArray())
        {
            var id = r.GetProperty("unique_id").GetString()!;
            if (!id.StartsWith("model.", StringComparison.Ordinal)) continue;
            models.Add(new Model(
                r.GetProperty("relation_name").GetString()!,
                nodes.GetProperty(id).GetProperty("config").GetProperty("materialized").GetString()!,
                r.GetProperty("compiled_code").GetString()!));
        }
        return models;
    }
}
