using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>Settings: users and roles, webhooks with their delivery log, the audit log.</summary>
public sealed class SettingsPages(IPage page)
{
    public static async Task<SettingsPages> OpenAsync(IPage page, string section)
    {
        await page.GotoAsync("/settings");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Settings" }).GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 1 })).ToBeVisibleAsync();
        return new SettingsPages(page);
    }

    public ILocator Nav => page.GetByRole(AriaRole.Navigation, new() { Name = "Settings" });

    public ILocator Status => page.GetByRole(AriaRole.Status).Filter(new() { HasNotText = "Running" });

    public ILocator Row(string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    public async Task AddUserAsync(string username, string password, string project, string role)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByLabel("Project", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = project });
        await page.GetByLabel("Role on the project").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
    }

    public async Task AddWebhookAsync(string name, string url, params string[] uncheckedEvents)
    {
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("URL").FillAsync(url);
        foreach (var type in uncheckedEvents) await page.GetByLabel(type).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
    }

    public ILocator Deliveries => page.GetByRole(AriaRole.Region, new() { Name = "Delivery log" }).GetByRole(AriaRole.Row);
}
