using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Engine.Execution;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Freshness;

/// <summary>
/// <c>slipway source freshness</c> (alias <c>snapshot-freshness</c>): for each selected source table with a
/// freshness threshold, query <c>max(loaded_at_field)</c> (or run <c>loaded_at_query</c>), compare its age with
/// warn_after/error_after, print dbt's lines and write target/sources.json (v3). Exit 1 when any source errors.
/// </summary>
internal sealed partial class FreshnessCommand : IEngineCommand
{
    private static readonly IReadOnlySet<string> SourceType = new HashSet<string>(StringComparer.Ordinal) { "source" };

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        using var session = ExecutionSession.Open(config, log);
        var manifest = session.Project.Manifest;
        var selected = session.Project.Select(SourceType);
        var sources = manifest.Sources.Values
            .Where(s => selected.Contains(s.UniqueId) && FreshnessCriteria.From(s.Freshness) is not null)
            .OrderBy(s => s.UniqueId, StringComparer.Ordinal).ToList();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (sources.Count == 0)
        {
            log.Warn("Nothing to do. Try checking your model configs and model specification args", "NothingToDo");
            return 0;
        }
        log.Info($"Concurrency: {config.Threads} threads (target='{config.Target.Name}')", "ConcurrencyLine");
        log.Info("", "Formatting");
        var results = new List<FreshnessResult>();
        for (var i = 0; i < sources.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = sources[i];
            var name = $"{source.SourceName}.{source.Name}";
            log.Info(RunOutput.Line($"START freshness of {name}", "RUN", i + 1, sources.Count), "LogStartLine");
            var result = Check(session, source, cancellationToken);
            results.Add(result);
            var (word, tag) = result.Status switch
            {
                "pass" => ("PASS", "PASS"),
                "warn" => ("WARN", "WARN"),
                "error" => ("ERROR STALE", "ERROR STALE"),
                _ => ("ERROR", "ERROR"),
            };
            var line = RunOutput.Line($"{word} freshness of {name}", tag, i + 1, sources.Count, result.ExecutionTime);
            if (result.Status is "pass") log.Info(line, "LogFreshnessResult");
            else if (result.Status is "warn") log.Write(EventLevel.Warn, "LogFreshnessResult", line);
            else log.Write(EventLevel.Error, "LogFreshnessResult", line);
            if (result.Error is { } error) log.Error($"  Runtime error in source {name}: {error}", "LogFreshnessResult");
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        log.Info("", "Formatting");
        log.Info(string.Format(CultureInfo.InvariantCulture, "Finished running {0} source{1} in {2} hours {3} minutes and {4:0.00} seconds ({4:0.00}s).",
            sources.Count, sources.Count == 1 ? "" : "s", (int)(elapsed / 3600), (int)(elapsed % 3600 / 60), elapsed % 60), "FinishedRunningStats");
        var path = Path.Combine(config.TargetPath, "sources.json");
        SourcesJsonWriter.Write(path, results, elapsed, manifest.Metadata.InvocationId, started);
        log.Info("Done.", "FreshnessCheckComplete");
        return results.Any(r => r.Status is "error" or "runtime error") ? 1 : 0;
    }

    private static FreshnessResult Check(ExecutionSession session, SourceDefinition source, CancellationToken cancellationToken)
    {
        var criteria = FreshnessCriteria.From(source.Freshness)!;
        var started = DateTimeOffset.UtcNow;
        const string thread = "Thread-1 (worker)";
        try
        {
            var sql = FreshnessSql(source, criteria, session.Services.Adapter.Type);
            var (_, table) = session.Services.Adapter.Execute(sql, fetch: true, cancellationToken: cancellationToken);
            var snapshotted = DateTimeOffset.UtcNow;
            var value = table.Rows.Count > 0 ? table.Rows[0][0] : null;
            var maxLoadedAt = ToUtc(value)
                ?? throw new InvalidOperationException(
                    $"Field {source.LoadedAtField ?? "loaded_at_query"} of table {source.SourceName}.{source.Name} is null (the table is empty or every value is null).");
            var age = (snapshotted - maxLoadedAt).TotalSeconds;
            return new FreshnessResult(source, criteria.Status(age), maxLoadedAt, snapshotted, age, null, started, DateTimeOffset.UtcNow, thread);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var done = DateTimeOffset.UtcNow;
            return new FreshnessResult(source, "runtime error", null, done, null, e.Message.Trim(), started, done, thread);
        }
    }

    /// <summary>
    /// The query whose single value is the latest load time: <c>loaded_at_query</c> as written (with
    /// <c>{{ this }}</c> standing for the source's relation) or max(loaded_at_field) under the optional filter.
    /// </summary>
    internal static string FreshnessSql(SourceDefinition source, FreshnessCriteria criteria, string adapterType)
    {
        var relation = source.RelationName ?? $"{source.Schema}.{source.Identifier}";
        if (source.LoadedAtQuery is { Length: > 0 } query) return ThisPattern().Replace(query, relation);
        if (source.LoadedAtField is not { Length: > 0 } field)
            throw new InvalidOperationException(
                $"loaded_at_field is not set and the {adapterType} adapter cannot report a table's last modification time (metadata-based freshness).");
        var where = criteria.Filter is { Length: > 0 } f ? $"\nwhere {f}" : "";
        return $"select max({field}) as max_loaded_at\nfrom {relation}{where}";
    }

    /// <summary>Timestamps without a time zone are taken as UTC, as dbt does.</summary>
    internal static DateTimeOffset? ToUtc(object? value) => value switch
    {
        null => null,
        DateTimeOffset o => o.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Local } d => new DateTimeOffset(d).ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) => p.ToUniversalTime(),
        _ => throw new InvalidOperationException($"The latest load time is a {value.GetType().Name} ('{value}'), not a timestamp."),
    };

    [GeneratedRegex(@"\{\{\s*this\s*\}\}")]
    private static partial Regex ThisPattern();
}
