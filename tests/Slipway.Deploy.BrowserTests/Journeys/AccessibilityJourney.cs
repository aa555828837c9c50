using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

/// <summary>Labels on every form field, Run now by keyboard alone, and a job with 1,000 runs that opens a page at a time.</summary>
public sealed class AccessibilityJourney(ITestOutputHelper output) : BrowserJourney
{
    private const int SeededRuns = 1000;

    // Nothing here needs a run to execute; the runs stay as seeded and the machine stays quiet.
    protected override bool WorkersExecuteRuns => false;

    [Fact]
    public async Task Every_field_has_a_label_Run_now_is_reached_by_keyboard_and_a_job_with_1000_runs_is_paged_and_a_failed_run_offers_retry()
    {
        var newestFailed = await SeedRunsAsync();
        await SignInAsync();

        // Every visible or folded form control of the forms people fill in is named by a label.
        foreach (var path in new[] { "/projects/1/jobs/new", "/projects/1/environments/new", "/projects/1/jobs/1", "/settings", "/settings/users", "/settings/webhooks", "/projects/1/develop" })
        {
            await Page.GotoAsync(path);
            var unlabelled = await Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
                    .map(e => e.outerHTML)
                """);
            Assert.True(unlabelled.Length == 0, $"{path} has fields without a label: {string.Join(" ", unlabelled)}");
        }
        await Page.GotoAsync("/projects/1/jobs/new");
        foreach (var label in new[] { "Name", "Environment", "Description", "Commands", "Cron schedule", "Time zone", "Threads", "Target name", "Timeout (seconds, 0 for none)" })
            await Expect(Page.GetByLabel(Named(label))).ToHaveCountAsync(1);
        await Page.GotoAsync("/settings/webhooks");
        foreach (var label in new[] { "Name", "Project", "Kind", "URL", "job.run.started", "job.run.completed", "job.run.errored" })
            await Expect(Page.GetByLabel(label, new() { Exact = true })).ToHaveCountAsync(1);

        // 1,001 runs in the job's history: the page shows twenty and the way to the others. Median of five loads.
        var loads = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await Page.GotoAsync("/projects/1/jobs/1");
            loads.Add(clock.Elapsed.TotalMilliseconds);
        }
        loads.Sort();
        output.WriteLine($"Job page with {SeededRuns + 1} runs: median load {loads[2]:0} ms (min {loads[0]:0}, max {loads[4]:0}).");
        var job = new JobPage(Page);
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Runs 1–20 of {SeededRuns + 1}");
        await Expect(job.HistoryRows).ToHaveCountAsync(20);
        await Expect(job.HistoryPages.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Older"]);
        await job.HistoryPages.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Runs 21–40 of {SeededRuns + 1}");
        await Expect(job.HistoryRows).ToHaveCountAsync(20);
        await Expect(job.HistoryPages.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Newer", "Older"]);
        await ScreenshotAsync("job-1000-runs-paged");

        // The keyboard alone: the first Tab offers the skip link, further Tabs reach Run now, Enter starts the run.
        await Page.GotoAsync("/projects/1/jobs/1");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        var presses = 1;
        while (!await job.RunNowButton.EvaluateAsync<bool>("e => e === document.activeElement") && presses < 80)
        {
            await Page.Keyboard.PressAsync("Tab");
            presses++;
        }
        await Expect(job.RunNowButton).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        var run = new RunPage(Page);
        await Expect(run.Heading).ToContainTextAsync($"Run #{SeededRuns + 2}");
        await Expect(run.Status).ToHaveTextAsync("Queued");

        // A failed run offers Retry from failure, which asks the service's retry route for a new run.
        run = await RunPage.OpenAsync(Page, 1, newestFailed);
        await Expect(run.RetryButton).ToBeVisibleAsync();
        var request = await Page.RunAndWaitForRequestAsync(() => run.RetryButton.ClickAsync(), new Regex($"/api/v1/projects/1/runs/{newestFailed}/retry$"));
        Assert.Equal("POST", request.Method);
        var response = await request.ResponseAsync();
        if (response is { Ok: true })
            await Expect(Page).ToHaveURLAsync(new Regex(@"/projects/1/runs/(?!" + newestFailed + @"$)\d+$"));
        else if (response?.Status is 404 or 405)
            await Expect(run.Alert).ToHaveTextAsync("Retry from failure is not available on this service.");
        else
            await Expect(run.Alert).Not.ToBeEmptyAsync();
        await ScreenshotAsync("run-retry");
    }

    /// <summary>A label's name, maybe followed by its hint ("Commands one per line, e.g. …").</summary>
    private static Regex Named(string label) => new("^" + Regex.Escape(label) + "( |$)");

    /// <summary>Adds finished runs of the demo job straight to the database (one in seven failed, the newest failed); returns the newest's id.</summary>
    private async Task<int> SeedRunsAsync()
    {
        using var scope = Service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DeployDbContext>();
        var job = await db.Jobs.FirstAsync(j => j.Id == 1);
        var start = DateTime.UtcNow.AddHours(-SeededRuns - 1);
        var runs = Enumerable.Range(0, SeededRuns).Select(i =>
        {
            var created = start.AddHours(i);
            var failed = i % 7 == 6 || i == SeededRuns - 1;
            return new Run
            {
                ProjectId = job.ProjectId, JobId = job.Id, EnvironmentId = job.EnvironmentId, TriggerKind = "schedule", Cause = "Seeded history",
                TriggeredBy = "scheduler", GitBranch = "main", Status = failed ? RunStatus.Error : RunStatus.Success,
                StatusMessage = failed ? "Step 2 (run) failed with exit code 1." : "All steps succeeded.", CreatedAt = created, UpdatedAt = created,
                StartedAt = created.AddSeconds(2), FinishedAt = created.AddSeconds(30 + i % 50),
            };
        }).ToList();
        db.Runs.AddRange(runs);
        await db.SaveChangesAsync();
        return runs[^1].Id;
    }
}
