using Slipway.Engine.Manifest;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Engine.Compilation.Commands;

/// <summary><c>slipway parse</c>: load the project into a manifest; write target/manifest.json and perf_info.json.</summary>
internal sealed class ParseCommand : IEngineCommand
{
    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var session = ProjectSession.Load(config, log, readOnly: true);
        string perf;
        try
        {
            session.WriteManifest(asParsed: true);
            perf = session.WritePerfInfo();
        }
        finally { session.Finish(); }
        log.Info(FoundStats(session.Manifest), "FoundStats");
        log.Info($"Performance info: {perf}", "ParsePerfInfoPath");
        return 0;
    }

    /// <summary>
    /// dbt's "Found …" line: node counts by resource type in manifest order, then sources, exposures, metrics,
    /// macros, groups, semantic models and unit tests; types with nothing are left out.
    /// </summary>
    internal static string FoundStats(global::Slipway.Engine.Manifest.Manifest m)
    {
        var counts = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        void Add(string name, int n)
        {
            if (n == 0) return;
            counts[name] = counts.TryGetValue(name, out var c) ? c + n : n;
        }
        foreach (var node in m.Nodes.Values)
            Add(node.ResourceType switch
            {
                ResourceType.Test => "data test",
                ResourceType.Operation => "operation",
                ResourceType.Analysis => "analysis",
                var t => t.ToDbtString(),
            }, 1);
        Add("source", m.Sources.Count);
        Add("exposure", m.Exposures.Count);
        Add("metric", m.Metrics.Count);
        Add("macro", m.Macros.Count);
        Add("group", m.Groups.Count);
        Add("semantic model", m.SemanticModels.Count);
        Add("unit test", m.UnitTests.Count);
        return "Found " + string.Join(", ", counts.Select(kv => $"{kv.Value} {(kv.Value == 1 ? kv.Key : kv.Key == "analysis" ? "analyses" : kv.Key + "s")}"));
    }
}
