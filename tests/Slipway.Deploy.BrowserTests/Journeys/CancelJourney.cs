using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

public sealed class CancelJourney : BrowserJourney
{
    // The demo run finishes in seconds once a worker takes it, so with workers on the click would race the run's
    // end; here the run stays queued and the cancel must take it out of the queue. Cancelling a running step's
    // process is covered by Slipway.Deploy.Tests (Workers/CancelTests).
    protected override bool WorkersExecuteRuns => false;

    [Fact]
    public async Task The_waiting_demo_run_is_cancelled_from_its_page()
    {
        await SignInAsync();
        var run = await RunPage.OpenAsync(Page, 1, 1);
        await run.CancelAsync();
        await run.WaitForStatusAsync("Cancelled", 60_000);
        await ScreenshotAsync("run-cancelled");
    }
}
