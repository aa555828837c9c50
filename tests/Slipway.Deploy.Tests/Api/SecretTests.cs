using System.Net;
using System.Text;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>A canary secret written through every write-only field never comes back: not in a response, a log line or an error.</summary>
public abstract class SecretTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    [SkippableFact]
    public async Task A_canary_secret_never_appears_in_responses_logs_errors_or_the_data_folder()
    {
        Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);
        var canary = "Canary-" + Guid.NewGuid().ToString("N") + "!";
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var p = project.Id;
        var responses = new List<string>();
        async Task Send(HttpMethod method, string url, object body, HttpStatusCode expected)
        {
            using var response = await admin.SendAsync(new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body) });
            var text = await response.Content.ReadAsStringAsync();
            responses.Add(text);
            Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        }

        await Send(HttpMethod.Put, $"/api/v1/projects/{p}", new { name = service.Unique("canary"), repository_url = project.Repository.Path, git_username = "bot", git_token = canary }, HttpStatusCode.OK);
        await Send(HttpMethod.Post, $"/api/v1/projects/{p}/environments",
            new { name = "Production", type = "deployment", deployment_type = "production", credentials = new { user = "svc", password = canary, schema = "analytics" } }, HttpStatusCode.Created);
        // Refused requests that carry the secret must not echo it either.
        await Send(HttpMethod.Post, $"/api/v1/projects/{p}/environments",
            new { name = "Broken", type = "deployment", deployment_type = "general", credentials = new { user = "svc", password = canary } }, HttpStatusCode.UnprocessableEntity);
        await Send(HttpMethod.Put, $"/api/v1/projects/{p}/development-credentials/me", new { warehouse_user = "me", password = canary }, HttpStatusCode.OK);
        var environments = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{p}/environments", null, HttpStatusCode.OK);
        var environmentId = environments[0].GetProperty("id").GetInt32();
        var job = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{p}/jobs",
            new
            {
                name = "nightly", environment_id = environmentId, commands = new[] { "dbt build" },
                notifications = new { on_failure = new[] { "team@example.com" }, webhook_url = "https://hooks.example.com/dbt", webhook_secret = canary },
            }, HttpStatusCode.Created);
        var jobId = job.GetProperty("id").GetInt32();
        await Send(HttpMethod.Put, $"/api/v1/projects/{p}/environment-variables/DBT_ENV_SECRET_TOKEN",
            new { project_default = canary, environments = new Dictionary<string, string> { [$"{environmentId}"] = canary }, jobs = new Dictionary<string, string> { [$"{jobId}"] = canary } },
            HttpStatusCode.NoContent);
        await Send(HttpMethod.Post, $"/api/v2/accounts/1/jobs/{jobId}/run/",
            new { cause = "canary", environment_variables = new Dictionary<string, string> { ["DBT_ENV_SECRET_RUN"] = canary } }, HttpStatusCode.OK);
        await Send(HttpMethod.Post, "/api/v1/users", new { username = service.Unique("canaryuser"), password = canary }, HttpStatusCode.Created);
        // Unreadable JSON holding the secret.
        using (var broken = await admin.PostAsync($"/api/v1/projects/{p}/connections", new StringContent($"{{\"name\": \"{canary}\", \"type\": ", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
            responses.Add(await broken.Content.ReadAsStringAsync());
        }

        var runs = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{p}/runs", null, HttpStatusCode.OK);
        var ids = new Dictionary<string, string>
        {
            ["projectId"] = $"{p}", ["jobId"] = $"{jobId}", ["runId"] = $"{runs[0].GetProperty("id").GetInt32()}", ["id"] = $"{environmentId}",
            ["userId"] = "1", ["name"] = "DBT_ENV_SECRET_TOKEN", ["accountId"] = "1", ["path"] = "manifest.json", ["documentName"] = "v1", ["index"] = "1",
        };
        foreach (var route in Routes.All(service.Factory.Services).Where(r => r.Method == "GET" && !r.Pattern.EndsWith("/stream", StringComparison.Ordinal)))
        {
            using var response = await admin.GetAsync(route.Fill(ids));
            responses.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.True(responses.Count > 30);
        Assert.DoesNotContain(responses, r => r.Contains(canary, StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Contains("\"has_password\":true", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Contains("\"has_git_token\":true", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Contains("\"has_webhook_secret\":true", StringComparison.Ordinal));
        Assert.DoesNotContain(service.Factory.Log.Lines, l => l.Contains(canary, StringComparison.Ordinal));
        Assert.NotEmpty(service.Factory.Log.Lines);
        // At rest: nothing in the data folder (SQLite database, key ring) holds the plain value.
        foreach (var file in Directory.EnumerateFiles(service.Factory.Options.DataDir, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(Encoding.UTF8.GetString(bytes).Contains(canary, StringComparison.Ordinal), $"{file} holds the canary");
        }
    }
}

public sealed class SqliteSecretTests(SqliteService service) : SecretTests<SqliteService>(service);

public sealed class PostgresSecretTests(PostgresService service) : SecretTests<PostgresService>(service);
