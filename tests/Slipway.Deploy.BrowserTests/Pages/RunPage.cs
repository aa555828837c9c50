using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>A run: status, steps with their logs, model timing, artifacts, cancel and retry.</summary>
public sealed class RunPage(IPage page)
{
    public static async Task<RunPage> OpenAsync(IPage page, int projectId, int runId)
    {
        await page.GotoAsync($"/projects/{projectId}/runs/{runId}");
        return new RunPage(page);
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The run's status badge in the heading.</summary>
    public ILocator Status => Heading.GetByRole(AriaRole.Status);

    public ILocator StepLogs => page.GetByRole(AriaRole.Log);

    /// <summary>Step <paramref name="index"/> (1-based) as the page shows it: a disclosure with a status badge and the step's log.</summary>
    public ILocator Step(int index) => page.Locator($"[data-step='{index}']");

    public ILocator StepStatus(int index) => Step(index).Locator("summary").GetByRole(AriaRole.Status);

    public ILocator StepLog(int index) => Step(index).GetByRole(AriaRole.Log);

    /// <summary>The step while the page follows the live stream, i.e. updated in place rather than by reloading.</summary>
    public ILocator LiveStepStatus(int index) => Streaming.Locator($"[data-step='{index}'] summary").GetByRole(AriaRole.Status);

    public ILocator RetryButton => page.GetByRole(AriaRole.Button, new() { Name = "Retry from failure" });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    /// <summary>Present while the page follows the run's log stream (the run was not complete when the page was rendered).</summary>
    public ILocator Streaming => page.Locator("[data-stream]");

    public ILocator ModelTiming => page.GetByRole(AriaRole.Img, new() { NameRegex = new("^Model timing") });

    /// <summary>
    /// Waits for the run's status; a final one also waits for the page's reload at the end of the stream (the page then
    /// no longer follows it), so that the next step does not race that reload.
    /// </summary>
    public async Task WaitForStatusAsync(string status, float timeout = 180_000)
    {
        await Expect(Status).ToHaveTextAsync(status, new() { Timeout = timeout });
        if (status is "Success" or "Error" or "Cancelled") await Expect(Streaming).ToHaveCountAsync(0);
    }

    public Task CancelAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();

    public Task OpenDocsAsync() => page.GetByRole(AriaRole.Link, new() { Name = "Documentation" }).ClickAsync();
}
