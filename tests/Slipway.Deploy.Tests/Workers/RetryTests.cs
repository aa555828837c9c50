using System.Net;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>
/// Retry from failure, end to end: a real git repository, `slipway` child processes and a DuckDB warehouse whose raw
/// data (outside the repository, as in dbt Cloud where a retry runs the same commit) is fixed between the runs.
/// </summary>
public sealed class RetryTests(WorkerService workers) : IClassFixture<WorkerService>
{
    // stg_orders is a view over the raw table, so fixing the raw data fixes what the failed test reads.
    private static readonly (string, string)[] Project =
    [
        ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: orders\n"),
        ("models/stg_orders.sql", "select id from {{ source('raw', 'orders') }}\n"),
        ("models/order_count.sql", "{{ config(materialized='table') }}\nselect count(*) as n, {{ env_var('DBT_CLOUD_RUN_ID') }} as run_id from {{ ref('stg_orders') }}\n"),
        ("models/schema.yml", "version: 2\nmodels:\n  - name: stg_orders\n    columns:\n      - name: id\n        data_tests: [not_null, unique]\n"),
    ];

    private static readonly string[] Commands = ["dbt run --select stg_orders", "dbt test --select stg_orders", "dbt run --select order_count"];

    private static void Warehouse(string path, string sql)
    {
        using var duck = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var duck = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string[] StepStatuses(JsonElement run) =>
        run.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("command").GetString()}={s.GetProperty("status_humanized").GetString()}").ToArray();

    private async Task<(HttpClient Admin, int ProjectId, int JobId, int FailedRunId, string Warehouse, TestRepository Repository)> FailedRunAsync()
    {
        var (admin, projectId, environmentId, warehouse, repository) = await workers.ProjectAsync(Project);
        Warehouse(warehouse, "create schema raw; create table raw.orders as select * from (values (1), (2), (null)) t(id)");
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = Commands, generate_docs = true });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);
        var run = await WorkerService.WaitAsync(admin, projectId, runId);
        Assert.Equal(["slipway run --select stg_orders=Success", "slipway test --select stg_orders=Error", "slipway run --select order_count=Cancelled",
            "slipway docs generate=Cancelled"], StepStatuses(run));
        return (admin, projectId, jobId, runId, warehouse, repository);
    }

    [Fact]
    public async Task A_retry_runs_only_the_failed_nodes_then_the_later_steps_on_the_same_commit()
    {
        var (admin, projectId, _, failedId, warehouse, repository) = await FailedRunAsync();
        var failed = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{failedId}", null, HttpStatusCode.OK);
        // The data is fixed outside the repository; a new commit meanwhile must not be picked up (it would break the model).
        Warehouse(warehouse, "update raw.orders set id = 3 where id is null");
        repository.CommitFile("models/stg_orders.sql", "select broken syntax here\n");

        var created = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/runs/{failedId}/retry", new { }, HttpStatusCode.Created);
        var run = await WorkerService.WaitAsync(admin, projectId, created.GetProperty("id").GetInt32());

        Assert.True(run.GetProperty("status").GetInt32() == 10, run.ToString());
        Assert.Equal(["slipway retry=Success", "slipway run --select order_count=Success", "slipway docs generate=Success"], StepStatuses(run));
        Assert.Equal("retry", run.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal(failedId, run.GetProperty("overrides").GetProperty("retry_of_run_id").GetInt32());
        Assert.Equal(2, run.GetProperty("overrides").GetProperty("retry_from_step").GetInt32());
        Assert.Equal(failed.GetProperty("git_sha").GetString(), run.GetProperty("git_sha").GetString());
        // `retry` re-ran the one failed test only (the unique test had passed), and it passes now.
        var results = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{run.GetProperty("id").GetInt32()}/artifacts/steps/1/run_results.json",
            null, HttpStatusCode.OK);
        var only = Assert.Single(results.GetProperty("results").EnumerateArray());
        Assert.StartsWith("test.demo.not_null_stg_orders_id.", only.GetProperty("unique_id").GetString());
        Assert.Equal("pass", only.GetProperty("status").GetString());
        Assert.Equal(3L, Convert.ToInt64(Scalar(warehouse, "select n from analytics.order_count")));
        // dbt Cloud's run variables reach the engine: the table was built by the retry run.
        Assert.Equal(run.GetProperty("id").GetInt32(), Convert.ToInt32(Scalar(warehouse, "select run_id from analytics.order_count")));
    }

    [Fact]
    public async Task Retry_is_refused_for_a_run_that_did_not_fail_and_dbt_Cloud_rerun_retries_the_jobs_latest_run()
    {
        var (admin, projectId, jobId, failedId, _, _) = await FailedRunAsync();

        // dbt Cloud v2: rerun of the job retries its latest (failed) run; the data is still bad, so it fails again, in the retry step.
        var rerun = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v2/accounts/1/jobs/{jobId}/rerun/", new { }, HttpStatusCode.OK);
        var retryId = rerun.GetProperty("data").GetProperty("id").GetInt32();
        var run = await WorkerService.WaitAsync(admin, projectId, retryId);
        Assert.Equal(["slipway retry=Error", "slipway run --select order_count=Cancelled", "slipway docs generate=Cancelled"], StepStatuses(run));
        Assert.Equal(failedId, run.GetProperty("overrides").GetProperty("retry_of_run_id").GetInt32());

        // A retry of the retry resumes from the same place, through the v2 run route.
        var again = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v2/accounts/1/runs/{retryId}/retry/", new { }, HttpStatusCode.OK);
        var third = await WorkerService.WaitAsync(admin, projectId, again.GetProperty("data").GetProperty("id").GetInt32());
        Assert.Equal(["slipway retry=Error", "slipway run --select order_count=Cancelled", "slipway docs generate=Cancelled"], StepStatuses(third));

        // Only a run that ended Error can be retried.
        var good = await workers.JobAsync(admin, projectId, run.GetProperty("environment_id").GetInt32(), new { commands = new[] { "dbt run --select stg_orders" } });
        var goodRun = await WorkerService.WaitAsync(admin, projectId, await WorkerService.RunNowAsync(admin, projectId, good));
        Assert.Equal(10, goodRun.GetProperty("status").GetInt32());
        var message = await Http.RefusedAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/runs/{goodRun.GetProperty("id").GetInt32()}/retry", new { });
        Assert.Equal($"Run {goodRun.GetProperty("id").GetInt32()} ended Success; only a run that ended in Error can be retried from its failure.", message);
    }
}
