using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Workers;

/// <summary>
/// Real processes on a real PostgreSQL (<see cref="Cluster"/>): a load of concurrent API triggers, kill -9 of the
/// worker in the middle of a run, and the every-minute schedule observed over three firings while the others run
/// (in name order, so the cron test's wait overlaps the others). Results are read from the metadata database.
/// </summary>
[TestCaseOrderer(ByName.Type, ByName.Assembly)]
public sealed class ClusterTests(Cluster cluster) : IClassFixture<Cluster>
{
    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(cluster.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    [SkippableFact]
    public async Task A_200_concurrent_triggers_of_10_jobs_make_200_runs_without_5xx_and_never_two_active_runs_of_a_job()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        HttpClient[] clients = [await cluster.ClientAsync(0), await cluster.ClientAsync(1)];
        var jobs = new List<int>();
        for (var i = 0; i < 10; i++)
            jobs.Add((await Http.SendAsync(clients[0], HttpMethod.Post, $"/api/v1/projects/{cluster.ProjectId}/jobs",
                new { name = cluster.Unique("load"), environment_id = cluster.TrivialEnvironmentId, commands = new[] { "dbt run", "dbt test" } }, HttpStatusCode.Created)).GetProperty("id").GetInt32());

        // All at once, spread over both serve nodes.
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await clients[i % 2].PostAsJsonAsync($"/api/v1/projects/{cluster.ProjectId}/jobs/{jobs[i % 10]}/run", new { cause = $"load {i}" });
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body);
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created,
            $"{(int)r.StatusCode}: {r.body}\n{string.Join("\n", cluster.Servers.Select(s => s.Output))}"));
        var ids = responses.Select(r => System.Text.Json.JsonDocument.Parse(r.body).RootElement.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(200, ids.Distinct().Count());

        var jobList = string.Join(',', jobs);
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while ((await QueryAsync($"SELECT count(*) FROM runs WHERE \"JobId\" IN ({jobList}) AND \"Status\" < 10", r => r.GetInt64(0)))[0] > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The 200 runs did not finish in 150 s. Worker: {cluster.Worker.Output}");
            await Task.Delay(500);
        }
        var runs = await QueryAsync($"SELECT \"Id\", \"JobId\", \"Status\", \"DequeuedAt\", \"FinishedAt\", \"StatusMessage\" FROM runs WHERE \"JobId\" IN ({jobList})",
            r => (Id: r.GetInt32(0), JobId: r.GetInt32(1), Status: r.GetInt32(2), Dequeued: r.GetDateTime(3), Finished: r.GetDateTime(4), Message: r.IsDBNull(5) ? "" : r.GetString(5)));
        Assert.Equal(ids.Order(), runs.Select(r => r.Id).Order());
        Assert.All(runs, r => Assert.True(r.Status == 10, $"run {r.Id}: {r.Status} {r.Message}"));
        // Claimed to finished, the runs of one job never overlap.
        foreach (var job in runs.GroupBy(r => r.JobId))
        {
            var ordered = job.OrderBy(r => r.Dequeued).ToList();
            Assert.Equal(20, ordered.Count);
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Dequeued >= ordered[i - 1].Finished,
                    $"Job {job.Key}: run {ordered[i].Id} was claimed at {ordered[i].Dequeued:O} while run {ordered[i - 1].Id} was active until {ordered[i - 1].Finished:O}");
        }
    }

    [SkippableFact]
    public async Task B_kill_9_of_the_worker_mid_run_ends_the_run_Error_within_the_lease_or_requeues_it_once_and_its_engine_processes_stop()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var client = await cluster.ClientAsync(1);
        cluster.Repository.CommitFile("models/slow.sql", "{{ config(materialized='table') }}\nselect sum(a.range * b.range) as total from range(1000000000) a, range(1000000000) b\n");
        // Two slow runs on the worker: one of a job that ends Error on worker loss, one of a job that opted into a re-queue.
        async Task<(int RunId, string Workspace)> StartSlowAsync(string name, bool requeue)
        {
            var environmentId = await cluster.EnvironmentAsync(client, name);
            var jobId = (await Http.SendAsync(client, HttpMethod.Post, $"/api/v1/projects/{cluster.ProjectId}/jobs",
                new { name = cluster.Unique(name), environment_id = environmentId, commands = new[] { "dbt run --select slow" }, requeue_on_worker_loss = requeue },
                HttpStatusCode.Created)).GetProperty("id").GetInt32();
            var id = (await Http.SendAsync(client, HttpMethod.Post, $"/api/v1/projects/{cluster.ProjectId}/jobs/{jobId}/run", new { cause = "kill" }, HttpStatusCode.Created))
                .GetProperty("id").GetInt32();
            // Until the engine has started the model's query (its START line is in the step's log).
            var folder = Path.Combine(cluster.DataDir, "runs", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var log = Path.Combine(folder, "logs", "1.log");
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!(File.Exists(log) && File.ReadAllText(log).Contains("START sql table model", StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"The slow model did not start: {await cluster.RunAsync(client, id)} Worker: {cluster.Worker.Output}");
                await Task.Delay(200);
            }
            return (id, Path.Combine(folder, "workspace"));
        }
        var slow = StartSlowAsync("slow", requeue: false);
        var requeued = StartSlowAsync("slow_requeue", requeue: true);
        await Task.WhenAll(slow, requeued);
        var (runId, workspace) = await slow;
        var engines = SlipwayProcess.Find("--project-dir", workspace).Concat(SlipwayProcess.Find("--project-dir", (await requeued).Workspace)).ToList();
        Assert.Equal(2, engines.Count);

        Assert.NotEqual("", cluster.WorkerId);
        cluster.KilledWorkers.Add(cluster.WorkerId);
        await cluster.Worker.KillAsync();
        var killedAt = DateTime.UtcNow;

        // Both at once: a serve node's reaper ends the run, and the orphaned engine notices its worker is gone.
        async Task<(int Status, string Message, double Seconds)> RunEndedAsync()
        {
            while (true)
            {
                var run = await cluster.RunAsync(client, runId);
                var status = run.GetProperty("status").GetInt32();
                if (status >= 10 || DateTime.UtcNow > killedAt.AddSeconds(60))
                    return (status, run.GetProperty("status_message").GetString() ?? "", (DateTime.UtcNow - killedAt).TotalSeconds);
                await Task.Delay(200);
            }
        }
        async Task<double> EnginesGoneAsync()
        {
            while (engines.Any(SlipwayProcess.IsAlive) && DateTime.UtcNow < killedAt.AddSeconds(60)) await Task.Delay(100);
            return (DateTime.UtcNow - killedAt).TotalSeconds;
        }
        var ended = RunEndedAsync();
        var gone = EnginesGoneAsync();
        await Task.WhenAll(ended, gone);
        // The opted-in job's run went back to the queue once (no node with slots is left to take it yet).
        var back = await cluster.RunAsync(client, (await requeued).RunId);
        Assert.True(back.GetProperty("status_humanized").GetString() == "Queued", back.ToString());
        Assert.Contains("Re-queued once", back.GetProperty("status_message").GetString());
        cluster.StartWorker();

        var (status, message, seconds) = await ended;
        Assert.True(status == 20, $"run {runId} is {status} ({message}) {seconds:0.0} s after the kill");
        Assert.Contains("stopped heartbeating", message);
        // The lease, then one reaper pass of a serve node (every 250 ms) and the API read; slack for a busy machine.
        Assert.True(seconds < Cluster.LeaseSeconds + 10, $"The run ended Error only {seconds:0.0} s after the kill (lease {Cluster.LeaseSeconds} s).");
        Assert.True(await gone < 10, $"The killed worker's engine process(es) {string.Join(',', engines)} still ran {await gone:0.0} s after the kill.");
        // The new worker takes the re-queued run again; it is cancelled here, its point made.
        var again = DateTime.UtcNow.AddSeconds(90);
        JsonElement retaken;
        while ((retaken = await cluster.RunAsync(client, (await requeued).RunId)).GetProperty("status_humanized").GetString() != "Running")
        {
            Assert.True(DateTime.UtcNow < again, $"The re-queued run was not taken again: {retaken}");
            await Task.Delay(200);
        }
        await Http.SendAsync(client, HttpMethod.Post, $"/api/v1/projects/{cluster.ProjectId}/runs/{(await requeued).RunId}/cancel", new { }, HttpStatusCode.OK);
        // Nothing holds the warehouse any more, and the orphan did not go on to create the table.
        using var duck = new DuckDB.NET.Data.DuckDBConnection($"Data Source={cluster.Warehouse("slow")}");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = "select count(*) from information_schema.tables where table_name = 'slow'";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar()));
    }

    [SkippableFact]
    public async Task C_a_job_firing_every_minute_seen_by_three_schedulers_makes_exactly_one_run_per_firing()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var created = cluster.CronJobCreatedAt;
        var first = new DateTime(created.Year, created.Month, created.Day, created.Hour, created.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var third = first.AddMinutes(2);
        // Every scheduler ticks each 2 s: a firing has its run a few seconds after its minute at the latest.
        var wait = third.AddSeconds(8) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var end = DateTime.UtcNow.AddSeconds(-6);

        var runs = await QueryAsync($"SELECT \"ScheduledAt\", \"Status\", coalesce(\"StatusMessage\", '') FROM runs WHERE \"JobId\" = {cluster.CronJobId} AND \"TriggerKind\" = 'schedule'",
            r => (At: r.GetDateTime(0), Status: r.GetInt32(1), Message: r.GetString(2)));
        var expected = new List<DateTime>();
        for (var firing = first; firing <= end; firing = firing.AddMinutes(1)) expected.Add(firing);
        Assert.True(expected.Count >= 3);
        Assert.Equal(expected, runs.Select(r => r.At.ToUniversalTime()).Where(at => at <= end).Order());
        // The worker executed them (a firing that found the previous run still waiting may have replaced it, and the
        // worker killed by the other test may have been running one).
        Assert.All(runs.Where(r => r.At <= end.AddSeconds(-10)), r => Assert.True(r.Status == 10 || r.Message.StartsWith("Replaced by", StringComparison.Ordinal)
            || cluster.KilledWorkers.Any(w => r.Message.StartsWith($"The worker {w} stopped heartbeating", StringComparison.Ordinal)), $"{r.At:O}: {r.Status} {r.Message}"));
    }
}
