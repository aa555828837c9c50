using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Schedules;
using Slipway.Deploy.Tests.Support;
using Slipway.Deploy.Workers;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>
/// Several nodes on one real PostgreSQL metadata database (SLIPWAY_TEST_PG; these fail on CI without it and skip
/// elsewhere). Results are read from the persisted state.
/// </summary>
public sealed class MultiNodeTests : IDisposable
{
    private readonly PostgresBackend backend = new();
    private readonly List<IDisposable> owned = [];

    public void Dispose()
    {
        foreach (var item in owned.AsEnumerable().Reverse()) item.Dispose();
        backend.Dispose();
    }

    /// <summary>Two service nodes on one new database and one data folder (workers off: the tests drive them).</summary>
    private (DeployFactory First, DeployFactory Second) Nodes()
    {
        Skip.If(backend.SkipReason is not null, backend.SkipReason);
        var database = backend.NewDatabase();
        var first = new DeployFactory(database, ServiceFixture.AdminPassword);
        var second = new DeployFactory(database, ServiceFixture.AdminPassword) { };
        second.Options.DataDir = first.Options.DataDir;
        owned.Add(second);
        owned.Add(first);
        _ = first.Services;
        _ = second.Services;
        return (first, second);
    }

    private static async Task<(HttpClient Admin, int ProjectId, int EnvironmentId, TestRepository Repository, int ConnectionId)> ProjectAsync(DeployFactory node, List<IDisposable> owned)
    {
        var admin = node.CreateClient();
        await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/auth/login", new { username = "admin", password = ServiceFixture.AdminPassword }, HttpStatusCode.OK);
        var repository = new TestRepository();
        owned.Add(repository);
        var project = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/projects", new { name = "p" + Guid.NewGuid().ToString("N")[..6], repository_url = repository.Path, default_branch = "main" }, HttpStatusCode.Created);
        var projectId = project.GetProperty("id").GetInt32();
        var connection = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/connections",
            new { name = "warehouse", type = "duckdb", path = Path.Combine(node.Options.DataDir, "warehouse.duckdb") }, HttpStatusCode.Created);
        var environment = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/environments",
            new { name = "prod", type = "deployment", deployment_type = "production", connection_id = connection.GetProperty("id").GetInt32(), credentials = new { schema = "analytics" } }, HttpStatusCode.Created);
        return (admin, projectId, environment.GetProperty("id").GetInt32(), repository, connection.GetProperty("id").GetInt32());
    }

    private static async Task<int> JobAsync(HttpClient admin, int projectId, int environmentId, object? triggers = null, bool requeue = false) =>
        (await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs",
            new { name = "j" + Guid.NewGuid().ToString("N")[..6], environment_id = environmentId, commands = new[] { "dbt run" }, triggers, requeue_on_worker_loss = requeue },
            HttpStatusCode.Created)).GetProperty("id").GetInt32();

    [SkippableFact]
    public async Task Two_claimers_never_take_the_same_run_and_one_job_never_has_two_active_runs()
    {
        var (first, second) = Nodes();
        var (admin, projectId, environmentId, _, _) = await ProjectAsync(first, owned);
        var jobs = new List<int>();
        for (var i = 0; i < 10; i++) jobs.Add(await JobAsync(admin, projectId, environmentId));
        // Two runs per job: only one of each pair may be claimed while the other is active.
        foreach (var job in jobs.Concat(jobs))
            await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs/{job}/run", new { cause = "load" }, HttpStatusCode.Created);

        async Task<List<int>> ClaimAllAsync(DeployFactory node, string worker)
        {
            var claimed = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                using var scope = node.Services.CreateScope();
                var queue = new RunQueue(scope.ServiceProvider.GetRequiredService<DeployDbContext>(), new WorkerSettings { WorkerId = worker });
                if (await queue.ClaimAsync(CancellationToken.None) is { } run) claimed.Add(run.Id);
            }
            return claimed;
        }
        var results = await Task.WhenAll(ClaimAllAsync(first, "a"), ClaimAllAsync(second, "b"), ClaimAllAsync(first, "c"), ClaimAllAsync(second, "d"));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(10, all.Count);
        using var check = first.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<DeployDbContext>();
        var active = db.Runs.Where(r => r.Status == RunStatus.Starting).Select(r => new { r.Id, r.JobId }).ToList();
        Assert.Equal(10, active.Count);
        Assert.Equal(10, active.Select(r => r.JobId).Distinct().Count());
        Assert.Equal(all.Order(), db.Set<RunLease>().Select(l => l.RunId).OrderBy(id => id).ToList());
    }

    [SkippableFact]
    public async Task A_cron_firing_seen_by_two_schedulers_makes_one_run()
    {
        var (first, second) = Nodes();
        var (admin, projectId, environmentId, _, _) = await ProjectAsync(first, owned);
        var jobId = await JobAsync(admin, projectId, environmentId, new { schedule = new { cron = "* * * * *", timezone = "Europe/Paris" } });

        async Task TickAsync(DeployFactory node, DateTime now)
        {
            using var scope = node.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<JobScheduler>().TickAsync(now, CancellationToken.None);
        }
        var minutes = new[] { 2, 3, 4 }.Select(m => DateTime.UtcNow.AddMinutes(m)).ToList();
        foreach (var now in minutes)
            await Task.WhenAll(TickAsync(first, now), TickAsync(second, now), TickAsync(first, now), TickAsync(second, now));

        using var check = first.Services.CreateScope();
        var runs = check.ServiceProvider.GetRequiredService<DeployDbContext>().Runs.Where(r => r.JobId == jobId).OrderBy(r => r.ScheduledAt).ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal(minutes.Select(m => new DateTime(m.Year, m.Month, m.Day, m.Hour, m.Minute, 0, DateTimeKind.Utc)), runs.Select(r => r.ScheduledAt!.Value));
        // Each newer firing replaced the one still waiting.
        Assert.Equal([RunStatus.Cancelled, RunStatus.Cancelled, RunStatus.Queued], runs.Select(r => r.Status));
    }

    [SkippableFact]
    public async Task A_killed_worker_process_leaves_its_run_Error_after_the_lease_expires()
    {
        var (first, _) = Nodes();
        var (admin, projectId, environmentId, repository, _) = await ProjectAsync(first, owned);
        repository.CommitFile("models/slow.sql", "{{ config(materialized='table') }}\nselect sum(i) as total from range(100000000000000) t(i)\n");
        var jobId = await JobAsync(admin, projectId, environmentId);
        var runId = (await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs/{jobId}/run", new { cause = "kill" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // A real `slipway worker` process on the same database and data folder, with a 2-second lease.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "slipway.dll"), "worker", "--database", first.Options.Database!, "--data-dir", first.Options.DataDir },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["SLIPWAY_WORKER_LEASE_SECONDS"] = "2";
        using var worker = Process.Start(start)!;
        worker.OutputDataReceived += (_, _) => { };
        worker.ErrorDataReceived += (_, _) => { };
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            await WorkerService.WaitAsync(admin, projectId, runId, r => r.GetProperty("status").GetInt32() == RunStatus.Running, seconds: 60);
        }
        finally
        {
            // kill -9 of the worker alone; its engine step exits by itself (ClusterTests checks that), OrphanSteps is a safety net.
            worker.Kill(entireProcessTree: false);
            await worker.WaitForExitAsync();
        }
        owned.Add(new OrphanSteps(first.Options.DataDir));

        // Any node's reaper ends it; this one runs a pass by hand once the lease is over.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Run run;
        while (true)
        {
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RunQueue>().ReapAsync(CancellationToken.None);
            run = scope.ServiceProvider.GetRequiredService<DeployDbContext>().Runs.Single(r => r.Id == runId);
            if (run.Status != RunStatus.Running || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }
        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("stopped heartbeating", run.StatusMessage);
    }
}

/// <summary>Ends the engine processes a killed worker left behind (found by their workspace under the test's data folder).</summary>
internal sealed class OrphanSteps(string dataDir) : IDisposable
{
    public void Dispose()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                if (!File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(dataDir, StringComparison.Ordinal)) continue;
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone already.
            }
        }
    }
}
