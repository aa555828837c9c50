using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Slipway.Deploy.Tests.Support;

/// <summary>
/// Two `slipway serve` processes and one `slipway worker` process on one real PostgreSQL metadata database and one
/// data folder, on free loopback ports. The serve nodes have no worker slots: they answer the API, fire schedules
/// and reap lost leases, while the worker process executes every run. A job firing every minute is created at
/// start, so the cron observation runs alongside the other tests. Without SLIPWAY_TEST_PG it is not started.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    /// <summary>Short enough for the kill test, long enough that a busy machine does not miss a heartbeat (a third of it).</summary>
    public const int LeaseSeconds = 6;

    private readonly PostgresBackend backend = new();
    private readonly List<IDisposable> owned = [];
    private int counter;

    public string? SkipReason => backend.SkipReason;

    public string Database { get; private set; } = "";

    public string DataDir { get; } = Directory.CreateTempSubdirectory("slipway-cluster-").FullName;

    public List<Uri> Nodes { get; } = [];

    public List<SlipwayProcess> Servers { get; } = [];

    public SlipwayProcess Worker { get; private set; } = null!;

    /// <summary>The ids (as stored with leases) of worker processes a test killed: runs they held end Error, rightly.</summary>
    public List<string> KilledWorkers { get; } = [];

    /// <summary>The worker id the current worker process printed at start.</summary>
    public string WorkerId => System.Text.RegularExpressions.Regex.Match(Worker.Head, @"Slipway worker (\S+) ").Groups[1].Value;

    public int ProjectId { get; private set; }

    public TestRepository Repository { get; private set; } = null!;

    /// <summary>An environment whose pinned engine is <c>/bin/true</c>: each step is a process that does nothing and succeeds.</summary>
    public int TrivialEnvironmentId { get; private set; }

    public int CronJobId { get; private set; }

    /// <summary>The cron job's creation time as stored (its schedule counts from there).</summary>
    public DateTime CronJobCreatedAt { get; private set; }

    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}";

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        Database = backend.NewDatabase();
        // One after the other: the first node creates the schema and the administrator.
        for (var i = 0; i < 2; i++)
        {
            var url = new Uri($"http://127.0.0.1:{SlipwayProcess.FreePort()}");
            var serve = Start(["serve", "--database", Database, "--data-dir", DataDir, "--urls", url.ToString().TrimEnd('/'), "--admin-password", ServiceFixture.AdminPassword],
                new() { ["SLIPWAY_WORKER_SLOTS"] = "0", ["SLIPWAY_WORKER_POLL_MS"] = "250", ["SLIPWAY_SCHEDULER_SECONDS"] = "2" });
            await HealthyAsync(url, serve);
            Nodes.Add(url);
            Servers.Add(serve);
        }
        StartWorker();

        var admin = await ClientAsync(0);
        Repository = new TestRepository();
        owned.Add(Repository);
        var project = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/projects", new { name = "cluster", repository_url = Repository.Path, default_branch = "main" }, HttpStatusCode.Created);
        ProjectId = project.GetProperty("id").GetInt32();
        TrivialEnvironmentId = await EnvironmentAsync(admin, "trivial", "/bin/true");
        var cron = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{ProjectId}/jobs",
            new { name = "every minute", environment_id = TrivialEnvironmentId, commands = new[] { "dbt run" }, triggers = new { schedule = new { cron = "* * * * *", timezone = "UTC" } } },
            HttpStatusCode.Created);
        CronJobId = cron.GetProperty("id").GetInt32();
        CronJobCreatedAt = DateTime.SpecifyKind(cron.GetProperty("updated_at").GetDateTime(), DateTimeKind.Utc);
    }

    private SlipwayProcess Start(string[] arguments, Dictionary<string, string> environment)
    {
        environment["SLIPWAY_WORKER_LEASE_SECONDS"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = new SlipwayProcess(arguments, environment);
        lock (owned) owned.Add(process);
        return process;
    }

    /// <summary>A (new) `slipway worker` process with eight slots.</summary>
    public SlipwayProcess StartWorker() =>
        Worker = Start(["worker", "--database", Database, "--data-dir", DataDir],
            new() { ["SLIPWAY_WORKER_SLOTS"] = "8", ["SLIPWAY_WORKER_POLL_MS"] = "100", ["SLIPWAY_SCHEDULER_SECONDS"] = "2" });

    private static async Task HealthyAsync(Uri url, SlipwayProcess serve)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(serve.HasExited, $"serve on {url} exited: {serve.Output}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"serve on {url} did not answer /health in 60 s: {serve.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>A client of serve node <paramref name="node"/>, signed in as the administrator (cookie).</summary>
    public async Task<HttpClient> ClientAsync(int node)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Nodes[node], Timeout = TimeSpan.FromSeconds(100) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = ServiceFixture.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A deployment environment of the project (schema = its name) on a DuckDB file in the data folder.</summary>
    public async Task<int> EnvironmentAsync(HttpClient admin, string name, string? engine = null)
    {
        var connection = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{ProjectId}/connections",
            new { name, type = "duckdb", path = Warehouse(name) }, HttpStatusCode.Created);
        var environment = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{ProjectId}/environments",
            new { name, type = "deployment", deployment_type = "general", engine_version = engine, connection_id = connection.GetProperty("id").GetInt32(), credentials = new { schema = name } },
            HttpStatusCode.Created);
        return environment.GetProperty("id").GetInt32();
    }

    public string Warehouse(string name) => Path.Combine(DataDir, name + ".duckdb");

    public async Task<JsonElement> RunAsync(HttpClient client, int runId) =>
        await Http.SendAsync(client, HttpMethod.Get, $"/api/v1/projects/{ProjectId}/runs/{runId}", null, HttpStatusCode.OK);

    public Task DisposeAsync()
    {
        foreach (var item in owned.AsEnumerable().Reverse()) item.Dispose();
        backend.Dispose();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}
