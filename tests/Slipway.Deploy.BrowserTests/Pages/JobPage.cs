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

    public async Task<RunPage> RunNowAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        return new RunPage(page);
    }
}
