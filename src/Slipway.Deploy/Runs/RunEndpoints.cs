using Slipway.Deploy.Api;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Runs;

/// <summary><c>/api/v1/projects/{p}/runs</c>: history, one run with its steps, cancel, retry from failure, artifacts.</summary>
internal static class RunEndpoints
{
    public static void MapRuns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/runs").WithTags("runs");
        api.MapGet("", async (int projectId, int? jobId, int? status, int? limit, int? offset, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            var query = db.Runs.Where(r => r.ProjectId == projectId);
            if (jobId is { } j) query = query.Where(r => r.JobId == j);
            if (status is { } s) query = query.Where(r => r.Status == s);
            var runs = await query.OrderByDescending(r => r.Id).Skip(Math.Max(0, offset ?? 0)).Take(Math.Clamp(limit ?? 100, 1, 500)).ToListAsync(ct);
            return TypedResults.Ok(runs.Select(r => View(r, null)));
        });
        api.MapGet("/{runId:int}", async (int projectId, int runId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            var run = await FindAsync(db, projectId, runId, ct);
            var steps = await db.RunSteps.Where(s => s.RunId == runId).OrderBy(s => s.Index).ToListAsync(ct);
            return TypedResults.Ok(View(run, steps));
        });
        api.MapPost("/{runId:int}/cancel", async (int projectId, int runId, Access access, DeployDbContext db, RunTrigger trigger, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Run, ct);
            var run = await FindAsync(db, projectId, runId, ct);
            await trigger.CancelAsync(run, access.Actor, ct);
            return TypedResults.Ok(View(run, null));
        });
        api.MapPost("/{runId:int}/retry", async (int projectId, int runId, Access access, DeployDbContext db, RunTrigger trigger, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Run, ct);
            var retry = await trigger.RetryAsync(await FindAsync(db, projectId, runId, ct), access.Actor, ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/runs/{retry.Id}", View(retry, null));
        });
        api.MapGet("/{runId:int}/artifacts", async (int projectId, int runId, Access access, DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            await FindAsync(db, projectId, runId, ct);
            return TypedResults.Ok(RunArtifacts.List(options, runId));
        });
        api.MapGet("/{runId:int}/artifacts/{**path}", async (int projectId, int runId, string path, Access access, DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            await FindAsync(db, projectId, runId, ct);
            return RunArtifacts.Serve(options, runId, path);
        });
    }

    private static async Task<Run> FindAsync(DeployDbContext db, int projectId, int runId, CancellationToken ct) =>
        await db.Runs.FirstOrDefaultAsync(r => r.ProjectId == projectId && r.Id == runId, ct) ?? throw ApiException.NotFound($"Run {runId}");

    public static object View(Run r, IReadOnlyList<RunStep>? steps)
    {
        var overrides = Json.Read<RunOverrides?>(r.Overrides, null);
        return new
        {
            id = r.Id, project_id = r.ProjectId, job_id = r.JobId, developer_user_id = r.DeveloperUserId, environment_id = r.EnvironmentId, status = r.Status,
            status_humanized = RunStatus.Humanize(r.Status), status_message = r.StatusMessage, cancel_requested = r.CancelRequested,
            trigger = new { kind = r.TriggerKind, cause = r.Cause, triggered_by = r.TriggeredBy, scheduled_at = r.ScheduledAt },
            git_branch = r.GitBranch, git_sha = r.GitSha,
            created_at = r.CreatedAt, dequeued_at = r.DequeuedAt, started_at = r.StartedAt, finished_at = r.FinishedAt,
            queued_seconds = Seconds(r.CreatedAt, r.StartedAt ?? (RunStatus.IsComplete(r.Status) ? r.FinishedAt : null)),
            run_seconds = r.StartedAt is { } started ? Seconds(started, r.FinishedAt) : null,
            overrides = overrides is null ? null : new
            {
                schema_override = overrides.SchemaOverride, target_name_override = overrides.TargetNameOverride,
                threads_override = overrides.ThreadsOverride, steps_override = overrides.StepsOverride,
                generate_docs_override = overrides.GenerateDocsOverride, timeout_seconds_override = overrides.TimeoutSecondsOverride,
                environment_variables = overrides.EnvironmentVariableNames,
                retry_of_run_id = overrides.RetryOfRunId, retry_from_step = overrides.RetryFromStep,
            },
            steps = steps?.Select(s => new
            {
                index = s.Index, name = s.Name, command = s.Command, status = s.Status, status_humanized = RunStatus.Humanize(s.Status),
                exit_code = s.ExitCode, started_at = s.StartedAt, finished_at = s.FinishedAt,
                duration_seconds = s.StartedAt is { } a ? Seconds(a, s.FinishedAt) : null, log = s.Log,
                artifacts = Json.Read<string[]>(s.Artifacts, []),
            }),
        };
    }

    public static double? Seconds(DateTime from, DateTime? to) => to is { } end ? Math.Round((end - from).TotalSeconds, 3) : null;
}
