using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Schedules;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Schedules;

/// <summary>Scheduling passes run by hand at chosen instants (workers off, so runs stay queued).</summary>
public sealed class SchedulerTests : IDisposable
{
    private readonly ServiceFixture service = new SqliteService();

    public SchedulerTests()
    {
        service.Factory.Options.Workers.Enabled = false;
        service.Factory.Options.Workers.SchedulerInterval = TimeSpan.Zero;
    }

    public void Dispose() => service.Dispose();

    private async Task TickAsync(DateTime now)
    {
        using var scope = service.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<JobScheduler>().TickAsync(now, CancellationToken.None);
    }

    private List<Run> Runs(int jobId)
    {
        using var scope = service.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DeployDbContext>().Runs.Where(r => r.JobId == jobId).OrderBy(r => r.Id).ToList();
    }

    private async Task<(HttpClient Admin, int ProjectId, int JobId, ProjectSetup Project)> JobAsync(object triggers)
    {
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (environmentId, _) = await service.EnvironmentWithJobAsync(admin, project.Id, service.Unique("s"));
        var job = await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{project.Id}/jobs",
            new { name = service.Unique("job"), environment_id = environmentId, commands = new[] { "dbt build" }, triggers }, HttpStatusCode.Created);
        return (admin, project.Id, job.GetProperty("id").GetInt32(), project);
    }

    private static DateTime FiveMinutesFloor(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute / 5 * 5, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_firing_becomes_exactly_one_run_and_a_newer_one_replaces_the_waiting_one()
    {
        var (_, _, jobId, _) = await JobAsync(new { schedule = new { cron = "*/5 * * * *", timezone = "UTC" } });
        var now = DateTime.UtcNow.AddMinutes(12);

        await Task.WhenAll(TickAsync(now), TickAsync(now), TickAsync(now));
        await TickAsync(now);

        var runs = Runs(jobId);
        var run = Assert.Single(runs);
        Assert.Equal(FiveMinutesFloor(now), run.ScheduledAt);
        Assert.Equal("schedule", run.TriggerKind);
        Assert.Equal(RunStatus.Queued, run.Status);

        var later = now.AddMinutes(5);
        await TickAsync(later);
        runs = Runs(jobId);
        Assert.Equal(2, runs.Count);
        Assert.Equal(RunStatus.Cancelled, runs[0].Status);
        Assert.Contains("Replaced by the run scheduled", runs[0].StatusMessage);
        Assert.Equal((RunStatus.Queued, FiveMinutesFloor(later)), (runs[1].Status, runs[1].ScheduledAt!.Value));
    }

    [Fact]
    public async Task Manual_runs_are_never_replaced_by_a_firing()
    {
        var (admin, projectId, jobId, _) = await JobAsync(new { schedule = new { cron = "*/5 * * * *", timezone = "UTC" } });
        await Http.SendAsync(admin, HttpMethod.Post, $"/api/v1/projects/{projectId}/jobs/{jobId}/run", new { cause = "by hand" }, HttpStatusCode.Created);

        await TickAsync(DateTime.UtcNow.AddMinutes(6));
        await TickAsync(DateTime.UtcNow.AddMinutes(11));

        var runs = Runs(jobId);
        Assert.Equal(RunStatus.Queued, runs.Single(r => r.TriggerKind == "manual").Status);
        Assert.Single(runs, r => r.TriggerKind == "schedule" && r.Status == RunStatus.Queued);
    }

    [Fact]
    public async Task A_new_commit_on_the_branch_triggers_once()
    {
        var (_, _, jobId, project) = await JobAsync(new { on_commit = true });
        await TickAsync(DateTime.UtcNow);
        Assert.Empty(Runs(jobId));

        project.Repository.CommitFile("models/new.sql", "select 1 as id\n");
        await TickAsync(DateTime.UtcNow);
        await TickAsync(DateTime.UtcNow);

        var run = Assert.Single(Runs(jobId));
        using var repo = new LibGit2Sharp.Repository(project.Repository.Path);
        Assert.Equal(("commit", repo.Branches["main"].Tip.Sha), (run.TriggerKind, run.GitSha));
    }
}
