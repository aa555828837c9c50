namespace Slipway.Engine.Freshness;

/// <summary>
/// The outcome of one source's freshness check: pass/warn/error with the ages, or "runtime error" with the
/// message (missing table, bad column, null max) — one source's error never stops the others.
/// </summary>
internal sealed record FreshnessResult(
    Manifest.SourceDefinition Source,
    string Status,
    DateTimeOffset? MaxLoadedAt,
    DateTimeOffset SnapshottedAt,
    double? AgeSeconds,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    string ThreadId)
{
    public double ExecutionTime => (CompletedAt - StartedAt).TotalSeconds;
}
