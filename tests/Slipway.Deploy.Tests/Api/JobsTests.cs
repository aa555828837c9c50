using System.Net;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>Jobs, "run now", cancelling, jobs defined as code in slipway_jobs.yml, and the audit trail they leave.</summary>
public abstract class JobsTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private void RequireBackend() => Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);

    [SkippableFact]
    public async Task Run_now_queues_a_run_on_the_environments_branch_and_cancel_stops_it_once()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var environment = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/environments",
            new { name = "Staging", type = "deployment", deployment_type = "staging", custom_branch = "develop", credentials = new { schema = "staging" } },
            HttpStatusCode.Created);
        var job = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs",
            new
            {
                name = "hourly", environment_id = environment.GetProperty("id").GetInt32(), commands = new[] { "dbt seed", "dbt build --select tag:hourly" },
                run_source_freshness = true, generate_docs = true, threads_override = 4, timeout_seconds = 900, requeue_on_worker_loss = true,
                triggers = new { schedule = new { cron = "0 * * * *", timezone = "America/New_York" }, on_commit = true },
                notifications = new { on_failure = new[] { "data-team@example.com" } },
            }, HttpStatusCode.Created);
        var jobId = job.GetProperty("id").GetInt32();
        var run = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs/{jobId}/run", new { cause = "Run now" }, HttpStatusCode.Created);
        Assert.Equal(1, run.GetProperty("status").GetInt32());
        Assert.Equal("develop", run.GetProperty("git_branch").GetString());
        Assert.Equal("manual", run.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal("admin", run.GetProperty("trigger").GetProperty("triggered_by").GetString());
        var runUrl = $"/api/v1/projects/{project.Id}/runs/{run.GetProperty("id").GetInt32()}";
        var cancelled = await Http.SendAsync(admin, HttpMethod.Post, runUrl + "/cancel", null, HttpStatusCode.OK);
        Assert.Equal(30, cancelled.GetProperty("status").GetInt32());
        Assert.Contains("already finished (Cancelled)", await Http.RefusedAsync(admin, HttpMethod.Post, runUrl + "/cancel", new { }));
        var fetched = await Http.SendAsync(admin, HttpMethod.Get, runUrl, null, HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, fetched.GetProperty("finished_at").ValueKind);
        Assert.Equal(0, fetched.GetProperty("steps").GetArrayLength());

        var audit = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/audit-log", null, HttpStatusCode.OK);
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("run.triggered", actions);
        Assert.Contains("run.cancelled", actions);
        Assert.Contains("job.created", actions);
        Assert.Contains("environment.created", actions);
    }

    [SkippableFact]
    public async Task After_job_triggers_name_another_job_of_the_project_and_end_statuses()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (environmentId, firstJob) = await service.EnvironmentWithJobAsync(admin, project.Id, service.Unique("prod_"));
        var url = $"/api/v1/projects/{project.Id}/jobs";
        object After(int jobId, int[] statuses) => new
        {
            name = service.Unique("after"), environment_id = environmentId, commands = new[] { "dbt test" },
            triggers = new { after_job = new { job_id = jobId, statuses } },
        };
        Assert.Contains("not a job of this project", await Http.RefusedAsync(admin, HttpMethod.Post, url, After(999999, [10])));
        Assert.Contains("The status 3 cannot end a run", await Http.RefusedAsync(admin, HttpMethod.Post, url, After(firstJob, [3])));
        var job = await Http.SendAsync(admin, HttpMethod.Post, url, After(firstJob, [10, 20]), HttpStatusCode.Created);
        Assert.Equal(firstJob, job.GetProperty("triggers").GetProperty("after_job").GetProperty("job_id").GetInt32());
    }

    [SkippableFact]
    public async Task Jobs_defined_in_slipway_jobs_yml_are_synchronised_and_edited_only_through_the_file()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/environments",
            new { name = "Production", type = "deployment", deployment_type = "production", credentials = new { schema = "analytics" } }, HttpStatusCode.Created);
        var sync = $"/api/v1/projects/{project.Id}/jobs/sync";
        Assert.Contains("has no slipway_jobs.yml", await Http.RefusedAsync(admin, HttpMethod.Post, sync, new { }));

        project.Repository.CommitFile("slipway_jobs.yml", """
            jobs:
              - name: nightly
                environment: Production
                commands: ["dbt build"]
                run_source_freshness: true
                triggers:
                  schedule: {cron: "0 3 * * *", timezone: Europe/Paris}
              - name: docs
                environment: Production
                commands: ["dbt docs generate"]
                triggers:
                  after_job: {job: nightly, statuses: [10]}
            """);
        var result = await Http.SendAsync(admin, HttpMethod.Post, sync, null, HttpStatusCode.OK);
        Assert.Equal(["nightly", "docs"], result.GetProperty("created").EnumerateArray().Select(e => e.GetString()));
        var jobs = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{project.Id}/jobs", null, HttpStatusCode.OK);
        var nightly = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "nightly");
        var docs = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "docs");
        Assert.True(nightly.GetProperty("defined_in_code").GetBoolean());
        Assert.Equal("Europe/Paris", nightly.GetProperty("triggers").GetProperty("schedule").GetProperty("timezone").GetString());
        Assert.Equal(nightly.GetProperty("id").GetInt32(), docs.GetProperty("triggers").GetProperty("after_job").GetProperty("job_id").GetInt32());
        Assert.Contains("defined in slipway_jobs.yml", await Http.RefusedAsync(admin, HttpMethod.Put, $"/api/v1/projects/{project.Id}/jobs/{nightly.GetProperty("id").GetInt32()}",
            new { name = "nightly", environment_id = nightly.GetProperty("environment_id").GetInt32(), commands = new[] { "dbt run" } }));

        project.Repository.CommitFile("slipway_jobs.yml", """
            jobs:
              - name: nightly
                environment: Production
                commands: ["dbt build"]
                triggers:
                  schedule: {cron: "0 25 * * *"}
            """);
        var invalid = await Http.RefusedAsync(admin, HttpMethod.Post, sync, new { });
        Assert.Contains("hour value '25'", invalid);

        project.Repository.CommitFile("slipway_jobs.yml", """
            jobs:
              - name: nightly
                environment: Production
                commands: ["dbt build --select tag:nightly"]
            """);
        result = await Http.SendAsync(admin, HttpMethod.Post, sync, null, HttpStatusCode.OK);
        Assert.Equal(["docs"], result.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["nightly"], result.GetProperty("updated").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task Developers_queue_development_runs_on_a_branch_they_pick_with_their_own_credentials()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (developer, developerId, _) = await service.UserAsync(project.Id, "developer");
        var url = $"/api/v1/projects/{project.Id}/development-runs";
        var body = new { branch = "feature/x", commands = new[] { "dbt build --select state:modified+" } };
        Assert.Contains("development credentials", await Http.RefusedAsync(developer, HttpMethod.Post, url, body));
        await Http.SendAsync(developer, HttpMethod.Put, $"/api/v1/projects/{project.Id}/development-credentials/me", new { warehouse_user = "me" }, HttpStatusCode.OK);
        Assert.Contains("no development environment", await Http.RefusedAsync(developer, HttpMethod.Post, url, body));
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/environments", new { name = "Development", type = "development" }, HttpStatusCode.Created);
        Assert.Contains("branch 'feature/y' does not exist", await Http.RefusedAsync(developer, HttpMethod.Post, url, body with { branch = "feature/y" }));
        Assert.Contains("dbt biuld", await Http.RefusedAsync(developer, HttpMethod.Post, url, body with { commands = new[] { "dbt biuld" } }));

        var run = await Http.SendAsync(developer, HttpMethod.Post, url, body, HttpStatusCode.Created);
        Assert.Equal("feature/x", run.GetProperty("git_branch").GetString());
        Assert.Equal("development", run.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal(developerId, run.GetProperty("developer_user_id").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.GetProperty("job_id").ValueKind);
        Assert.Equal(1, run.GetProperty("status").GetInt32());
    }

    [SkippableFact]
    public async Task Test_connection_lists_the_repositorys_branches()
    {
        RequireBackend();
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var result = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/test-connection", null, HttpStatusCode.OK);
        Assert.Equal(["develop", "feature/x", "main"], result.GetProperty("branches").EnumerateArray().Select(b => b.GetString()));
        Assert.True(result.GetProperty("default_branch_exists").GetBoolean());
        var missing = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/projects",
            new { name = service.Unique("missing"), repository_url = "/nonexistent/repository" }, HttpStatusCode.Created);
        var message = await Http.RefusedAsync(admin, HttpMethod.Post, $"/api/v1/projects/{missing.GetProperty("id").GetInt32()}/test-connection", new { });
        Assert.Contains("/nonexistent/repository", message);
    }
}

public sealed class SqliteJobsTests(SqliteService service) : JobsTests<SqliteService>(service);

public sealed class PostgresJobsTests(PostgresService service) : JobsTests<PostgresService>(service);
