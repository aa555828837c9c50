using System.Globalization;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Api;

/// <summary>Jobs and runs with dbt Cloud v2's field names (what its clients read: <c>data.id</c>, <c>data.status</c>, <c>data.href</c>, …).</summary>
internal static class DbtCloudV2Views
{
    public static readonly object Success = new { code = 200, is_success = true, user_message = "Success!", developer_message = "" };

    public static object Job(Job j, int accountId)
    {
        var commands = Json.Read<string[]>(j.Commands, []);
        return new
        {
            id = j.Id, account_id = accountId, project_id = j.ProjectId, environment_id = j.EnvironmentId, name = j.Name,
            description = j.Description ?? "", execute_steps = commands, dbt_version = (string?)null, state = 1,
            generate_docs = j.GenerateDocs, run_generate_sources = j.RunSourceFreshness,
            triggers = new { github_webhook = j.TriggerOnCommit, git_provider_webhook = j.TriggerOnCommit, schedule = j.Cron is not null, on_merge = false },
            schedule = new { cron = j.Cron, time = new { type = "custom_cron" }, date = new { type = "custom_cron", cron = j.Cron }, timezone = j.TimeZone },
            settings = new { threads = j.ThreadsOverride, target_name = j.TargetNameOverride ?? "default" },
            execution = new { timeout_seconds = j.TimeoutSeconds },
            job_completion_trigger_condition = j.RunAfterJobId is null ? null : new
            {
                condition = new { job_id = j.RunAfterJobId, project_id = j.ProjectId, statuses = Json.Read<int[]>(j.RunAfterStatuses, []) },
            },
            created_at = j.CreatedAt, updated_at = j.UpdatedAt,
        };
    }

    public static object Run(Run r, Job? job, IReadOnlyList<RunStep>? steps, int accountId, HttpRequest request)
    {
        var overrides = Json.Read<RunOverrides?>(r.Overrides, null);
        var end = r.FinishedAt ?? DateTime.UtcNow;
        var queuedUntil = r.StartedAt ?? (RunStatus.IsComplete(r.Status) ? r.FinishedAt : null) ?? DateTime.UtcNow;
        var duration = end - r.CreatedAt;
        var queued = queuedUntil - r.CreatedAt;
        var running = r.StartedAt is { } started ? end - started : TimeSpan.Zero;
        return new
        {
            id = r.Id, trigger_id = r.Id, account_id = accountId, environment_id = r.EnvironmentId, project_id = r.ProjectId,
            job_definition_id = r.JobId, job_id = r.JobId, status = r.Status, dbt_version = (string?)null,
            git_branch = r.GitBranch, git_sha = r.GitSha, status_message = r.StatusMessage,
            owner_thread_id = (string?)null, executed_by_thread_id = (string?)null, deferring_run_id = (int?)null,
            artifacts_saved = RunStatus.IsComplete(r.Status), artifact_s3_path = (string?)null,
            has_docs_generated = r.HasDocsGenerated, has_sources_generated = r.HasSourcesGenerated, notifications_sent = false,
            blocked_by = Array.Empty<int>(), created_at = r.CreatedAt, updated_at = r.UpdatedAt, dequeued_at = r.DequeuedAt,
            started_at = r.StartedAt, finished_at = r.FinishedAt, last_checked_at = (DateTime?)null, last_heartbeat_at = (DateTime?)null,
            should_start_at = r.ScheduledAt, trigger = new
            {
                id = r.Id, cause = r.Cause, job_definition_id = r.JobId, git_branch = r.GitBranch, git_sha = r.GitSha,
                azure_pull_request_id = (int?)null, github_pull_request_id = (int?)null, gitlab_merge_request_id = (int?)null,
                schema_override = overrides?.SchemaOverride, dbt_version_override = (string?)null, threads_override = overrides?.ThreadsOverride,
                target_name_override = overrides?.TargetNameOverride, generate_docs_override = overrides?.GenerateDocsOverride,
                timeout_seconds_override = overrides?.TimeoutSecondsOverride, steps_override = overrides?.StepsOverride,
                created_at = r.CreatedAt, cause_humanized = r.Cause, job = (object?)null,
            },
            job = job is null ? null : Job(job, accountId),
            environment = (object?)null,
            run_steps = (steps ?? []).Select(s => new
            {
                id = s.Id, run_id = r.Id, account_id = accountId, index = s.Index + 1, status = s.Status, name = s.Name,
                status_humanized = RunStatus.Humanize(s.Status), logs = s.Log ?? "", debug_logs = "", created_at = s.StartedAt ?? r.CreatedAt,
                started_at = s.StartedAt, finished_at = s.FinishedAt,
                duration = s.StartedAt is { } a ? Clock((s.FinishedAt ?? DateTime.UtcNow) - a) : "00:00:00",
            }),
            status_humanized = RunStatus.Humanize(r.Status),
            in_progress = r.Status is RunStatus.Queued or RunStatus.Starting or RunStatus.Running,
            is_complete = RunStatus.IsComplete(r.Status), is_success = r.Status == RunStatus.Success,
            is_error = r.Status == RunStatus.Error, is_cancelled = r.Status == RunStatus.Cancelled, is_running = r.Status == RunStatus.Running,
            duration = Clock(duration), queued_duration = Clock(queued), run_duration = Clock(running),
            duration_humanized = Humanize(duration), queued_duration_humanized = Humanize(queued), run_duration_humanized = Humanize(running),
            created_at_humanized = Humanize(DateTime.UtcNow - r.CreatedAt) + " ago",
            finished_at_humanized = r.FinishedAt is { } f ? Humanize(DateTime.UtcNow - f) + " ago" : "0 minutes from now",
            href = $"{request.Scheme}://{request.Host}/api/v1/projects/{r.ProjectId}/runs/{r.Id}",
        };
    }

    private static string Clock(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Max(0, t.TotalHours):00}:{Math.Max(0, t.Minutes):00}:{Math.Max(0, t.Seconds):00}");

    private static string Humanize(TimeSpan t) => t.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)t.TotalSeconds)} seconds")
        : t.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} hours");
}
