namespace Slipway.Deploy.Workers;

/// <summary>One state change of a run (queued → starting → running → finished, re-queues, lost leases), in order.</summary>
internal sealed class RunEvent
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int Status { get; set; }
    public required string Message { get; set; }
    public string? WorkerId { get; set; }
    public DateTime At { get; set; }
}
