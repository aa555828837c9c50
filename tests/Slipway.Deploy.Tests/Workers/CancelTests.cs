using System.Net;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>Cancel and timeout stop the step's engine process (SIGINT, then kill) and end the run Cancelled.</summary>
public sealed class CancelTests(WorkerService workers) : IClassFixture<WorkerService>
{
    // Minutes of work for DuckDB: the step is still running when it is stopped.
    private static readonly (string, string)[] SlowProject = [("models/slow.sql", "{{ config(materialized='table') }}\nselect sum(i) as total from range(100000000000000) t(i)\n")];

    private static bool StepRunning(JsonElement run) =>
        run.GetProperty("steps").GetArrayLength() > 0 && run.GetProperty("steps")[0].GetProperty("status").GetInt32() == 3;

    [Fact]
    public async Task Cancel_interrupts_the_running_step_and_the_run_ends_Cancelled()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(SlowProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run", "dbt test" } });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);
        await WorkerService.WaitAsync(admin, projectId, runId, StepRunning);

        var started = DateTime.UtcNow;
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/runs/{runId}/cancel", new { }, HttpStatusCode.OK);
        var run = await WorkerService.WaitAsync(admin, projectId, runId, seconds: 20);

        Assert.Equal(30, run.GetProperty("status").GetInt32());
        var step = run.GetProperty("steps")[0];
        Assert.Equal(30, step.GetProperty("status").GetInt32());
        // The process ended (its exit code is known) within the grace period, not after the query's minutes.
        Assert.NotEqual(JsonValueKind.Null, step.GetProperty("exit_code").ValueKind);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
        Assert.Equal(30, run.GetProperty("steps")[1].GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("steps")[1].GetProperty("exit_code").ValueKind);
    }

    [Fact]
    public async Task A_run_over_its_timeout_is_stopped_and_ends_Cancelled()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(SlowProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run" }, timeout_seconds = 3 });
        var runId = await WorkerService.RunNowAsync(admin, projectId, jobId);

        var run = await WorkerService.WaitAsync(admin, projectId, runId, seconds: 30);

        Assert.True(run.GetProperty("status").GetInt32() == 30, run.ToString());
        Assert.Contains("Timed out after 3 seconds", run.GetProperty("status_message").GetString());
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("steps")[0].GetProperty("exit_code").ValueKind);
    }

    [Fact]
    public async Task Runs_of_one_job_are_serial()
    {
        var (admin, projectId, environmentId, _, _) = await workers.ProjectAsync(SlowProject);
        var jobId = await workers.JobAsync(admin, projectId, environmentId, new { commands = new[] { "dbt run" } });
        var first = await WorkerService.RunNowAsync(admin, projectId, jobId);
        var second = await WorkerService.RunNowAsync(admin, projectId, jobId);
        await WorkerService.WaitAsync(admin, projectId, first, StepRunning);
        await Task.Delay(500);

        var waiting = await Http.SendAsync(admin, HttpMethod.Get, $"/api/v1/projects/{projectId}/runs/{second}", null, HttpStatusCode.OK);
        Assert.Equal(1, waiting.GetProperty("status").GetInt32());
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/runs/{first}/cancel", new { }, HttpStatusCode.OK);
        await WorkerService.WaitAsync(admin, projectId, second, StepRunning, seconds: 30);
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/runs/{second}/cancel", new { }, HttpStatusCode.OK);
        Assert.Equal(30, (await WorkerService.WaitAsync(admin, projectId, second, seconds: 20)).GetProperty("status").GetInt32());
    }
}
