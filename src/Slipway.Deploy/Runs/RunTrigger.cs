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
internal sealed class RunTrigger(DeployDbContext db, ProjectRules rules, SecretBox secrets, DeployOptions options)
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
