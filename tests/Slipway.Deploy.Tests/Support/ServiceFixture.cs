using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Slipway.Deploy.Tests.Support;

/// <summary>One running service per test class and backend; tests make their own projects and users (unique names).</summary>
public abstract class ServiceFixture : IDisposable
{
    public const string AdminPassword = "Adm1n-Passw0rd!";
    public const string UserPassword = "Us3r-Passw0rd!!";

    private readonly Lazy<DeployFactory> factory;
    private readonly List<IDisposable> owned = [];
    private int counter;

    protected ServiceFixture(Backend backend)
    {
        Backend = backend;
        factory = new Lazy<DeployFactory>(() => new DeployFactory(backend.NewDatabase(), AdminPassword));
    }

    public Backend Backend { get; }

    public DeployFactory Factory => factory.Value;

    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}";

    /// <summary>A client signed in (cookie) as the first administrator.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A new user with <paramref name="role"/> on the project (if any), calling with an API token of <paramref name="scopes"/>.</summary>
    public async Task<(HttpClient Client, int UserId, string Username)> UserAsync(int? projectId, string? role, params string[] scopes)
    {
        var admin = await AdminAsync();
        var username = Unique("user");
        var created = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/users", new { username, password = UserPassword }, HttpStatusCode.Created);
        var userId = created.GetProperty("id").GetInt32();
        if (projectId is not null && role is not null)
            await Http.SendAsync(admin, HttpMethod.Put, $"/api/v1/projects/{projectId}/members/{userId}", new { role }, HttpStatusCode.OK);
        var session = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsJsonAsync("/api/v1/auth/login", new { username, password = UserPassword })).StatusCode);
        var token = await Http.SendAsync(session, HttpMethod.Post, "/api/v1/tokens",
            new { name = "test", scopes = scopes.Length == 0 ? new[] { "read", "run", "write" } : scopes }, HttpStatusCode.Created);
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Token", token.GetProperty("token").GetString());
        return (client, userId, username);
    }

    /// <summary>A project on a fresh git repository (branches main, develop, feature/x) with a DuckDB connection.</summary>
    public async Task<ProjectSetup> ProjectAsync(HttpClient admin)
    {
        var repo = new TestRepository("develop", "feature/x");
        lock (owned) owned.Add(repo);
        var project = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/projects",
            new { name = Unique("project"), repository_url = repo.Path, default_branch = "main" }, HttpStatusCode.Created);
        var id = project.GetProperty("id").GetInt32();
        var connection = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{id}/connections",
            new { name = "warehouse", type = "duckdb", path = "/tmp/warehouse.duckdb" }, HttpStatusCode.Created);
        return new ProjectSetup(id, connection.GetProperty("id").GetInt32(), repo);
    }

    /// <summary>A deployment environment writing to <paramref name="schema"/>, and a job in it.</summary>
    public async Task<(int EnvironmentId, int JobId)> EnvironmentWithJobAsync(HttpClient admin, int projectId, string schema, string deploymentType = "general")
    {
        var environment = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/environments",
            new { name = Unique("env"), type = "deployment", deployment_type = deploymentType, credentials = new { schema } }, HttpStatusCode.Created);
        var environmentId = environment.GetProperty("id").GetInt32();
        var job = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs",
            new { name = Unique("job"), environment_id = environmentId, commands = new[] { "dbt build" } }, HttpStatusCode.Created);
        return (environmentId, job.GetProperty("id").GetInt32());
    }

    public virtual void Dispose()
    {
        if (factory.IsValueCreated) factory.Value.Dispose();
        foreach (var item in owned) item.Dispose();
        Backend.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed record ProjectSetup(int Id, int ConnectionId, TestRepository Repository);

public sealed class SqliteService() : ServiceFixture(new SqliteBackend());

public sealed class PostgresService() : ServiceFixture(new PostgresBackend());

/// <summary>Small JSON helpers: send, check the status code, parse the body.</summary>
public static class Http
{
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends, expects 422, and returns the error message.</summary>
    public static async Task<string> RefusedAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var error = await SendAsync(client, method, url, body, HttpStatusCode.UnprocessableEntity);
        return error.GetProperty("error").GetProperty("message").GetString()!;
    }
}
