using System.Net;
using System.Net.Http.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>Deactivating users (sessions, tokens and sign-ins refused; undone by reactivating) and editing webhooks.</summary>
public abstract class UserAdministrationTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private void RequireBackend() => Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);

    private async Task<HttpClient> SessionAsync(string username)
    {
        var session = service.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsJsonAsync("/api/v1/auth/login", new { username, password = ServiceFixture.UserPassword })).StatusCode);
        return session;
    }

    [SkippableFact]
    public async Task A_deactivated_user_loses_session_token_and_sign_in_until_reactivated()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var (token, userId, username) = await service.UserAsync(null, null, "read");
        var session = await SessionAsync(username);

        var changed = await Http.SendAsync(admin, HttpMethod.Patch, $"/api/v1/users/{userId}", new { is_active = false }, HttpStatusCode.OK);
        Assert.False(changed.GetProperty("is_active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/me")).StatusCode);
        var refused = await service.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username, password = ServiceFixture.UserPassword });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This user is deactivated", await refused.Content.ReadAsStringAsync());
        // Five wrong passwords would lock an active user for minutes; they must not turn the endless lock into that.
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username, password = "wrong" })).StatusCode);
        var users = await Http.SendAsync(admin, HttpMethod.Get, "/api/v1/users", null, HttpStatusCode.OK);
        Assert.False(users.EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == userId).GetProperty("is_active").GetBoolean());

        await Http.SendAsync(admin, HttpMethod.Patch, $"/api/v1/users/{userId}", new { is_active = true }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);
        await SessionAsync(username);
    }

    [SkippableFact]
    public async Task Only_an_administrator_deactivates_and_never_themself()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var me = await Http.SendAsync(admin, HttpMethod.Get, "/api/v1/me", null, HttpStatusCode.OK);
        var message = await Http.RefusedAsync(admin, HttpMethod.Patch, $"/api/v1/users/{me.GetProperty("id").GetInt32()}", new { is_active = false });
        Assert.Equal("You cannot deactivate yourself; another administrator can.", message);
        var (user, _, _) = await service.UserAsync(null, null, "read", "run", "write");
        var (_, otherId, _) = await service.UserAsync(null, null, "read");
        await Http.SendAsync(user, HttpMethod.Patch, $"/api/v1/users/{otherId}", new { is_active = false }, HttpStatusCode.Forbidden);
        await Http.SendAsync(admin, HttpMethod.Patch, "/api/v1/users/999999", new { is_active = false }, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_webhook_is_edited_checked_like_a_new_one_and_its_deletion_is_audited()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var other = await service.ProjectAsync(admin);
        var (_, otherJob) = await service.EnvironmentWithJobAsync(admin, other.Id, service.Unique("prod_"));
        var created = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/webhooks",
            new { name = "ops", url = "http://127.0.0.1:9/hook" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var url = $"/api/v1/projects/{project.Id}/webhooks/{id}";

        var edited = await Http.SendAsync(admin, HttpMethod.Put, url,
            new { name = "ops-start", url = "https://hooks.example.com/x", event_types = new[] { "job.run.started" }, active = false }, HttpStatusCode.OK);
        Assert.Equal(("ops-start", "https://hooks.example.com/x", false), (edited.GetProperty("name").GetString(), edited.GetProperty("url").GetString(), edited.GetProperty("active").GetBoolean()));
        Assert.Equal(["job.run.started"], edited.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Null(edited.GetProperty("hmac_secret").GetString());
        var listed = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/webhooks", null, HttpStatusCode.OK);
        Assert.Equal("ops-start", listed.EnumerateArray().Single(h => h.GetProperty("id").GetInt32() == id).GetProperty("name").GetString());

        Assert.Equal("The event 'job.run.paused' is not known; expected one of job.run.started, job.run.completed, job.run.errored.",
            await Http.RefusedAsync(admin, HttpMethod.Put, url, new { name = "x", url = "https://a.example/", event_types = new[] { "job.run.paused" } }));
        Assert.Equal($"Job {otherJob} is not a job of project {project.Id}.",
            await Http.RefusedAsync(admin, HttpMethod.Put, url, new { name = "x", url = "https://a.example/", job_ids = new[] { otherJob } }));
        Assert.Equal("The url 'ftp://a.example/' is not an absolute http or https URL.",
            await Http.RefusedAsync(admin, HttpMethod.Put, url, new { name = "x", url = "ftp://a.example/" }));

        await Http.SendAsync(admin, HttpMethod.Delete, url, null, HttpStatusCode.NoContent);
        await Http.SendAsync(admin, HttpMethod.Put, url, new { name = "x", url = "https://a.example/" }, HttpStatusCode.NotFound);
        var audit = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/audit-log", null, HttpStatusCode.OK);
        Assert.Equal(["webhook.deleted", "webhook.updated", "webhook.created"],
            audit.EnumerateArray().Where(a => a.GetProperty("target").GetString() == $"webhook {id}").Select(a => a.GetProperty("action").GetString()!).ToArray());
    }
}

public sealed class SqliteUserAdministrationTests(SqliteService service) : UserAdministrationTests<SqliteService>(service);

public sealed class PostgresUserAdministrationTests(PostgresService service) : UserAdministrationTests<PostgresService>(service);
