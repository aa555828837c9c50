using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Slipway.Deploy.Data;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Secrets;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>First start, restarts on an existing database, health and the OpenAPI document (SQLite; one service per test).</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Without_an_admin_password_the_first_start_prints_a_one_time_setup_token()
    {
        using var factory = new DeployFactory(null, null);
        var client = factory.CreateClient();
        var printed = factory.SetupOutput.ToString();
        var token = System.Text.RegularExpressions.Regex.Match(printed, @"setup token: (\S+)").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(factory.Log.Lines, l => l.Contains(token, StringComparison.Ordinal));
        var body = new { setup_token = "wrong", username = "owner", password = "0wner-Passw0rd!" };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/setup", body)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await client.PostAsJsonAsync("/api/v1/setup", body with { setup_token = token, password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/setup", body with { setup_token = token })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/setup", body with { setup_token = token, username = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "owner", password = "0wner-Passw0rd!" })).StatusCode);
        var me = await Http.SendAsync(client, HttpMethod.Get, "/api/v1/me", null, HttpStatusCode.OK);
        Assert.True(me.GetProperty("is_admin").GetBoolean());
    }

    [Fact]
    public async Task A_weak_admin_password_is_refused_at_start()
    {
        using var factory = new DeployFactory(null, "password");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("at least 12 characters", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_restart_on_the_same_data_folder_keeps_the_data_and_the_schema_version()
    {
        string dataDir;
        int projectId;
        using (var first = new DeployFactory(null, ServiceFixture.AdminPassword))
        {
            dataDir = first.Options.DataDir;
            var admin = first.CreateClient();
            await admin.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = ServiceFixture.AdminPassword });
            var project = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/projects", new { name = "kept", repository_url = "/repo", git_token = "t0ken" }, HttpStatusCode.Created);
            projectId = project.GetProperty("id").GetInt32();
            // Keep the folder: copy it before the factory deletes its own.
            CopyFolder(dataDir, dataDir + "-copy");
        }
        using var second = new DeployFactory(null, ServiceFixture.AdminPassword);
        CopyFolder(dataDir + "-copy", second.Options.DataDir);
        Directory.Delete(dataDir + "-copy", true);
        var client = second.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = ServiceFixture.AdminPassword });
        var fetched = await Http.SendAsync(client, HttpMethod.Get, $"/api/v1/projects/{projectId}", null, HttpStatusCode.OK);
        Assert.Equal("kept", fetched.GetProperty("name").GetString());
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        Assert.Equal(Enumerable.Range(1, DatabaseSchema.Current), db.SchemaVersions.OrderBy(v => v.Version).Select(v => v.Version).ToList());
        // The key ring came along, so the stored secret still decrypts.
        var secrets = scope.ServiceProvider.GetRequiredService<SecretBox>();
        Assert.Equal("t0ken", secrets.Unprotect(db.Projects.Single(p => p.Id == projectId).GitTokenSecret));
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_answer_without_signing_in()
    {
        using var factory = new DeployFactory(null, ServiceFixture.AdminPassword);
        var client = factory.CreateClient();
        Assert.Equal("""{"status":"ok"}""", await client.GetStringAsync("/health"));
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v2/accounts/{accountId}/jobs/{jobId}/run", document);
        Assert.Contains("/api/v1/projects/{projectId}/environments", document);
    }

    [Fact]
    public async Task Environment_variables_resolve_project_default_then_environment_then_job_then_run()
    {
        using var factory = new DeployFactory(null, ServiceFixture.AdminPassword);
        factory.CreateClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<SecretBox>();
        db.EnvironmentVariables.AddRange(
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_A", Value = "project" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_A", EnvironmentId = 2, Value = "environment" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_A", EnvironmentId = 3, Value = "other environment" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_B", Value = "project" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_B", EnvironmentId = 2, Value = "environment" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_B", JobId = 7, Value = "job" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_C", JobId = 7, Value = "job" },
            new EnvironmentVariable { ProjectId = 1, Name = "DBT_ENV_SECRET_D", SecretValue = secrets.Protect("s3cret") });
        await db.SaveChangesAsync();
        var resolved = await EnvironmentVariableEndpoints.ResolveAsync(db, secrets, 1, 2, 7, new Dictionary<string, string> { ["DBT_C"] = "run" }, default);
        Assert.Equal("environment", resolved["DBT_A"]);
        Assert.Equal("job", resolved["DBT_B"]);
        Assert.Equal("run", resolved["DBT_C"]);
        Assert.Equal("s3cret", resolved["DBT_ENV_SECRET_D"]);
    }

    private static void CopyFolder(string from, string to)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
