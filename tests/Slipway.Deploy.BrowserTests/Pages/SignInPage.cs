using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>The sign-in form.</summary>
public sealed class SignInPage(IPage page)
{
    public static async Task<SignInPage> OpenAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        return new SignInPage(page);
    }

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task<DashboardPage> SignInAsync(string username, string password)
    {
        await SubmitAsync(username, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return new DashboardPage(page);
    }

    public async Task SubmitAsync(string username, string password)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
