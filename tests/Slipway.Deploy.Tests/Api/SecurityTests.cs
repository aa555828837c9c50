using System.Net;
using System.Net.Http.Json;
using System.Text;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>Authentication on every route, authorization on every object, tokens, throttling, CSRF and secrets.</summary>
public abstract class SecurityTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private void RequireBackend() => Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);

    private static readonly string[] AnonymousRoutes =
    [
        "GET /health", "GET /login", "GET /openapi/{documentName}.json", "GET /signin", "GET /ui/slipway.css", "POST /api/v1/auth/login",
        "POST /api/v1/setup", "POST /login",
    ];

    /// <summary>A project with an environment, a job, a run, a DBT_ variable and a connection; the ids every route needs.</summary>
    private async Task<Dictionary<string, string>> PopulatedProjectAsync(HttpClient admin, int viewerId)
    {
        var project = await service.ProjectAsync(admin);
        var (environmentId, jobId) = await service.EnvironmentWithJobAsync(admin, project.Id, service.Unique("prod_"));
        var run = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs/{jobId}/run", new { cause = "setup" }, HttpStatusCode.Created);
        await Http.SendAsync(admin, HttpMethod.Put, $"/api/v1/projects/{project.Id}/environment-variables/DBT_X", new { project_default = "1" }, HttpStatusCode.NoContent);
        return new Dictionary<string, string>
        {
            ["projectId"] = $"{project.Id}", ["jobId"] = $"{jobId}", ["runId"] = $"{run.GetProperty("id").GetInt32()}",
            ["id"] = $"{project.ConnectionId}", ["environmentId"] = $"{environmentId}", ["userId"] = $"{viewerId}", ["name"] = "DBT_X",
            ["accountId"] = "1", ["path"] = "manifest.json", ["documentName"] = "v1", ["index"] = "1",
        };
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, Routes.Route route, string url) =>
        await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url)
        {
            Content = route.IsWrite ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        });

    [SkippableFact]
    public async Task Every_route_but_sign_in_health_and_api_docs_requires_authentication()
    {
        RequireBackend();
        var routes = Routes.All(service.Factory.Services);
        Assert.Equal(AnonymousRoutes, routes.Where(r => r.Anonymous).Select(r => r.ToString()).Order(StringComparer.Ordinal));
        var ids = new Dictionary<string, string>
        {
            ["projectId"] = "1", ["jobId"] = "1", ["runId"] = "1", ["id"] = "1", ["userId"] = "1", ["name"] = "DBT_X", ["accountId"] = "1",
            ["path"] = "manifest.json", ["documentName"] = "v1", ["index"] = "1",
        };
        var anonymous = service.Factory.CreateClient();
        var badToken = service.Factory.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new("Token", "slw_not-a-token");
        var failures = new List<string>();
        foreach (var route in routes.Where(r => !r.Anonymous))
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("bad token", badToken) })
            {
                var response = await CallAsync(client, route, route.Fill(ids));
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{route} ({who}): {(int)response.StatusCode}");
            }
        Assert.True(routes.Count(r => !r.Anonymous) > 40, "the walk should see every route");
        Assert.Empty(failures);
    }

    [SkippableFact]
    public async Task A_viewer_gets_403_on_other_projects_and_on_every_write()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var a = await service.ProjectAsync(admin);
        var (viewer, viewerId, _) = await service.UserAsync(a.Id, "viewer", "read", "run", "write");
        var own = await PopulatedProjectAsync(admin, viewerId);
        // Make the viewer a viewer of the populated project "own" (A) and nothing of "other" (B).
        await Http.SendAsync(admin, HttpMethod.Put, $"/api/v1/projects/{own["projectId"]}/members/{viewerId}", new { role = "viewer" }, HttpStatusCode.OK);
        var other = await PopulatedProjectAsync(admin, viewerId);
        var routes = Routes.All(service.Factory.Services).Where(r => !r.Anonymous).ToList();
        var failures = new List<string>();
        foreach (var route in routes.Where(r => r.Pattern.Contains("{projectId") || r.Pattern.Contains("{jobId") || r.Pattern.Contains("{runId")))
        {
            var response = await CallAsync(viewer, route, route.Fill(other));
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{route} on another project: {(int)response.StatusCode}");
            if (!route.IsWrite) continue;
            response = await CallAsync(viewer, route, route.Fill(own));
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{route} (write) on own project: {(int)response.StatusCode}");
        }
        foreach (var route in routes.Where(r => r.Pattern is "/api/v1/users" or "/api/v1/audit-log" || r.ToString() == "POST /api/v1/projects"))
        {
            var response = await CallAsync(viewer, route, route.Pattern);
            if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{route} (service admin only): {(int)response.StatusCode}");
        }
        Assert.Empty(failures);

        // Reads of the viewer's own project work, and lists never show the other project.
        await Http.SendAsync(viewer, HttpMethod.Get, $"/api/v1/projects/{own["projectId"]}/runs/{own["runId"]}", null, HttpStatusCode.OK);
        var projects = await Http.SendAsync(viewer, HttpMethod.Get, "/api/v1/projects", null, HttpStatusCode.OK);
        Assert.DoesNotContain(projects.EnumerateArray(), p => $"{p.GetProperty("id").GetInt32()}" == other["projectId"]);
        var runs = await Http.SendAsync(viewer, HttpMethod.Get, "/api/v2/accounts/1/runs/", null, HttpStatusCode.OK);
        Assert.DoesNotContain(runs.GetProperty("data").EnumerateArray(), r => $"{r.GetProperty("project_id").GetInt32()}" == other["projectId"]);
        Assert.Contains(runs.GetProperty("data").EnumerateArray(), r => $"{r.GetProperty("id").GetInt32()}" == own["runId"]);
    }

    [SkippableFact]
    public async Task Job_runners_trigger_and_cancel_but_do_not_edit_and_token_scopes_narrow_roles()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (_, jobId) = await service.EnvironmentWithJobAsync(admin, project.Id, service.Unique("prod_"));
        var (runner, _, _) = await service.UserAsync(project.Id, "job_runner", "run");
        var run = await Http.SendAsync(runner, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs/{jobId}/run", new { cause = "runner" }, HttpStatusCode.Created);
        await Http.SendAsync(runner, HttpMethod.Post, $"/api/v1/projects/{project.Id}/runs/{run.GetProperty("id").GetInt32()}/cancel", null, HttpStatusCode.OK);
        await Http.SendAsync(runner, HttpMethod.Delete, $"/api/v1/projects/{project.Id}/jobs/{jobId}", null, HttpStatusCode.Forbidden);
        // A project admin whose token is read-only cannot trigger or write.
        var (readOnlyAdmin, _, _) = await service.UserAsync(project.Id, "admin", "read");
        await Http.SendAsync(readOnlyAdmin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/jobs/{jobId}", null, HttpStatusCode.OK);
        await Http.SendAsync(readOnlyAdmin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs/{jobId}/run", new { cause = "x" }, HttpStatusCode.Forbidden);
        await Http.SendAsync(readOnlyAdmin, HttpMethod.Delete, $"/api/v1/projects/{project.Id}/jobs/{jobId}", null, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_project_admin_manages_members_of_their_project_only()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var mine = await service.ProjectAsync(admin);
        var theirs = await service.ProjectAsync(admin);
        var (projectAdmin, _, _) = await service.UserAsync(mine.Id, "admin");
        var (_, newcomerId, newcomer) = await service.UserAsync(null, null);
        Assert.Contains("expected admin, developer, job_runner or viewer",
            await Http.RefusedAsync(projectAdmin, HttpMethod.Put, $"/api/v1/projects/{mine.Id}/members/{newcomerId}", new { role = "owner" }));
        await Http.SendAsync(projectAdmin, HttpMethod.Put, $"/api/v1/projects/{mine.Id}/members/{newcomerId}", new { role = "developer" }, HttpStatusCode.OK);
        await Http.SendAsync(projectAdmin, HttpMethod.Put, $"/api/v1/projects/{theirs.Id}/members/{newcomerId}", new { role = "developer" }, HttpStatusCode.Forbidden);
        var members = await Http.SendAsync(projectAdmin, HttpMethod.Get, $"/api/v1/projects/{mine.Id}/members", null, HttpStatusCode.OK);
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("username").GetString() == newcomer && m.GetProperty("role").GetString() == "developer");
        // Project admins are not service administrators.
        await Http.SendAsync(projectAdmin, HttpMethod.Post, "/api/v1/projects", new { name = "x", repository_url = "/x" }, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Tokens_are_shown_once_stored_hashed_and_revocable()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var created = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/tokens", new { name = "ci", scopes = new[] { "read" } }, HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetInt32();
        var listed = await admin.GetStringAsync("/api/v1/tokens");
        Assert.DoesNotContain(token, listed);
        Assert.DoesNotContain(token[4..], listed);
        Assert.Contains("\"prefix\"", listed);

        var client = service.Factory.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Http.SendAsync(client, HttpMethod.Get, "/api/v1/me", null, HttpStatusCode.OK);
        await Http.SendAsync(admin, HttpMethod.Delete, $"/api/v1/tokens/{id}", null, HttpStatusCode.NoContent);
        await Http.SendAsync(client, HttpMethod.Get, "/api/v1/me", null, HttpStatusCode.Unauthorized);
        Assert.Contains(await Http.SendAsync(admin, HttpMethod.Get, "/api/v1/audit-log", null, HttpStatusCode.OK) is var audit ? audit.EnumerateArray() : [],
            e => e.GetProperty("action").GetString() == "token.revoked");
        Assert.Contains("unknown scope 'root'", (await Http.RefusedAsync(admin, HttpMethod.Post, "/api/v1/tokens", new { name = "x", scopes = new[] { "root" } })).ToLowerInvariant());
    }

    [SkippableFact]
    public async Task Repeated_wrong_passwords_lock_the_user_out_for_a_while()
    {
        RequireBackend();
        var (_, _, username) = await service.UserAsync(null, null);
        var client = service.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = "wrong-password-1" })).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = ServiceFixture.UserPassword });
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_sign_in_form_needs_its_antiforgery_token()
    {
        RequireBackend();
        var (_, _, username) = await service.UserAsync(null, null);
        var client = service.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/login");
        var field = System.Text.RegularExpressions.Regex.Match(form, "name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"");
        Assert.True(field.Success, form);
        var withoutToken = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = ServiceFixture.UserPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var withToken = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = ServiceFixture.UserPassword, [field.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(field.Groups["value"].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}

public sealed class SqliteSecurityTests(SqliteService service) : SecurityTests<SqliteService>(service);

public sealed class PostgresSecurityTests(PostgresService service) : SecurityTests<PostgresService>(service);
