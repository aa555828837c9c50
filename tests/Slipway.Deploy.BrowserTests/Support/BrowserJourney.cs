using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Slipway.Deploy.BrowserTests.Support;

/// <summary>
/// One journey: a demo service, Debian's Chromium driven by Playwright, and a page signed in as the demo admin.
/// Every journey ends with a screenshot in its results folder (TestResults/screenshots).
/// </summary>
public abstract class BrowserJourney : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    protected DemoService Service { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    /// <summary>The viewport; phone-width journeys override it.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 900 };

    /// <summary>Whether this node's workers execute queued runs (as `slipway serve` does); a journey that must find a run still waiting turns them off.</summary>
    protected virtual bool WorkersExecuteRuns => true;

    public async Task InitializeAsync()
    {
        Service = new DemoService(WorkersExecuteRuns);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--disable-gpu"] });
        Page = await NewPageAsync();
    }

    /// <summary>A page in a new browser context: its own cookies, so another user can sign in beside the demo admin.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync(new() { BaseURL = Service.BaseUrl, ViewportSize = Viewport });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        Service.Dispose();
    }

    /// <summary>Saves the whole page as <c>TestResults/screenshots/&lt;name&gt;.png</c> next to the test assembly.</summary>
    protected async Task ScreenshotAsync(string name, IPage? page = null)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await (page ?? Page).ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    protected async Task<Pages.DashboardPage> SignInAsync([CallerMemberName] string? _ = null)
    {
        var signIn = await Pages.SignInPage.OpenAsync(Page);
        return await signIn.SignInAsync("demo", Service.Password);
    }
}
