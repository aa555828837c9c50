using Slipway.Engine.Manifest;

namespace Slipway.Engine.Execution;

/// <summary>
/// One node's outcome, as a row of run_results.json: dbt's status (<c>success</c>, <c>error</c>, <c>skipped</c>,
/// <c>pass</c>, <c>fail</c>, <c>warn</c>, <c>no-op</c>), message, failure count, adapter response and timings.
/// </summary>
internal sealed class NodeResult
{
    public required ManifestNode Node { get; init; }
    public required string Status { get; set; }
    public string? Message { get; set; }
    public long? Failures { get; set; }
    public IReadOnlyDictionary<string, object?> AdapterResponse { get; set; } = new Dictionary<string, object?>();
    public List<TimingInfo> Timing { get; } = [];
    public double ExecutionTime { get; set; }
    public string ThreadId { get; set; } = "Thread-1 (worker)";
    /// <summary>The exception behind an <c>error</c>, for the debug log.</summary>
    public Exception? Error { get; set; }
    /// <summary>A microbatch model's batches that succeeded and failed (run_results.json <c>batch_results</c>).</summary>
    public Microbatch.BatchResults? BatchResults { get; set; }

    /// <summary>dbt skips what depends on an errored, failed or partially successful node, and the run exits 1.</summary>
    public bool IsFailure => Status is "error" or "fail" or "partial success";
}

/// <summary>One timed step of a node (<c>compile</c> or <c>execute</c>).</summary>
internal sealed record TimingInfo(string Name, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
