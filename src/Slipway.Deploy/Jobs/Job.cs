namespace Slipway.Deploy.Jobs;

/// <summary>A job: ordered commands run in one environment, with its triggers and settings.</summary>
internal sealed class Job
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int EnvironmentId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The commands as a JSON array of strings, in order.</summary>
    public string Commands { get; set; } = "[]";
    public bool RunSourceFreshness { get; set; }
    public bool GenerateDocs { get; set; }
    public string? Cron { get; set; }
    public string? TimeZone { get; set; }
    public int? RunAfterJobId { get; set; }
    /// <summary>JSON array of run status codes of <see cref="RunAfterJobId"/> that trigger this job.</summary>
    public string? RunAfterStatuses { get; set; }
    public bool TriggerOnCommit { get; set; }
    public int? ThreadsOverride { get; set; }
    public string? TargetNameOverride { get; set; }
    public int TimeoutSeconds { get; set; }
    public bool RequeueOnWorkerLoss { get; set; }
    /// <summary>JSON object: <c>{"on_success": [...], "on_failure": [...], "on_cancel": [...]}</c> e-mail addresses.</summary>
    public string? Notifications { get; set; }
    /// <summary>Encrypted secret that signs webhook bodies (hex HMAC-SHA256, as dbt Cloud).</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>True when the job comes from <c>slipway_jobs.yml</c>; it is then changed through the file.</summary>
    public bool DefinedInCode { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
