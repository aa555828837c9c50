using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

public sealed class CancelJourney : BrowserJourney
{
    [Fact]
    public async Task The_demo_run_is_cancelled_while_it_is_going()
    {
        await SignInAsync();
        var run = await RunPage.OpenAsync(Page, 1, 1);
        await run.CancelAsync();
        await run.WaitForStatusAsync("Cancelled", 60_000);
        await ScreenshotAsync("run-cancelled");
    }
}
