using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Workers;

/// <summary>
/// The queue is the runs table. A worker claims the oldest queued run whose job has no active run: on PostgreSQL
/// with <c>FOR UPDATE SKIP LOCKED</c>, on SQLite with a conditional update (only one writer at a time). Either way
/// the partial unique index "one starting/running run per job" refuses a second claim of the same job.
/// </summary>
internal sealed class RunQueue(DeployDbContext db, WorkerSettings settings)
{
    public async Task<Run?> ClaimAsync(CancellationToken ct)
    {
        var skipped = new List<int>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await CandidateAsync(skipped, ct);
            if (id is null) return null;
            if (await TryClaimAsync(id.Value, ct)) return await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            skipped.Add(id.Value);
        }
        return null;
    }

    private async Task<int?> CandidateAsync(List<int> skipped, CancellationToken ct) =>
        await db.Runs.Where(r => r.Status == RunStatus.Queued && !skipped.Contains(r.Id)
                && (r.JobId == null || !db.Runs.Any(a => a.JobId == r.JobId && (a.Status == RunStatus.Starting || a.Status == RunStatus.Running))))
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

    private async Task<bool> TryClaimAsync(int id, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                // Another worker holding the row skips it instead of waiting for it.
                var locked = await db.Database.SqlQueryRaw<int>(
                    "SELECT \"Id\" AS \"Value\" FROM runs WHERE \"Id\" = {0} AND \"Status\" = 1 FOR UPDATE SKIP LOCKED", id).ToListAsync(ct);
                if (locked.Count == 0) return false;
            }
            var updated = await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Starting).SetProperty(r => r.DequeuedAt, now).SetProperty(r => r.UpdatedAt, now), ct);
            if (updated == 0) return false;
            var lease = await db.Set<RunLease>().FirstOrDefaultAsync(l => l.RunId == id, ct);
            if (lease is null) db.Add(new RunLease { RunId = id, WorkerId = settings.WorkerId, ExpiresAt = now + settings.Lease, HeartbeatAt = now, Attempts = 1 });
            else { lease.WorkerId = settings.WorkerId; lease.ExpiresAt = now + settings.Lease; lease.HeartbeatAt = now; lease.Attempts++; }
            db.Add(new RunEvent { RunId = id, Status = RunStatus.Starting, Message = $"Claimed by worker {settings.WorkerId}.", WorkerId = settings.WorkerId, At = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The job got an active run from another worker in the meantime (the partial unique index said no).
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
        catch (System.Data.Common.DbException e) when (IsUniqueViolation(e))
        {
            // The same refusal, raised by the conditional update itself.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
        catch (InvalidOperationException e) when (e.InnerException is DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>SQLite's constraint error (19) or PostgreSQL's unique_violation (23505).</summary>
    private static bool IsUniqueViolation(System.Data.Common.DbException e) =>
        e.SqlState == "23505" || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };

    /// <summary>Pushes the lease forward; false when this worker no longer holds it (it expired and was reaped).</summary>
    public async Task<bool> HeartbeatAsync(int runId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        return await db.Set<RunLease>().Where(l => l.RunId == runId && l.WorkerId == settings.WorkerId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now + settings.Lease).SetProperty(l => l.HeartbeatAt, now), ct) == 1;
    }

    /// <summary>Changes a run's status if it is still <paramref name="from"/>, and records the change.</summary>
    public async Task<bool> TransitionAsync(int runId, int[] from, int to, string message, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var complete = RunStatus.IsComplete(to);
        var updated = await db.Runs.Where(r => r.Id == runId && from.Contains(r.Status)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, to).SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.StatusMessage, message)
            .SetProperty(r => r.StartedAt, r => to == RunStatus.Running ? now : r.StartedAt)
            .SetProperty(r => r.FinishedAt, r => complete ? now : r.FinishedAt), ct);
        if (updated == 0) return false;
        db.Add(new RunEvent { RunId = runId, Status = to, Message = message, WorkerId = settings.WorkerId, At = now });
        if (complete) await db.Set<RunLease>().Where(l => l.RunId == runId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Ends the runs whose worker stopped heartbeating: Error with the reason, or back to Queued once when the job
    /// asked for it. Any node may reap; the conditional update lets one of them win.
    /// </summary>
    public async Task<int> ReapAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var expired = await (from l in db.Set<RunLease>()
                             join r in db.Runs on l.RunId equals r.Id
                             where l.ExpiresAt < now && (r.Status == RunStatus.Starting || r.Status == RunStatus.Running)
                             select new { l.RunId, l.WorkerId, l.ExpiresAt, l.Attempts, r.JobId }).AsNoTracking().ToListAsync(ct);
        var reaped = 0;
        foreach (var lease in expired)
        {
            var requeue = lease.Attempts < 2 && lease.JobId is { } jobId && await db.Jobs.AnyAsync(j => j.Id == jobId && j.RequeueOnWorkerLoss, ct);
            var reason = $"The worker {lease.WorkerId} stopped heartbeating; its lease expired at {lease.ExpiresAt:yyyy-MM-dd HH:mm:ss} UTC.";
            var done = requeue
                ? await TransitionAsync(lease.RunId, [RunStatus.Starting, RunStatus.Running], RunStatus.Queued, reason + " Re-queued once, as the job asks.", ct)
                : await TransitionAsync(lease.RunId, [RunStatus.Starting, RunStatus.Running], RunStatus.Error, reason, ct);
            if (done && requeue)
                await db.Runs.Where(r => r.Id == lease.RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, (DateTime?)null).SetProperty(r => r.FinishedAt, (DateTime?)null), ct);
            if (done) reaped++;
        }
        return reaped;
    }
}
