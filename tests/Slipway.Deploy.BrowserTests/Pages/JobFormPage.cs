using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>The job form: commands checked as you type, the cron preview.</summary>
public sealed class JobFormPage(IPage page)
{
    public static async Task<JobFormPage> OpenNewAsync(IPage page, int projectId)
    {
        await page.GotoAsync($"/projects/{projectId}/jobs");
        await page.GetByRole(AriaRole.Link, new() { Name = "New job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New job" })).ToBeVisibleAsync();
        return new JobFormPage(page);
    }

    public ILocator Commands => page.GetByLabel("Commands");

    /// <summary>The live message under the commands box (its aria-describedby).</summary>
    public ILocator CommandsCheck => page.Locator("#commands-check");

    public ILocator Firings => page.GetByRole(AriaRole.Region, new() { Name = "Next five firings" }).GetByRole(AriaRole.Listitem);

    public Task NameAsync(string name) => page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);

    public async Task ScheduleAsync(string cron, string zone)
    {
        await page.GetByLabel("Time zone").FillAsync(zone);
        // Typed like a person, so the as-you-type check runs on each key.
        await page.GetByLabel("Cron schedule").PressSequentiallyAsync(cron);
    }

    public async Task<JobPage> SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save job" }).ClickAsync();
        return new JobPage(page);
    }
}
