using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Workers;

/// <summary>"Run after job X": a run of X that ends with one of the chosen statuses queues a run of each follower.</summary>
internal sealed class AfterJobTrigger(Data.DeployDbContext db, RunSignal signal) : IRunFinished
{
    public async Task FinishedAsync(int runId, RunExecutor.Outcome outcome, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        if (run.JobId is not { } jobId) return;
        var followers = await db.Jobs.Where(j => j.RunAfterJobId == jobId).ToListAsync(ct);
        foreach (var job in followers.Where(j => Json.Read<int[]>(j.RunAfterStatuses, []).Contains(run.Status)))
        {
            var environment = await db.Environments.AsNoTracking().FirstAsync(e => e.Id == job.EnvironmentId, ct);
            var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == job.ProjectId, ct);
            var now = DateTime.UtcNow;
            var follow = new Run
            {
                ProjectId = job.ProjectId, JobId = job.Id, EnvironmentId = job.EnvironmentId, TriggerKind = "job_completion",
                Cause = $"Triggered by run {run.Id} ({RunStatus.Humanize(run.Status)})", TriggeredBy = "slipway",
                GitBranch = environment.CustomBranch ?? project.DefaultBranch, CreatedAt = now, UpdatedAt = now,
            };
            db.Runs.Add(follow);
            await db.SaveChangesAsync(ct);
            new AuditLog(db).Record("slipway", "run.triggered", job.ProjectId, $"run {follow.Id}", $"job '{job.Name}' after run {run.Id}");
            await db.SaveChangesAsync(ct);
            await signal.QueuedAsync(db, ct);
        }
    }
}
