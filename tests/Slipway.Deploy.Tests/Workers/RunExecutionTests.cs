using System.Net;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>Runs executed for real: a git checkout, a profile, `slipway` child processes on DuckDB, artifacts and logs.</summary>
public sealed class RunExecutionTests(WorkerService workers) : IClassFixture<WorkerService>
{
    private static readonly (string, string)[] GoodProject =
    [
        ("models/orders.sql", "select 1 as id union all select 2 as id\n"),
        ("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [not_null, unique]\n"),
    ];

    private static string[] StepStatuses(JsonElement run) =>
        run.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("command").GetString()}={s.GetProperty("status_humanized").GetString()}").ToArray();

    [Fact]
    public async Task Run_now_completes_with_its_steps_artifacts_and_logs()
    {
        var (admin, projectId, environmentId, warehouse, repository) = await workers.ProjectAsync(GoodProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run", "dbt test" } });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);

        var run = await WorkerService.WaitAsync(admin, projectId, runId);

        Assert.True(run.GetProperty("status").GetInt32() == 10, run.ToString());
        Assert.Equal(["slipway run=Success", "slipway test=Success"], StepStatuses(run));
        Assert.All(run.GetProperty("steps").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("exit_code").GetInt32()));
        using (var repo = new LibGit2Sharp.Repository(repository.Path))
            Assert.Equal(repo.Branches["main"].Tip.Sha, run.GetProperty("git_sha").GetString());
        var first = run.GetProperty("steps")[0];
        Assert.Contains("manifest.json", first.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("run_results.json", first.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()));
        // The model really was built in the environment's DuckDB file and schema.
        using (var duck = new DuckDB.NET.Data.DuckDBConnection($"Data Source={warehouse};ACCESS_MODE=READ_ONLY"))
        {
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = "select count(*) from analytics.orders";
            Assert.Equal(2L, Convert.ToInt64(command.ExecuteScalar()));
        }
        // Artifacts through v1 and the dbt Cloud v2 route; run_results.json of the last step holds the two tests.
        var results = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}/artifacts/run_results.json", null, HttpStatusCode.OK);
        Assert.Equal(2, results.GetProperty("results").GetArrayLength());
        var v2 = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v2/accounts/1/runs/{runId}/artifacts/manifest.json", null, HttpStatusCode.OK);
        Assert.True(v2.GetProperty("nodes").TryGetProperty("model.demo.orders", out _));
        // The paged log API: the first line is the command, and tail returns the last line (dbt's summary).
        var page = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}/steps/1/logs?offset=0&limit=1", null, HttpStatusCode.OK);
        Assert.Equal("$ slipway run", page.GetProperty("lines")[0].GetString());
        Assert.True(page.GetProperty("more").GetBoolean());
        var tail = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}/steps/2/logs?tail=1", null, HttpStatusCode.OK);
        Assert.Contains("PASS=2", tail.GetProperty("lines")[0].GetString());
    }

    [Fact]
    public async Task A_failing_test_step_marks_the_run_Error_and_skips_the_later_steps()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(
            ("models/orders.sql", "select null as id\n"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [not_null]\n"));
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run", "dbt test", "dbt run" }, generate_docs = true });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);

        var run = await WorkerService.WaitAsync(admin, projectId, runId);

        Assert.Equal(20, run.GetProperty("status").GetInt32());
        Assert.Equal(["slipway run=Success", "slipway test=Error", "slipway run=Cancelled", "slipway docs generate=Cancelled"], StepStatuses(run));
        Assert.Equal(1, run.GetProperty("steps")[1].GetProperty("exit_code").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("steps")[2].GetProperty("exit_code").ValueKind);
        Assert.Contains("Step 2 (test)", run.GetProperty("status_message").GetString());
    }

    [Fact]
    public async Task Freshness_runs_first_and_docs_last_and_neither_fails_the_run()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(GoodProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run" }, run_source_freshness = true, generate_docs = true });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);

        var run = await WorkerService.WaitAsync(admin, projectId, runId);

        Assert.True(run.GetProperty("status").GetInt32() == 10, run.ToString());
        Assert.Equal(["slipway source freshness", "slipway run", "slipway docs generate"],
            run.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("command").GetString()!).ToArray());
    }

    [Fact]
    public async Task Secret_values_are_masked_in_stored_logs()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(GoodProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run" } });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId, new
        {
            cause = "secret", environment_variables = new Dictionary<string, string> { ["DBT_ENV_SECRET_TOKEN"] = "hunter2-canary" },
            steps_override = new[] { "dbt run --select hunter2-canary" },
        });

        var run = await WorkerService.WaitAsync(admin, projectId, runId);

        var page = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}/steps/1/logs", null, HttpStatusCode.OK);
        var text = string.Join('\n', page.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("$ slipway run --select *****", text);
        Assert.DoesNotContain("hunter2-canary", text);
        Assert.DoesNotContain("hunter2-canary", run.GetProperty("steps")[0].GetProperty("log").GetString());
    }

    [Fact]
    public async Task Log_lines_stream_as_server_sent_events_until_the_run_ends()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(GoodProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run", "dbt test" } });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);

        // Opened while the run is queued: the stream follows it to its end.
        using var response = await admin.GetAsync($"/api/v1/projects/{projectId}/runs/{runId}/logs/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("event: end", events[^1]);
        static JsonElement Data(string e) => JsonDocument.Parse(e[(e.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement;
        var lines = events.Where(e => e.StartsWith("event: line", StringComparison.Ordinal)).Select(Data).ToList();
        // Status changes come as their own events, the run's final status before the end.
        var statuses = events.Where(e => e.StartsWith("event: status", StringComparison.Ordinal)).Select(Data).ToList();
        Assert.Equal((10, "Success"), (statuses[^1].GetProperty("status").GetInt32(), statuses[^1].GetProperty("status_humanized").GetString()));
        Assert.Equal([10, 10], statuses[^1].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetInt32()).ToArray());
        Assert.Contains(statuses, s => s.GetProperty("steps").EnumerateArray().Any(x => x.GetProperty("status").GetInt32() == 3));
        Assert.Equal("$ slipway run", lines[0].GetProperty("text").GetString());
        Assert.Equal([1, 2], lines.Select(l => l.GetProperty("step").GetInt32()).Distinct().ToArray());
        Assert.Contains(lines, l => l.GetProperty("step").GetInt32() == 2 && l.GetProperty("text").GetString()!.Contains("PASS=2", StringComparison.Ordinal));
        // Numbered without gaps per step, the same lines the paged API returns.
        var page = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{runId}/steps/2/logs", null, HttpStatusCode.OK);
        Assert.Equal(page.GetProperty("lines").EnumerateArray().Select(l => l.GetString()).ToArray(),
            lines.Where(l => l.GetProperty("step").GetInt32() == 2).Select(l => l.GetProperty("text").GetString()).ToArray());
    }

    [Fact]
    public async Task A_development_run_uses_the_developers_credentials_and_schema_through_the_same_worker_path()
    {
        var (admin, projectId, _, warehouse, _) = await workers.ProjectAsync(GoodProject);
        var connectionId = (await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/connections", null, HttpStatusCode.OK))[0].GetProperty("id").GetInt32();
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/environments",
            new { name = "Development", type = "development", connection_id = connectionId, duckdb_path_override = warehouse }, HttpStatusCode.Created);
        var (developer, _, _) = await workers.Service.UserAsync(projectId, "developer");
        await Http.SendAsync(developer, HttpMethod.Put, $"/api/v1/projects/{projectId}/development-credentials/me", new { warehouse_user = "me", schema = "dbt_dev" }, HttpStatusCode.OK);
        var created = await Http.SendAsync(developer, HttpMethod.Post, $"/api/v1/projects/{projectId}/development-runs",
            new { branch = "main", commands = new[] { "dbt run --select orders" } }, HttpStatusCode.Created);

        var run = await WorkerService.WaitAsync(developer, projectId, created.GetProperty("id").GetInt32());

        Assert.True(run.GetProperty("status").GetInt32() == 10, run.ToString());
        using var duck = new DuckDB.NET.Data.DuckDBConnection($"Data Source={warehouse};ACCESS_MODE=READ_ONLY");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = "select count(*) from dbt_dev.orders";
        Assert.Equal(2L, Convert.ToInt64(command.ExecuteScalar()));
    }
}
