using Slipway.Deploy.Api;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Jobs;

/// <summary>Checks a <see cref="JobRequest"/> and copies it onto a <see cref="Job"/>; every refusal is a 422 naming the field.</summary>
internal sealed class JobValidator(DeployDbContext db, DeployOptions options, Secrets.SecretBox secrets)
{
    /// <param name="field">Prefix of field names in errors (e.g. <c>jobs[2].</c> for slipway_jobs.yml).</param>
    public async Task ApplyAsync(Job job, JobRequest request, CancellationToken ct, string field = "", int? afterJobIdOverride = null)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid(field + "name", "A job name is required.");
        var environment = request.EnvironmentId is { } environmentId
            ? await db.Environments.FirstOrDefaultAsync(e => e.Id == environmentId && e.ProjectId == job.ProjectId, ct)
            : null;
        if (environment is null)
            throw ApiException.Invalid(field + "environment_id", $"The environment {request.EnvironmentId?.ToString() ?? "(none)"} is not an environment of this project.");
        if (environment.Type != "deployment")
            throw ApiException.Invalid(field + "environment_id", $"Jobs run in deployment environments; '{environment.Name}' is a development environment.");
        var commands = request.Commands ?? [];
        if (commands.Length == 0) throw ApiException.Invalid(field + "commands", "A job needs at least one command, e.g. 'dbt build'.");
        for (var i = 0; i < commands.Length; i++)
            if (JobCommands.Check(commands[i], options.CheckCommand) is { } error)
                throw ApiException.Invalid($"{field}commands[{i}]", error);

        var schedule = request.Triggers?.Schedule;
        string? cron = null, timeZone = null;
        if (schedule is { Cron: { Length: > 0 } } )
        {
            cron = schedule.Cron.Trim();
            if (CronSchedule.Check(cron) is { } error) throw ApiException.Invalid(field + "triggers.schedule.cron", error);
            timeZone = string.IsNullOrWhiteSpace(schedule.Timezone) ? "UTC" : schedule.Timezone.Trim();
            if (CronSchedule.CheckTimeZone(timeZone) is { } tzError) throw ApiException.Invalid(field + "triggers.schedule.timezone", tzError);
        }
        var after = request.Triggers?.AfterJob;
        int? afterJobId = afterJobIdOverride ?? after?.JobId;
        int[] statuses = [];
        if (afterJobId is { } otherId)
        {
            if (otherId == job.Id) throw ApiException.Invalid(field + "triggers.after_job.job_id", "A job cannot be triggered by its own completion.");
            if (!await db.Jobs.AnyAsync(j => j.Id == otherId && j.ProjectId == job.ProjectId, ct))
                throw ApiException.Invalid(field + "triggers.after_job.job_id", $"The job {otherId} is not a job of this project.");
            statuses = after?.Statuses is { Length: > 0 } s ? s : [RunStatus.Success];
            var bad = statuses.Where(x => x is not (RunStatus.Success or RunStatus.Error or RunStatus.Cancelled)).ToArray();
            if (bad.Length > 0)
                throw ApiException.Invalid(field + "triggers.after_job.statuses", $"The status {bad[0]} cannot end a run; expected 10 (success), 20 (error) or 30 (cancelled).");
        }
        if (request.ThreadsOverride is < 1 or > 64)
            throw ApiException.Invalid(field + "threads_override", $"Threads must be between 1 and 64, not {request.ThreadsOverride}.");
        if (request.TimeoutSeconds is < 0)
            throw ApiException.Invalid(field + "timeout_seconds", "The timeout must be 0 (none) or a positive number of seconds.");
        var notifications = request.Notifications;
        foreach (var (name, list) in new[] { ("on_success", notifications?.OnSuccess), ("on_failure", notifications?.OnFailure), ("on_cancel", notifications?.OnCancel) })
            if (list?.FirstOrDefault(a => !System.Net.Mail.MailAddress.TryCreate(a, out _)) is { } address)
                throw ApiException.Invalid($"{field}notifications.{name}", $"'{address}' is not an e-mail address.");

        if (notifications?.WebhookUrl is { Length: > 0 } webhook
            && (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            throw ApiException.Invalid(field + "notifications.webhook_url", $"'{webhook}' is not an http(s) URL.");

        job.Name = request.Name.Trim();
        job.EnvironmentId = environment.Id;
        job.Description = request.Description;
        job.Commands = Json.Write(commands);
        job.RunSourceFreshness = request.RunSourceFreshness;
        job.GenerateDocs = request.GenerateDocs;
        job.Cron = cron;
        job.TimeZone = timeZone;
        job.RunAfterJobId = afterJobId;
        job.RunAfterStatuses = afterJobId is null ? null : Json.Write(statuses);
        job.TriggerOnCommit = request.Triggers?.OnCommit ?? false;
        job.ThreadsOverride = request.ThreadsOverride;
        job.TargetNameOverride = string.IsNullOrWhiteSpace(request.TargetNameOverride) ? null : request.TargetNameOverride.Trim();
        job.TimeoutSeconds = request.TimeoutSeconds ?? 0;
        job.RequeueOnWorkerLoss = request.RequeueOnWorkerLoss;
        // The secret never goes into the notifications JSON; null keeps the stored one, "" removes it.
        job.Notifications = notifications is null ? null : Json.Write(notifications with { WebhookSecret = null });
        if (notifications?.WebhookSecret is { } secret) job.WebhookSecret = secrets.Protect(secret);
        job.UpdatedAt = DateTime.UtcNow;
    }

    public static object View(Job j) => new
    {
        id = j.Id, project_id = j.ProjectId, environment_id = j.EnvironmentId, name = j.Name, description = j.Description,
        commands = Json.Read<string[]>(j.Commands, []), run_source_freshness = j.RunSourceFreshness, generate_docs = j.GenerateDocs,
        triggers = new
        {
            schedule = j.Cron is null ? null : new { cron = j.Cron, timezone = j.TimeZone },
            after_job = j.RunAfterJobId is null ? null : new { job_id = j.RunAfterJobId, statuses = Json.Read<int[]>(j.RunAfterStatuses, []) },
            on_commit = j.TriggerOnCommit,
            api = true,
        },
        threads_override = j.ThreadsOverride, target_name_override = j.TargetNameOverride, timeout_seconds = j.TimeoutSeconds,
        requeue_on_worker_loss = j.RequeueOnWorkerLoss, notifications = Json.Read<JobNotifications?>(j.Notifications, null),
        has_webhook_secret = j.WebhookSecret is not null, defined_in_code = j.DefinedInCode, created_at = j.CreatedAt, updated_at = j.UpdatedAt,
    };
}
