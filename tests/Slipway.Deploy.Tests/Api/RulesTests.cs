using System.Net;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>Every rule of the model, refused (422 with a clear message) and accepted, on each metadata backend.</summary>
public abstract class RulesTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private void RequireBackend() => Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);

    private string Environments(int projectId) => $"/api/v1/projects/{projectId}/environments";

    [SkippableFact]
    public async Task Deployment_schema_must_differ_from_every_development_schema()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (developer, _, username) = await service.UserAsync(project.Id, "developer");
        // The developer's schema defaults to dbt_<username>.
        var credential = await Http.SendAsync(developer, HttpMethod.Put, $"/api/v1/projects/{project.Id}/development-credentials/me",
            new { warehouse_user = "dev_" + username, password = "pw" }, HttpStatusCode.OK);
        Assert.Equal($"dbt_{username}", credential.GetProperty("schema").GetString());

        var message = await Http.RefusedAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { name = "Production", type = "deployment", deployment_type = "production", credentials = new { user = "svc", schema = $"DBT_{username.ToUpperInvariant()}" } });
        Assert.Contains($"development schema of user '{username}'", message);

        await Http.SendAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { name = "Production", type = "deployment", deployment_type = "production", credentials = new { user = "svc", schema = "analytics" } },
            HttpStatusCode.Created);
    }

    [SkippableFact]
    public async Task A_developer_cannot_take_a_deployment_schema()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        await Http.SendAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { name = "Production", type = "deployment", deployment_type = "production", credentials = new { user = "svc", schema = "analytics" } },
            HttpStatusCode.Created);
        var (developer, _, _) = await service.UserAsync(project.Id, "developer");
        var url = $"/api/v1/projects/{project.Id}/development-credentials/me";
        var message = await Http.RefusedAsync(developer, HttpMethod.Put, url, new { warehouse_user = "me", schema = "analytics" });
        Assert.Contains("production deployment environment 'Production'", message);
        var account = await Http.RefusedAsync(developer, HttpMethod.Put, url, new { warehouse_user = "SVC", schema = "dbt_me" });
        Assert.Contains("deployment account of environment 'Production'", account);
        await Http.SendAsync(developer, HttpMethod.Put, url, new { warehouse_user = "me", schema = "dbt_me" }, HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Deployment_credentials_that_are_a_developers_own_are_refused_unless_acknowledged_and_audited()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (developer, _, username) = await service.UserAsync(project.Id, "developer");
        await Http.SendAsync(developer, HttpMethod.Put, $"/api/v1/projects/{project.Id}/development-credentials/me",
            new { warehouse_user = "jsmith", password = "pw" }, HttpStatusCode.OK);
        var body = new { name = "Staging", type = "deployment", deployment_type = "staging", credentials = new { user = "JSMITH", schema = "staging" } };
        var message = await Http.RefusedAsync(admin, HttpMethod.Post, Environments(project.Id), body);
        Assert.Contains($"developer '{username}'", message);
        Assert.Contains("acknowledge_shared_credentials", message);

        await Http.SendAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { body.name, body.type, body.deployment_type, body.credentials, acknowledge_shared_credentials = true }, HttpStatusCode.Created);
        var audit = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/audit-log", null, HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "credentials.shared_acknowledged"
            && a.GetProperty("detail").GetString()!.Contains(username));
    }

    [SkippableFact]
    public async Task Job_commands_must_parse_as_dbt_commands()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (environmentId, _) = await service.EnvironmentWithJobAsync(admin, project.Id, "prod_a");
        var url = $"/api/v1/projects/{project.Id}/jobs";
        var unknownCommand = await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "j", environment_id = environmentId, commands = new[] { "dbt runn" } });
        Assert.Contains("dbt runn", unknownCommand);
        var badFlag = await Http.RefusedAsync(admin, HttpMethod.Post, url,
            new { name = "j", environment_id = environmentId, commands = new[] { "dbt run", "dbt test --selectt x" } });
        Assert.Contains("--selectt", badFlag);
        var serve = await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "j", environment_id = environmentId, commands = new[] { "dbt docs serve" } });
        Assert.Contains("cannot be a job step", serve);
        var empty = await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "j", environment_id = environmentId, commands = Array.Empty<string>() });
        Assert.Contains("at least one command", empty);

        var job = await Http.SendAsync(admin, HttpMethod.Post, url,
            new { name = "j", environment_id = environmentId, commands = new[] { "dbt run --select tag:x", "slipway test --exclude 'tag:slow'", "source freshness" } },
            HttpStatusCode.Created);
        Assert.Equal("dbt run --select tag:x", job.GetProperty("commands")[0].GetString());
    }

    [SkippableFact]
    public async Task Cron_and_time_zone_must_be_valid()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (environmentId, _) = await service.EnvironmentWithJobAsync(admin, project.Id, "prod_b");
        var url = $"/api/v1/projects/{project.Id}/jobs";
        object Job(string cron, string? tz) => new
        {
            name = service.Unique("cron"), environment_id = environmentId, commands = new[] { "dbt build" },
            triggers = new { schedule = new { cron, timezone = tz } },
        };
        Assert.Contains("minute value '61'", await Http.RefusedAsync(admin, HttpMethod.Post, url, Job("61 * * * *", null)));
        Assert.Contains("expected 5", await Http.RefusedAsync(admin, HttpMethod.Post, url, Job("0 3 * *", null)));
        Assert.Contains("day-of-week value 'FUNDAY'", await Http.RefusedAsync(admin, HttpMethod.Post, url, Job("0 3 * * FUNDAY", null)));
        Assert.Contains("'Mars/Olympus' is not a known IANA time zone", await Http.RefusedAsync(admin, HttpMethod.Post, url, Job("0 3 * * *", "Mars/Olympus")));
        Assert.Contains("not an IANA time zone name", await Http.RefusedAsync(admin, HttpMethod.Post, url, Job("0 3 * * *", "CET+1")));

        var job = await Http.SendAsync(admin, HttpMethod.Post, url, Job("*/15 6-18 * JAN-MAR MON-FRI", "Europe/Paris"), HttpStatusCode.Created);
        Assert.Equal("Europe/Paris", job.GetProperty("triggers").GetProperty("schedule").GetProperty("timezone").GetString());
        var utc = await Http.SendAsync(admin, HttpMethod.Post, url, Job("0 3 * * 0", null), HttpStatusCode.Created);
        Assert.Equal("UTC", utc.GetProperty("triggers").GetProperty("schedule").GetProperty("timezone").GetString());
    }

    [SkippableFact]
    public async Task A_custom_branch_must_exist_in_the_repository()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var message = await Http.RefusedAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { name = "Staging", type = "deployment", deployment_type = "staging", custom_branch = "release", credentials = new { schema = "stg" } });
        Assert.Contains("branch 'release' does not exist", message);
        Assert.Contains("feature/x", message);
        var environment = await Http.SendAsync(admin, HttpMethod.Post, Environments(project.Id),
            new { name = "Staging", type = "deployment", deployment_type = "staging", custom_branch = "develop", credentials = new { schema = "stg" } },
            HttpStatusCode.Created);
        Assert.Equal("develop", environment.GetProperty("custom_branch").GetString());
    }

    [SkippableFact]
    public async Task One_development_environment_and_at_most_one_staging_and_one_production()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var url = Environments(project.Id);
        await Http.SendAsync(admin, HttpMethod.Post, url, new { name = "Development", type = "development" }, HttpStatusCode.Created);
        Assert.Contains("only one", await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "Dev 2", type = "development" }));
        foreach (var kind in new[] { "production", "staging" })
        {
            await Http.SendAsync(admin, HttpMethod.Post, url, new { name = kind + " 1", type = "deployment", deployment_type = kind, credentials = new { schema = kind + "_1" } }, HttpStatusCode.Created);
            Assert.Contains($"already has a {kind} environment", await Http.RefusedAsync(admin, HttpMethod.Post, url,
                new { name = kind + " 2", type = "deployment", deployment_type = kind, credentials = new { schema = kind + "_2" } }));
        }
        await Http.SendAsync(admin, HttpMethod.Post, url, new { name = "General 1", type = "deployment", deployment_type = "general", credentials = new { schema = "g1" } }, HttpStatusCode.Created);
        await Http.SendAsync(admin, HttpMethod.Post, url, new { name = "General 2", type = "deployment", deployment_type = "general", credentials = new { schema = "g2" } }, HttpStatusCode.Created);
        Assert.Contains("expected general, staging or production", await Http.RefusedAsync(admin, HttpMethod.Post, url,
            new { name = "X", type = "deployment", deployment_type = "qa", credentials = new { schema = "x" } }));
        Assert.Contains("needs the schema", await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "Y", type = "deployment", deployment_type = "general" }));
    }

    [SkippableFact]
    public async Task Jobs_run_only_in_deployment_environments()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var development = await Http.SendAsync(admin, HttpMethod.Post, Environments(project.Id), new { name = "Development", type = "development" }, HttpStatusCode.Created);
        var message = await Http.RefusedAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs",
            new { name = "j", environment_id = development.GetProperty("id").GetInt32(), commands = new[] { "dbt build" } });
        Assert.Contains("development environment", message);
    }

    [SkippableFact]
    public async Task Environment_variables_need_DBT_names_and_secret_values_are_masked()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (environmentId, jobId) = await service.EnvironmentWithJobAsync(admin, project.Id, "prod_vars");
        var url = $"/api/v1/projects/{project.Id}/environment-variables";
        Assert.Contains("must start with DBT_", await Http.RefusedAsync(admin, HttpMethod.Put, url + "/MY_VAR", new { project_default = "x" }));
        await Http.SendAsync(admin, HttpMethod.Put, url + "/DBT_REGION",
            new { project_default = "eu", environments = new Dictionary<string, string> { [$"{environmentId}"] = "us" } }, HttpStatusCode.NoContent);
        await Http.SendAsync(admin, HttpMethod.Put, url + "/DBT_ENV_SECRET_KEY",
            new { project_default = "secret-default", jobs = new Dictionary<string, string> { [$"{jobId}"] = "secret-job" } }, HttpStatusCode.NoContent);
        var list = await Http.SendAsync(admin, HttpMethod.Get, url, null, HttpStatusCode.OK);
        var region = list.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "DBT_REGION");
        Assert.Equal("eu", region.GetProperty("project_default").GetString());
        Assert.Equal("us", region.GetProperty("environments").GetProperty($"{environmentId}").GetString());
        var secret = list.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "DBT_ENV_SECRET_KEY");
        Assert.Equal("*****", secret.GetProperty("project_default").GetString());
        Assert.Equal("*****", secret.GetProperty("jobs").GetProperty($"{jobId}").GetString());
    }

    [SkippableFact]
    public async Task Connections_need_their_warehouse_settings()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var url = $"/api/v1/projects/{project.Id}/connections";
        Assert.Contains("expected duckdb or postgres", await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "w", type = "snowflake" }));
        Assert.Contains("needs a host", await Http.RefusedAsync(admin, HttpMethod.Post, url, new { name = "w", type = "postgres", database = "db" }));
        var pg = await Http.SendAsync(admin, HttpMethod.Post, url, new { name = "pg", type = "postgres", host = "db.internal", database = "analytics" }, HttpStatusCode.Created);
        Assert.Equal(5432, pg.GetProperty("port").GetInt32());
    }
}

public sealed class SqliteRulesTests(SqliteService service) : RulesTests<SqliteService>(service);

public sealed class PostgresRulesTests(PostgresService service) : RulesTests<PostgresService>(service);
