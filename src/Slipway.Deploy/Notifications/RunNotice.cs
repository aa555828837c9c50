using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Notifications;

/// <summary>What notifications say about a run, read once from the database.</summary>
internal sealed record RunNotice(int RunId, int ProjectId, string ProjectName, int? JobId, string? JobName, int EnvironmentId, string EnvironmentName,
    string Cause, int Status, string? StatusMessage, DateTime? StartedAt, DateTime? FinishedAt, bool StaleSources)
{
    public string StatusName => RunStatus.Humanize(Status);

    public static async Task<RunNotice?> LoadAsync(Data.DeployDbContext db, int runId, bool staleSources, CancellationToken ct) =>
        await (from r in db.Runs
               join p in db.Projects on r.ProjectId equals p.Id
               join e in db.Environments on r.EnvironmentId equals e.Id
               from j in db.Jobs.Where(j => j.Id == r.JobId).DefaultIfEmpty()
               where r.Id == runId
               select new RunNotice(r.Id, r.ProjectId, p.Name, r.JobId, j == null ? null : j.Name, e.Id, e.Name, r.Cause, r.Status, r.StatusMessage,
                   r.StartedAt, r.FinishedAt, staleSources)).AsNoTracking().FirstOrDefaultAsync(ct);
}
