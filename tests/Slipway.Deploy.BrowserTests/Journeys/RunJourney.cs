using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

/// <summary>Runs executed for real by the service's workers (child slipway processes on the demo's DuckDB warehouse).</summary>
public sealed class RunJourney : BrowserJourney
{
    [Fact]
    public async Task The_demo_run_succeeds_with_model_timing_docs_and_source_freshness_then_Run_now_streams_the_first_steps_log_while_it_runs()
    {
        await SignInAsync();
        var run = await RunPage.OpenAsync(Page, 1, 1);
        await run.WaitForStatusAsync("Success");
        await Expect(run.ModelTiming).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Artifacts" })).ToContainTextAsync("run_results.json");
        await ScreenshotAsync("run-success");

        await run.OpenDocsAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projects/1/runs/1/docs/$"));
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Resources" })).ToContainTextAsync("fct_orders");
        await Page.GotoAsync("/projects/1/runs/1/docs/#!/model/model.harbor_shop.fct_orders");
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading).First).ToContainTextAsync("fct_orders");
        await ScreenshotAsync("run-docs-model");

        await Page.GotoAsync("/projects/1/sources");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Data sources" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "harbor_raw.orders" }).First).ToContainTextAsync("run #1");
        await ScreenshotAsync("data-sources");

        var job = await JobPage.OpenAsync(Page, 1, 1);
        await Expect(job.HistoryChart).ToBeVisibleAsync();
        var second = await job.RunNowAsync();
        await Expect(second.Heading).ToContainTextAsync("Run #2");
        // Rendered before the run finished: the lines below arrive over the log stream, not in the page.
        await Expect(second.Streaming).ToHaveCountAsync(1);
        await Expect(second.Status).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        await Expect(second.StepLogs.First).ToContainTextAsync("Running with slipway", new() { Timeout = 60_000 });
        await ScreenshotAsync("run-streaming");
        // Step statuses change in place too: the first step is done while the page still follows the stream.
        await Expect(second.LiveStepStatus(1)).ToHaveTextAsync("Success", new() { Timeout = 60_000 });
        await second.WaitForStatusAsync("Success");
        await Expect(second.ModelTiming).ToBeVisibleAsync();
    }
}
