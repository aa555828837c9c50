using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Jobs;

/// <summary><c>/api/v1/projects/{p}/jobs</c>: jobs, "run now", and synchronising <c>slipway_jobs.yml</c>.</summary>
internal static class JobEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/jobs").WithTags("jobs");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok((await db.Jobs.Where(j => j.ProjectId == projectId).OrderBy(j => j.Id).ToListAsync(ct)).Select(JobValidator.View));
        });
        api.MapGet("/{jobId:int}", async (int projectId, int jobId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok(JobValidator.View(await FindAsync(db, projectId, jobId, ct)));
        });
        api.MapPost("", async (int projectId, JobRequest request, Access access, DeployDbContext db, JobValidator validator, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var job = new Job { ProjectId = projectId, Name = "", CreatedAt = DateTime.UtcNow };
            await validator.ApplyAsync(job, request, ct);
            if (await db.Jobs.AnyAsync(j => j.ProjectId == projectId && j.Name == job.Name, ct))
                throw ApiException.Conflict($"The project already has a job named '{job.Name}'.");
            db.Jobs.Add(job);
            new AuditLog(db).Record(access.Actor.Display, "job.created", projectId, job.Name);
            if (request.Notifications?.WebhookSecret is not null) new AuditLog(db).Record(access.Actor.Display, "credentials.webhook_secret_set", projectId, job.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/jobs/{job.Id}", JobValidator.View(job));
        });
        api.MapPut("/{jobId:int}", async (int projectId, int jobId, JobRequest request, Access access, DeployDbContext db, JobValidator validator, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var job = await FindAsync(db, projectId, jobId, ct);
            RequireNotInCode(job);
            await validator.ApplyAsync(job, request, ct);
            new AuditLog(db).Record(access.Actor.Display, "job.updated", projectId, job.Name);
            if (request.Notifications?.WebhookSecret is not null) new AuditLog(db).Record(access.Actor.Display, "credentials.webhook_secret_set", projectId, job.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(JobValidator.View(job));
        });
        api.MapDelete("/{jobId:int}", async (int projectId, int jobId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var job = await FindAsync(db, projectId, jobId, ct);
            RequireNotInCode(job);
            await DeleteAsync(db, job, ct);
            new AuditLog(db).Record(access.Actor.Display, "job.deleted", projectId, job.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{jobId:int}/run", async (int projectId, int jobId, TriggerRequest request, Access access, DeployDbContext db, RunTrigger trigger, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Run, ct);
            var job = await FindAsync(db, projectId, jobId, ct);
            var run = await trigger.TriggerAsync(job, request, access.Actor.TokenId is null ? "manual" : "api", access.Actor, ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/runs/{run.Id}", RunEndpoints.View(run, null));
        });
        api.MapPost("/sync", async (int projectId, Access access, JobsAsCode jobsAsCode, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Manage, ct);
            return TypedResults.Ok(await jobsAsCode.SyncAsync(project, access.Actor, ct));
        });
    }

    public static async Task<Job> FindAsync(DeployDbContext db, int projectId, int jobId, CancellationToken ct) =>
        await db.Jobs.FirstOrDefaultAsync(j => j.ProjectId == projectId && j.Id == jobId, ct) ?? throw ApiException.NotFound($"Job {jobId}");

    /// <summary>Deletes a job; its runs stay in history, jobs that ran after it stop doing so.</summary>
    public static async Task DeleteAsync(DeployDbContext db, Job job, CancellationToken ct)
    {
        await db.Jobs.Where(j => j.RunAfterJobId == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfterJobId, (int?)null), ct);
        await db.EnvironmentVariables.Where(v => v.JobId == job.Id).ExecuteDeleteAsync(ct);
        db.Jobs.Remove(job);
    }

    private static void RequireNotInCode(Job job)
    {
        if (job.DefinedInCode)
            throw ApiException.Invalid("defined_in_code",
                $"The job '{job.Name}' is defined in slipway_jobs.yml; change the file in the repository and synchronise.");
    }
}
