using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

public sealed class SignInJourney : BrowserJourney
{
    [Fact]
    public async Task Wrong_password_is_refused_then_the_demo_admin_signs_in_and_sees_the_demo_on_the_dashboard()
    {
        var signIn = await SignInPage.OpenAsync(Page);
        await signIn.SubmitAsync("demo", "not-the-password");
        await Expect(signIn.Error).ToContainTextAsync("Wrong username or password.");

        var dashboard = await signIn.SignInAsync("demo", Service.Password);
        await Expect(dashboard.RecentRuns.GetByRole(AriaRole.Link, new() { Name = "#1" })).ToBeVisibleAsync();
        await Expect(dashboard.RecentRuns).ToContainTextAsync("Daily production build");
        await Expect(dashboard.NextScheduled).ToContainTextAsync("Europe/Amsterdam");
        await ScreenshotAsync("dashboard");

        // Settings: a new API token is shown once, then only its first characters.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Page.GetByLabel("Token name").FillAsync("ci");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copy this token now" })).ToContainTextAsync("slw_");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "My API tokens" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "ci" })).ToContainTextAsync("active");
        await ScreenshotAsync("settings");
        await Page.GotoAsync("/");

        // A phone's width: the same page, one column, nothing cut off sideways.
        await Page.SetViewportSizeAsync(390, 844);
        await Expect(dashboard.RecentRuns).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The dashboard scrolls sideways on a phone.");
        await ScreenshotAsync("dashboard-phone");
        await Page.GotoAsync("/projects/1/jobs/1");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Daily production build" })).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The job page scrolls sideways on a phone.");
        await ScreenshotAsync("job-page-phone");
    }
}
