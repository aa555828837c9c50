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
}
