namespace Slipway.Deploy.Workers;

/// <summary>
/// A worker's hold on a run it claimed. The worker pushes <see cref="ExpiresAt"/> forward with each heartbeat; a
/// lease left to expire means the worker died, and any node's reaper then ends (or re-queues) the run.
/// </summary>
internal sealed class RunLease
{
    public int RunId { get; set; }
    public required string WorkerId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
    /// <summary>How many times a worker claimed this run (a re-queue after a lost worker makes it 2).</summary>
    public int Attempts { get; set; }
}
