using Microsoft.Extensions.Logging;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Data;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Workspaces;

namespace Slipway.Deploy.Schedules;

/// <summary>
/// One scheduling pass of a node: cron firings become runs, new commits on watched branches become runs. Every
/// node may run it at once: the unique (job, scheduled time) key and conditional updates let exactly one node win.
/// </summary>
internal sealed class JobScheduler(DeployDbContext db, RunWorkspace workspace, Workers.RunSignal signal, ILogger<JobScheduler> logger)
{
    public async Task TickAsync(DateTime nowUtc, CancellationToken ct)
    {
        foreach (var job in await db.Jobs.AsNoTracking().Where(j => j.Cron != null).ToListAsync(ct))
        {
            try
            {
                await FireAsync(job, nowUtc, ct);
            }
            catch (FormatException e)
            {
                logger.LogWarning("Job {JobId}: the cron '{Cron}' cannot be computed: {Message}", job.Id, job.Cron, e.Message);
            }
        }
        foreach (var job in await db.Jobs.AsNoTracking().Where(j => j.TriggerOnCommit).ToListAsync(ct))
        {
            try
            {
                await WatchAsync(job, nowUtc, ct);
            }
            catch (Git.GitException e)
            {
                logger.LogWarning("Job {JobId}: the branch could not be polled: {Message}", job.Id, e.Message);
            }
        }
    }

    private async Task FireAsync(Job job, DateTime nowUtc, CancellationToken ct)
    {
        var last = await db.Runs.Where(r => r.JobId == job.Id && r.ScheduledAt != null).MaxAsync(r => r.ScheduledAt, ct);
        // A schedule counts from the job's last change, so editing a cron never fires a backlog of the old one.
        var since = last is { } l && l > job.UpdatedAt ? l : job.UpdatedAt;
        if (new CronFirings(job.Cron!, job.TimeZone).Due(since, nowUtc) is not { } firing) return;
        var (branch, environmentId) = await BranchAsync(job, ct);
        var run = NewRun(job, "schedule", $"Scheduled at {firing:yyyy-MM-dd HH:mm} UTC", branch, environmentId, nowUtc);
        run.ScheduledAt = firing;
        if (!await TryAddAsync(run, ct)) return;
        // While a run of the job is busy at most one scheduled run waits: the newest replaces older queued ones.
        var replaced = await db.Runs.Where(r => r.JobId == job.Id && r.TriggerKind == "schedule" && r.Status == RunStatus.Queued && r.Id != run.Id && r.ScheduledAt < firing)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, nowUtc).SetProperty(r => r.UpdatedAt, nowUtc)
                .SetProperty(r => r.StatusMessage, $"Replaced by the run scheduled at {firing:yyyy-MM-dd HH:mm} UTC (run {run.Id})."), ct);
        logger.LogInformation("Job {JobId} fired for {Firing:o}: run {RunId} ({Replaced} waiting run(s) replaced)", job.Id, firing, run.Id, replaced);
    }

    private async Task WatchAsync(Job job, DateTime nowUtc, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == job.ProjectId, ct);
        var (branch, environmentId) = await BranchAsync(job, ct);
        if (await workspace.TipAsync(project, branch, ct) is not { } tip) return;
        var watch = await db.Set<CommitWatch>().AsNoTracking().FirstOrDefaultAsync(w => w.JobId == job.Id, ct);
        if (watch is null)
        {
            // The first look only sets the baseline: commits from now on trigger.
            db.Add(new CommitWatch { JobId = job.Id, Sha = tip, CheckedAt = nowUtc });
            try { await db.SaveChangesAsync(ct); } catch (DbUpdateException) { db.ChangeTracker.Clear(); }
            return;
        }
        if (watch.Sha == tip) return;
        // Whichever node moves the watch from the old SHA to the new one queues the run.
        if (await db.Set<CommitWatch>().Where(w => w.JobId == job.Id && w.Sha == watch.Sha)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Sha, tip).SetProperty(w => w.CheckedAt, nowUtc), ct) != 1) return;
        var run = NewRun(job, "commit", $"New commit {tip[..7]} on {branch}", branch, environmentId, nowUtc);
        run.GitSha = tip;
        await TryAddAsync(run, ct);
    }

    private async Task<(string Branch, int EnvironmentId)> BranchAsync(Job job, CancellationToken ct)
    {
        var environment = await db.Environments.AsNoTracking().FirstAsync(e => e.Id == job.EnvironmentId, ct);
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == job.ProjectId, ct);
        return (environment.CustomBranch ?? project.DefaultBranch, environment.Id);
    }

    private static Run NewRun(Job job, string kind, string cause, string branch, int environmentId, DateTime now) => new()
    {
        ProjectId = job.ProjectId, JobId = job.Id, EnvironmentId = environmentId, TriggerKind = kind, Cause = cause,
        TriggeredBy = "slipway", GitBranch = branch, Status = RunStatus.Queued, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>False when another node already made this firing's run (the unique key refused a second one).</summary>
    private async Task<bool> TryAddAsync(Run run, CancellationToken ct)
    {
        db.Runs.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        new AuditLog(db).Record("slipway", "run.triggered", run.ProjectId, $"run {run.Id}", run.Cause);
        await db.SaveChangesAsync(ct);
        await signal.QueuedAsync(db, ct);
        return true;
    }
}
