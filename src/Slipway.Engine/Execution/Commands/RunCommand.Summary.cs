using System.Globalization;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Commands;

// dbt's header and footer: "Found …", "Finished running …", "Completed …" with each failure, "Done. PASS=…".
internal sealed partial class RunCommand
{
    /// <summary>dbt's stats line: node kinds in manifest order, then sources, exposures, metrics, macros.</summary>
    internal static void PrintFound(EventLog log, Manifest.Manifest manifest)
    {
        var counts = new List<(string Kind, int Count)>();
        void Add(string kind, int n)
        {
            if (n == 0) return;
            var i = counts.FindIndex(c => c.Kind == kind);
            if (i >= 0) counts[i] = (kind, counts[i].Count + n); else counts.Add((kind, n));
        }
        foreach (var node in manifest.Nodes.Values)
            Add(node.ResourceType switch { ResourceType.Test => "data test", ResourceType.Operation => "operation", var t => t.ToDbtString().Replace('_', ' ') }, 1);
        Add("source", manifest.Sources.Count);
        Add("exposure", manifest.Exposures.Count);
        Add("metric", manifest.Metrics.Count);
        Add("macro", manifest.Macros.Count);
        Add("group", manifest.Groups.Count);
        Add("semantic model", manifest.SemanticModels.Count);
        Add("saved query", manifest.SavedQueries.Count);
        Add("unit test", manifest.UnitTests.Count);
        log.Info("Found " + string.Join(", ", counts.Select(c => Plural(c.Count, c.Kind))), "FoundStats");
        log.Info("");
    }

    private static string Plural(int n, string word) =>
        n == 1 ? $"1 {word}" : word.EndsWith('y') && !word.EndsWith("ey", StringComparison.Ordinal) ? $"{n} {word[..^1]}ies" : $"{n} {word}s";

    internal static void PrintSummary(EventLog log, RuntimeConfig config, List<ManifestNode> nodes, List<NodeResult> results, double elapsed)
    {
        var kinds = new List<(string Kind, int Count)>();
        foreach (var node in nodes)
        {
            var kind = node.ResourceType switch
            {
                ResourceType.Model => $"{node.Config.Materialized ?? "view"} model",
                ResourceType.Test => "data test",
                ResourceType.UnitTest => "unit test",
                var t => t.ToDbtString(),
            };
            var i = kinds.FindIndex(k => k.Kind == kind);
            if (i >= 0) kinds[i] = (kind, kinds[i].Count + 1); else kinds.Add((kind, 1));
        }
        var hooks = results.Count(r => r.Node is HookNode);
        if (hooks > 0) kinds.Add(("project hook", hooks));
        var span = TimeSpan.FromSeconds(elapsed);
        log.Info("");
        log.Info(string.Format(CultureInfo.InvariantCulture, "Finished running {0} in {1} hours {2} minutes and {3:0.00} seconds ({4:0.00}s).",
            string.Join(", ", kinds.Select(k => Plural(k.Count, k.Kind))), (int)span.TotalHours, span.Minutes, span.TotalSeconds % 60, elapsed), "FinishedRunningStats");

        var nodeResults = results.Where(r => r.Node is not HookNode).ToList();
        var errors = results.Where(r => r.IsFailure).ToList();
        var warnings = nodeResults.Where(r => r.Status == "warn").ToList();
        log.Info("");
        if (errors.Count == 0 && warnings.Count == 0)
            log.Info("Completed successfully", "EndOfRunSummary");
        else
        {
            log.Write(errors.Count > 0 ? EventLevel.Error : EventLevel.Warn, "EndOfRunSummary",
                $"Completed with {Plural(errors.Count(r => r.Status != "partial success"), "error")}, {PartialSuccesses(errors)}, and {Plural(warnings.Count, "warning")}:");
            log.Info("");
            foreach (var r in errors.Concat(warnings)) PrintFailure(log, config, r);
        }
        log.Info("");
        int Count(params string[] statuses) => nodeResults.Count(r => statuses.Contains(r.Status));
        log.Info($"Done. PASS={Count("pass", "success")} WARN={Count("warn")} ERROR={Count("error", "fail", "partial success")} SKIP={Count("skipped")} NO-OP={Count("no-op")} TOTAL={nodeResults.Count}", "StatsLine");
    }

    private static string PartialSuccesses(List<NodeResult> failures) =>
        failures.Count(r => r.Status == "partial success") is var n && n == 1 ? "1 partial success" : $"{n} partial successes";

    /// <summary>dbt's RunResultError/RunResultFailure: what failed, why, and where its compiled SQL is.</summary>
    private static void PrintFailure(EventLog log, RuntimeConfig config, NodeResult r)
    {
        var node = r.Node;
        var level = r.Status == "warn" ? EventLevel.Warn : EventLevel.Error;
        if (r.Status == "partial success")
        {
            log.Write(level, "RunResultError", $"Partial success in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath}): {r.Message}; failed batches: "
                + string.Join(", ", r.BatchResults?.Failed.Select(b => $"[{b.Start:yyyy-MM-dd HH:mm}, {b.End:yyyy-MM-dd HH:mm})") ?? []));
        }
        else if (r.Status is "fail" or "warn")
        {
            var word = r.Status == "fail" ? "Failure" : "Warning";
            log.Write(level, "RunResultFailure", $"{word} in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath})");
            log.Write(level, "RunResultError", "  " + r.Message);
        }
        else log.Write(level, "RunResultError", r.Message ?? "error");
        log.Info("");
        if (node.CompiledPath is { } path && node.Compiled)
        {
            log.Info($"  compiled code at {path}", "CheckNodeTestFailure");
            log.Info("");
        }
    }

    /// <summary>What retry re-runs: the previous command's nodes that errored, failed or were skipped.</summary>
    private static (string Command, IReadOnlySet<string> Selected) RetrySelection(RuntimeConfig config)
    {
        var folder = config.Invocation.State is { } state ? Path.GetFullPath(state, config.Project.RootPath) : config.TargetPath;
        var path = Path.Combine(folder, "run_results.json");
        if (!File.Exists(path))
            throw new ProjectException($"Could not find previous run in '{folder}' target directory: there is no run_results.json to retry.");
        var args = RunResultsWriter.ReadArgs(path);
        var command = args is { } a && a.TryGetProperty("which", out var w) ? w.GetString() ?? "run" : "run";
        if (command == "retry") command = "build";
        var retry = RunResultsWriter.ReadStatuses(path)
            .Where(s => s.Status is "error" or "fail" or "skipped" or "runtime error" or "partial success")
            .Select(s => s.UniqueId).ToHashSet(StringComparer.Ordinal);
        return (command, retry);
    }
}
