using Slipway.Engine.Manifest;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// Where unit tests go in a run. <c>test</c> queues them like data tests. <c>build</c> runs a model's selected
/// unit tests in the model's own turn, just before it (dbt's BuildTask), so only those whose model is selected
/// run; the ready queue never sees them.
/// </summary>
internal static class UnitTestSchedule
{
    /// <summary>The selected unit tests to add to a command's nodes.</summary>
    public static List<UnitTestNode> Selected(Manifest.Manifest manifest, IReadOnlySet<string> selected, IReadOnlyList<ManifestNode> nodes, string command)
    {
        var tests = UnitTestNode.Selected(manifest, selected);
        if (command != "build") return tests;
        var models = nodes.Select(n => n.UniqueId).ToHashSet(StringComparer.Ordinal);
        return tests.Where(t => models.Contains(t.Model.UniqueId)).ToList();
    }

    /// <summary>In build order: the unit tests to run before each model, by the model's unique id.</summary>
    public static Dictionary<string, List<UnitTestNode>> ByModel(IEnumerable<ManifestNode> nodes)
    {
        var map = new Dictionary<string, List<UnitTestNode>>(StringComparer.Ordinal);
        foreach (var test in nodes.OfType<UnitTestNode>())
        {
            if (!map.TryGetValue(test.Model.UniqueId, out var list)) map[test.Model.UniqueId] = list = [];
            list.Add(test);
        }
        return map;
    }
}
