namespace Slipway.Deploy.Jobs;

/// <summary>A job as the API and <c>slipway_jobs.yml</c> describe it.</summary>
internal sealed record JobRequest(
    string? Name,
    int? EnvironmentId,
    string? Description,
    string[]? Commands,
    bool RunSourceFreshness,
    bool GenerateDocs,
    JobTriggers? Triggers,
    int? ThreadsOverride,
    string? TargetNameOverride,
    int? TimeoutSeconds,
    bool RequeueOnWorkerLoss,
    JobNotifications? Notifications);

/// <summary>When a job runs besides "run now" and the API: a schedule, after another job, on a new commit.</summary>
internal sealed record JobTriggers(JobSchedule? Schedule, JobAfter? AfterJob, bool OnCommit);

internal sealed record JobSchedule(string? Cron, string? Timezone);

internal sealed record JobAfter(int? JobId, int[]? Statuses);

/// <summary>
/// E-mail addresses per outcome and an optional webhook; the webhook's signing secret is write-only (stored
/// encrypted on the job, never in <see cref="Job.Notifications"/>).
/// </summary>
internal sealed record JobNotifications(string[]? OnSuccess, string[]? OnFailure, string[]? OnCancel, string? WebhookUrl = null, string? WebhookSecret = null);
