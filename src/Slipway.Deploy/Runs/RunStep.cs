namespace Slipway.Deploy.Runs;

/// <summary>One step of a run (one command), written by the worker as it goes.</summary>
internal sealed class RunStep
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int Index { get; set; }
    public required string Name { get; set; }
    public required string Command { get; set; }
    public int Status { get; set; } = RunStatus.Queued;
    public int? ExitCode { get; set; }
    public string? Log { get; set; }
    /// <summary>JSON array of artifact paths relative to the run's artifact folder.</summary>
    public string? Artifacts { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
