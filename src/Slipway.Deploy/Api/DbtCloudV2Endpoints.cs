using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Api;

/// <summary>
/// dbt Cloud's v2 administrative API for jobs and runs, so existing clients (the Airflow dbt Cloud provider,
/// Prefect, Kestra, scripts) work by changing only the base URL. Slipway has one account: any account id in
/// the path is accepted and access is decided by the caller's roles, as on v1.
/// </summary>
internal static class DbtCloudV2Endpoints
{
    public static void MapDbtCloudV2(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2/accounts").WithTags("dbt Cloud v2");
        api.MapGet("", (Access access) => Ok(new[] { new { id = 1, name = "slipway", state = 1, created_by_id = access.Actor.UserId } }));
        api.MapGet("/{accountId:int}", (int accountId, Access access) => Ok(new { id = accountId, name = "slipway", state = 1, created_by_id = access.Actor.UserId }));
        api.MapGet("/{accountId:int}/jobs", async (int accountId, int? projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var projects = access.ReadableProjects().Select(p => p.Id);
            var query = db.Jobs.Where(j => projects.Contains(j.ProjectId));
            if (projectId is { } p) query = query.Where(j => j.ProjectId == p);
            return Ok((await query.OrderBy(j => j.Id).ToListAsync(ct)).Select(j => DbtCloudV2Views.Job(j, accountId)));
        });
        api.MapGet("/{accountId:int}/jobs/{jobId:int}", async (int accountId, int jobId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var job = await JobAsync(db, jobId, ct);
            await access.RequireAsync(job.ProjectId, Permission.Read, ct);
            return Ok(DbtCloudV2Views.Job(job, accountId));
        });
        api.MapPost("/{accountId:int}/jobs/{jobId:int}/run", async (int accountId, int jobId, TriggerRequest request, Access access, DeployDbContext db,
            RunTrigger trigger, HttpContext http, CancellationToken ct) =>
        {
            var job = await JobAsync(db, jobId, ct);
            await access.RequireAsync(job.ProjectId, Permission.Run, ct);
            var run = await trigger.TriggerAsync(job, request, "api", access.Actor, ct);
            return Ok(DbtCloudV2Views.Run(run, job, null, accountId, http.Request));
        });
        api.MapGet("/{accountId:int}/runs", async (int accountId, int? jobDefinitionId, int? projectId, int? environmentId, int? status,
            string? orderBy, int? limit, int? offset, Access access, DeployDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var projects = access.ReadableProjects().Select(p => p.Id);
            var query = db.Runs.Where(r => projects.Contains(r.ProjectId));
            if (jobDefinitionId is { } j) query = query.Where(r => r.JobId == j);
            if (projectId is { } p) query = query.Where(r => r.ProjectId == p);
            if (environmentId is { } e) query = query.Where(r => r.EnvironmentId == e);
            if (status is { } s) query = query.Where(r => r.Status == s);
            query = orderBy switch
            {
                "id" => query.OrderBy(r => r.Id),
                "created_at" => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
                "-created_at" => query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
                _ => query.OrderByDescending(r => r.Id),
            };
            var total = await query.CountAsync(ct);
            var runs = await query.Skip(Math.Max(0, offset ?? 0)).Take(Math.Clamp(limit ?? 100, 1, 100)).ToListAsync(ct);
            var jobIds = runs.Where(r => r.JobId is not null).Select(r => r.JobId!.Value).Distinct().ToList();
            var jobs = await db.Jobs.Where(x => jobIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
            return TypedResults.Ok(new
            {
                status = DbtCloudV2Views.Success,
                data = runs.Select(r => DbtCloudV2Views.Run(r, r.JobId is { } id ? jobs.GetValueOrDefault(id) : null, null, accountId, http.Request)),
                extra = new { filters = new { limit = limit ?? 100, offset = offset ?? 0 }, order_by = orderBy ?? "-id", pagination = new { count = runs.Count, total_count = total } },
            });
        });
        api.MapGet("/{accountId:int}/runs/{runId:int}", async (int accountId, int runId, Access access, DeployDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var run = await RunAsync(db, runId, ct);
            await access.RequireAsync(run.ProjectId, Permission.Read, ct);
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
            var steps = await db.RunSteps.Where(s => s.RunId == runId).OrderBy(s => s.Index).ToListAsync(ct);
            return Ok(DbtCloudV2Views.Run(run, job, steps, accountId, http.Request));
        });
        api.MapPost("/{accountId:int}/runs/{runId:int}/cancel", async (int accountId, int runId, Access access, DeployDbContext db, RunTrigger trigger,
            HttpContext http, CancellationToken ct) =>
        {
            var run = await RunAsync(db, runId, ct);
            await access.RequireAsync(run.ProjectId, Permission.Run, ct);
            await trigger.CancelAsync(run, access.Actor, ct);
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == run.JobId, ct);
            return Ok(DbtCloudV2Views.Run(run, job, null, accountId, http.Request));
        });
        // Retry from failure: of one run, or of a job's latest run (dbt Cloud's "rerun", which needs that run to have failed).
        api.MapPost("/{accountId:int}/runs/{runId:int}/retry", async (int accountId, int runId, Access access, DeployDbContext db, RunTrigger trigger,
            HttpContext http, CancellationToken ct) =>
        {
            var run = await RunAsync(db, runId, ct);
            await access.RequireAsync(run.ProjectId, Permission.Run, ct);
            var retry = await trigger.RetryAsync(run, access.Actor, ct);
            return Ok(DbtCloudV2Views.Run(retry, await db.Jobs.FirstOrDefaultAsync(j => j.Id == retry.JobId, ct), null, accountId, http.Request));
        });
        api.MapPost("/{accountId:int}/jobs/{jobId:int}/rerun", async (int accountId, int jobId, Access access, DeployDbContext db, RunTrigger trigger,
            HttpContext http, CancellationToken ct) =>
        {
            var job = await JobAsync(db, jobId, ct);
            await access.RequireAsync(job.ProjectId, Permission.Run, ct);
            var latest = await db.Runs.Where(r => r.JobId == jobId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct)
                ?? throw ApiException.Invalid("job_id", $"Job {jobId} has no run to retry.");
            var retry = await trigger.RetryAsync(latest, access.Actor, ct);
            return Ok(DbtCloudV2Views.Run(retry, job, null, accountId, http.Request));
        });
        api.MapGet("/{accountId:int}/runs/{runId:int}/artifacts", async (int accountId, int runId, Access access, DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            var run = await RunAsync(db, runId, ct);
            await access.RequireAsync(run.ProjectId, Permission.Read, ct);
            return Ok(RunArtifacts.List(options, runId));
        });
        api.MapGet("/{accountId:int}/runs/{runId:int}/artifacts/{**path}", async (int accountId, int runId, string path, Access access, DeployDbContext db,
            DeployOptions options, CancellationToken ct) =>
        {
            var run = await RunAsync(db, runId, ct);
            await access.RequireAsync(run.ProjectId, Permission.Read, ct);
            return RunArtifacts.Serve(options, runId, path);
        });
    }

    private static IResult Ok(object data) => TypedResults.Ok(new { status = DbtCloudV2Views.Success, data });

    private static async Task<Jobs.Job> JobAsync(DeployDbContext db, int jobId, CancellationToken ct) =>
        await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct) ?? throw ApiException.NotFound($"Job {jobId}");

    private static async Task<Run> RunAsync(DeployDbContext db, int runId, CancellationToken ct) =>
        await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw ApiException.NotFound($"Run {runId}");
}
