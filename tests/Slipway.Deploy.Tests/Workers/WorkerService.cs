using System.Net;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>The service with its workers on short intervals, and helpers to make a runnable DuckDB project.</summary>
public sealed class WorkerService : IDisposable
{
    private readonly ServiceFixture service = new SqliteService();
    private readonly List<string> folders = [];

    public WorkerService()
    {
        var workers = service.Factory.Options.Workers;
        workers.Enabled = true;
        workers.PollInterval = TimeSpan.FromMilliseconds(100);
        workers.Heartbeat = TimeSpan.FromMilliseconds(300);
        workers.Lease = TimeSpan.FromSeconds(3);
        workers.CancelGrace = TimeSpan.FromSeconds(3);
        workers.SchedulerInterval = TimeSpan.FromMilliseconds(300);
    }

    public ServiceFixture Service => service;

    /// <summary>A project whose main branch holds <paramref name="files"/>, and an environment on a DuckDB file of its own.</summary>
    public async Task<(HttpClient Admin, int ProjectId, int EnvironmentId, string Warehouse, TestRepository Repository)> ProjectAsync(params (string Path, string Text)[] files)
    {
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        foreach (var (path, text) in files) project.Repository.CommitFile(path, text);
        var folder = Directory.CreateTempSubdirectory("slipway-warehouse-").FullName;
        lock (folders) folders.Add(folder);
        var warehouse = Path.Combine(folder, "warehouse.duckdb");
        var environment = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/environments",
            new { name = service.Unique("env"), type = "deployment", deployment_type = "general", connection_id = project.ConnectionId,
                duckdb_path_override = warehouse, credentials = new { schema = "analytics" } }, HttpStatusCode.Created);
        return (admin, project.Id, environment.GetProperty("id").GetInt32(), warehouse, project.Repository);
    }

    public async Task<int> JobAsync(HttpClient admin, int projectId, int environmentId, object settings)
    {
        var body = JsonSerializer.SerializeToElement(settings);
        var merged = new Dictionary<string, object?> { ["name"] = service.Unique("job"), ["environment_id"] = environmentId };
        foreach (var property in body.EnumerateObject()) merged[property.Name] = property.Value;
        var job = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs", merged, HttpStatusCode.Created);
        return job.GetProperty("id").GetInt32();
    }

    public static async Task<int> RunNowAsync(HttpClient client, int projectId, int jobId, object? body = null)
    {
        var run = await Http.SendAsync(client, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs/{jobId}/run", body ?? new { cause = "test" }, HttpStatusCode.Created);
        return run.GetProperty("id").GetInt32();
    }

    /// <summary>Polls the run until <paramref name="until"/> holds (by default: the run is complete).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, int projectId, int runId, Func<JsonElement, bool>? until = null, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await Http.SendAsync(client, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}", null, HttpStatusCode.OK);
            if (until?.Invoke(run) ?? run.GetProperty("status").GetInt32() >= 10) return run;
            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not get there in {seconds} s: {run}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        service.Dispose();
        foreach (var folder in folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
