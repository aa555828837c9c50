using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Runs;

/// <summary>
/// Turns a trigger into a queued run (status 1); workers (next issue) pick queued runs up. Overrides are checked
/// with the same rules as the job they override.
/// </summary>
internal sealed class RunTrigger(DeployDbContext db, ProjectRules rules, SecretBox secrets, DeployOptions options, Workers.RunSignal signal)
{
    public async Task<Run> TriggerAsync(Job job, TriggerRequest request, string kind, Actor actor, CancellationToken ct)
    {
        var cause = string.IsNullOrWhiteSpace(request.Cause) ? null : request.Cause.Trim();
        if (cause is null) throw ApiException.Invalid("cause", "A cause is required (a short sentence saying why the job is run).");
        if (cause.Length > 255) throw ApiException.Invalid("cause", "The cause must be at most 255 characters.");
        var steps = request.StepsOverride;
        if (steps is { Length: 0 }) throw ApiException.Invalid("steps_override", "steps_override, when given, needs at least one command.");
        for (var i = 0; i < (steps?.Length ?? 0); i++)
            if (JobCommands.Check(steps![i], options.CheckCommand) is { } error) throw ApiException.Invalid($"steps_override[{i}]", error);
        if (request.ThreadsOverride is < 1 or > 64)
            throw ApiException.Invalid("threads_override", $"Threads must be between 1 and 64, not {request.ThreadsOverride}.");
        if (request.TimeoutSecondsOverride is < 0)
            throw ApiException.Invalid("timeout_seconds_override", "The timeout must be 0 (none) or a positive number of seconds.");
        if (request.SchemaOverride is { Length: > 0 } schema)
            await rules.CheckDeploymentSchemaAsync(job.ProjectId, schema, "schema_override", ct);
        foreach (var name in request.EnvironmentVariables?.Keys ?? Enumerable.Empty<string>())
            if (!name.StartsWith("DBT_", StringComparison.Ordinal))
                throw ApiException.Invalid("environment_variables", $"The variable '{name}' must start with DBT_.");

        var project = await db.Projects.FirstAsync(p => p.Id == job.ProjectId, ct);
        var environment = await db.Environments.FirstAsync(e => e.Id == job.EnvironmentId, ct);
        var variables = request.EnvironmentVariables is { Count: > 0 } v ? v : null;
        var overrides = new RunOverrides(request.SchemaOverride, request.TargetNameOverride, request.ThreadsOverride, steps,
            request.GenerateDocsOverride, request.TimeoutSecondsOverride, variables?.Keys.Order(StringComparer.Ordinal).ToArray(),
            variables is null ? null : secrets.Protect(Json.Write(variables)));
        var now = DateTime.UtcNow;
        var run = new Run
        {
            ProjectId = job.ProjectId, JobId = job.Id, EnvironmentId = job.EnvironmentId, TriggerKind = kind, Cause = cause,
            TriggeredBy = actor.Display, GitBranch = string.IsNullOrWhiteSpace(request.GitBranch) ? environment.CustomBranch ?? project.DefaultBranch : request.GitBranch.Trim(),
            GitSha = string.IsNullOrWhiteSpace(request.GitSha) ? null : request.GitSha.Trim(), Status = RunStatus.Queued,
            Overrides = Json.Write(overrides), CreatedAt = now, UpdatedAt = now,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        new AuditLog(db).Record(actor.Display, "run.triggered", job.ProjectId, $"run {run.Id}", $"job '{job.Name}' ({kind}): {cause}");
        await db.SaveChangesAsync(ct);
        await signal.QueuedAsync(db, ct);
        return run;
    }

    /// <summary>
    /// Retry from failure (dbt Cloud's "Rerun from failure"): a new run of the same job on the same commit that starts
    /// at the failed run's first step that did not succeed; that step executes <c>retry</c> over the step's
    /// <c>run_results.json</c> (see <see cref="Workers.RetryPlan"/>), the steps after it run as they were, and the
    /// steps that succeeded before it do not run again.
    /// </summary>
    public async Task<Run> RetryAsync(Run failed, Actor actor, CancellationToken ct)
    {
        if (failed.JobId is not { } jobId)
            throw ApiException.Invalid("run_id", $"Run {failed.Id} is a development run; only a job's run can be retried from its failure.");
        if (failed.Status != RunStatus.Error)
            throw ApiException.Invalid("status", $"Run {failed.Id} ended {RunStatus.Humanize(failed.Status)}; only a run that ended in Error can be retried from its failure.");
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw ApiException.Invalid("job_id", $"The job of run {failed.Id} no longer exists.");
        var steps = await db.RunSteps.Where(s => s.RunId == failed.Id).OrderBy(s => s.Index).Select(s => new { s.Index, s.Status }).ToListAsync(ct);
        // A run that failed before its steps (checkout, profile) starts over from its first step.
        var from = steps.FirstOrDefault(s => s.Status != RunStatus.Success)?.Index ?? 1;
        var overrides = Json.Read<RunOverrides?>(failed.Overrides, null) ?? new RunOverrides(null, null, null, null, null, null, null, null);
        var now = DateTime.UtcNow;
        var run = new Run
        {
            ProjectId = failed.ProjectId, JobId = jobId, EnvironmentId = failed.EnvironmentId, TriggerKind = "retry",
            Cause = $"Retry of run #{failed.Id} from step {from}", TriggeredBy = actor.Display, GitBranch = failed.GitBranch,
            // The same commit as the failed run (as dbt Cloud): what changed since is data or settings, not code.
            GitSha = failed.GitSha, Status = RunStatus.Queued,
            Overrides = Json.Write(overrides with { RetryOfRunId = failed.Id, RetryFromStep = from }), CreatedAt = now, UpdatedAt = now,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(ct);
        new AuditLog(db).Record(actor.Display, "run.retried", failed.ProjectId, $"run {run.Id}", $"job '{job.Name}': retry of run {failed.Id} from step {from}");
        await db.SaveChangesAsync(ct);
        await signal.QueuedAsync(db, ct);
        return run;
    }

    /// <summary>Queued runs are cancelled at once; a running one is asked to stop (its worker sees the flag).</summary>
    public async Task CancelAsync(Run run, Actor actor, CancellationToken ct)
    {
        if (RunStatus.IsComplete(run.Status))
            throw ApiException.Invalid("status", $"Run {run.Id} has already finished ({RunStatus.Humanize(run.Status)}); it cannot be cancelled.");
        var now = DateTime.UtcNow;
        if (run.Status is RunStatus.Queued or RunStatus.Starting)
        {
            run.Status = RunStatus.Cancelled;
            run.FinishedAt = now;
            run.StatusMessage = $"Cancelled by {actor.Display} before it started.";
        }
        run.CancelRequested = true;
        run.UpdatedAt = now;
        new AuditLog(db).Record(actor.Display, "run.cancelled", run.ProjectId, $"run {run.Id}");
        await db.SaveChangesAsync(ct);
    }
}
