using Microsoft.Playwright;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>A job: settings, Run now, the run history chart and table.</summary>
public sealed class JobPage(IPage page)
{
    public static async Task<JobPage> OpenAsync(IPage page, int projectId, int jobId)
    {
        await page.GotoAsync($"/projects/{projectId}/jobs/{jobId}");
        return new JobPage(page);
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Settings => page.GetByRole(AriaRole.Region, new() { Name = "Settings" });

    public ILocator HistoryChart => page.GetByRole(AriaRole.Img, new() { NameRegex = new("^Run durations") });

    public ILocator RunNowButton => page.GetByRole(AriaRole.Button, new() { Name = "Run now" });

    public ILocator RunNowSection => page.GetByRole(AriaRole.Region, new() { Name = "Run now" });

    /// <summary>The run history table's rows (without its header).</summary>
    public ILocator HistoryRows => page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator HistoryPages => page.GetByRole(AriaRole.Navigation, new() { Name = "Run history pages" });

    public async Task<RunPage> RunNowAsync()
    {
        await RunNowButton.ClickAsync();
        return new RunPage(page);
    }

    /// <summary>Run now with the branch override (the overrides are folded away until opened).</summary>
    public async Task<RunPage> RunNowOnBranchAsync(string branch)
    {
        await page.GetByText("Overrides", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Branch").SelectOptionAsync(branch);
        return await RunNowAsync();
    }
}
