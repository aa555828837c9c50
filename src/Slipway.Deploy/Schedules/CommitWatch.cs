namespace Slipway.Deploy.Schedules;

/// <summary>The last SHA seen at the tip of an "on new commit" job's branch.</summary>
internal sealed class CommitWatch
{
    public int JobId { get; set; }
    public required string Sha { get; set; }
    public DateTime CheckedAt { get; set; }
}
