using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>The environments list and the create/edit form.</summary>
public sealed class EnvironmentFormPage(IPage page)
{
    public static async Task<EnvironmentFormPage> OpenNewAsync(IPage page, int projectId)
    {
        await page.GotoAsync($"/projects/{projectId}/environments");
        await page.GetByRole(AriaRole.Link, new() { Name = "New environment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New environment" })).ToBeVisibleAsync();
        return new EnvironmentFormPage(page);
    }

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator Schema => page.GetByLabel("Schema", new() { Exact = true });

    public async Task FillAsync(string name, string deploymentType, string user, string schema)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("deployment");
        await page.GetByLabel("Deployment type").SelectOptionAsync(deploymentType);
        await page.GetByLabel("Warehouse user").FillAsync(user);
        await Schema.FillAsync(schema);
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save environment" }).ClickAsync();

    public ILocator ListRow(string name) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
}
