namespace Slipway.Deploy.Runs;

/// <summary>
/// One run of a job. The runs table is the truth shared by every node: a scheduled firing is unique per
/// (job, <see cref="ScheduledAt"/>), so two nodes firing the same schedule make one run.
/// </summary>
internal sealed class Run
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>Null for a development run (a developer's commands on a branch they picked, with their own credentials).</summary>
    public int? JobId { get; set; }
    /// <summary>For development runs: the developer whose credentials and schema the run uses.</summary>
    public int? DeveloperUserId { get; set; }
    public int EnvironmentId { get; set; }
    /// <summary><c>api</c>, <c>manual</c>, <c>schedule</c>, <c>job_completion</c>, <c>commit</c>, <c>development</c>.</summary>
    public required string TriggerKind { get; set; }
    public required string Cause { get; set; }
    public required string TriggeredBy { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public string? GitBranch { get; set; }
    public string? GitSha { get; set; }
    public int Status { get; set; } = RunStatus.Queued;
    public string? StatusMessage { get; set; }
    public bool CancelRequested { get; set; }
    /// <summary>JSON object of the trigger's overrides (schema, target, threads, steps, docs, timeout, env vars).</summary>
    public string Overrides { get; set; } = "{}";
    public bool HasDocsGenerated { get; set; }
    public bool HasSourcesGenerated { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DequeuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
