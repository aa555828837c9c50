using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

/// <summary>An administrator's settings: a viewer is added and sees a read-only UI, a webhook hears a run, both are undone.</summary>
public sealed class SettingsJourney : BrowserJourney
{
    private const string ViewerPassword = "Harbor-Viewer-2026";

    [Fact]
    public async Task A_viewer_added_in_settings_sees_no_Run_now_a_webhook_logs_its_delivery_then_the_viewer_is_deactivated_and_the_webhook_deleted()
    {
        using var receiver = new WebhookReceiver();
        await SignInAsync();

        var users = await SettingsPages.OpenAsync(Page, "Users and roles");
        await users.AddUserAsync("vera", ViewerPassword, "Harbor Shop", "viewer");
        await Expect(users.Status).ToContainTextAsync("User 'vera' added.");
        await Expect(users.Row("vera")).ToContainTextAsync("Harbor Shop: viewer");
        await Expect(users.Row("vera")).ToContainTextAsync("active");
        await ScreenshotAsync("settings-users");

        // Vera, in a browser of her own: she reads the job but is offered no Run now, and no service settings.
        var vera = await NewPageAsync();
        await (await SignInPage.OpenAsync(vera)).SignInAsync("vera", ViewerPassword);
        var job = await JobPage.OpenAsync(vera, 1, 1);
        await Expect(job.Heading).ToHaveTextAsync("Daily production build");
        await Expect(job.RunNowSection).ToContainTextAsync("Your role on this project (viewer) cannot start runs");
        await Expect(job.RunNowButton).ToHaveCountAsync(0);
        await Expect(vera.GetByRole(AriaRole.Link, new() { Name = "Edit job" })).ToHaveCountAsync(0);
        await ScreenshotAsync("viewer-job-page", vera);
        await vera.GotoAsync("/projects/1/environments");
        await Expect(vera.GetByRole(AriaRole.Link, new() { Name = "Production" })).ToBeVisibleAsync();
        await Expect(vera.GetByRole(AriaRole.Link, new() { Name = "New environment" })).ToHaveCountAsync(0);
        await vera.GotoAsync("/settings");
        await Expect(new SettingsPages(vera).Nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["My API tokens"]);
        await vera.GotoAsync("/settings/users");
        await Expect(vera.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only a service administrator can do this.");

        // A webhook on a loopback receiver, edited to hear only the start of runs.
        var hooks = await SettingsPages.OpenAsync(Page, "Webhooks");
        await hooks.AddWebhookAsync("Ops receiver", receiver.Url, "job.run.errored");
        await Expect(hooks.Status).ToContainTextAsync("Copy its signing secret now");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ops receiver" }).ClickAsync();
        await Page.GetByLabel("Name").FillAsync("Ops hook");
        await Page.GetByLabel("job.run.completed").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();
        await Expect(hooks.Status).ToContainTextAsync("Webhook saved.");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Webhook Ops hook");
        await Expect(Page.GetByLabel("job.run.completed")).Not.ToBeCheckedAsync();
        await Expect(Page.GetByLabel("job.run.started")).ToBeCheckedAsync();
        var hookPage = Page.Url;

        var run = await (await JobPage.OpenAsync(Page, 1, 1)).RunNowAsync();
        await Expect(run.Heading).ToContainTextAsync("Run #2");
        // Run #1 of the demo may have started after the webhook was added too: its event is passed over.
        string body;
        do body = await receiver.NextAsync(TimeSpan.FromSeconds(90));
        while (!body.Contains("\"runId\":\"2\"", StringComparison.Ordinal));
        Assert.Contains("\"eventType\":\"job.run.started\"", body);
        // The delivery is logged right after the receiver answered; the page shows it once it is in the log.
        await Page.GotoAsync(hookPage);
        await ReloadUntilAsync(hooks.Deliveries.Filter(new() { HasText = "#2" }));
        await Expect(hooks.Deliveries.Filter(new() { HasText = "#2" })).ToContainTextAsync("job.run.started");
        await Expect(hooks.Deliveries.Filter(new() { HasText = "#2" })).ToContainTextAsync("delivered (200)");
        await ScreenshotAsync("settings-webhook-deliveries");

        // Vera is deactivated: her session ends at her next request and she cannot sign in again.
        users = await SettingsPages.OpenAsync(Page, "Users and roles");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deactivate vera" }).ClickAsync();
        await Expect(users.Row("vera")).ToContainTextAsync("deactivated");
        await vera.GotoAsync("/projects/1/jobs/1");
        var signIn = new SignInPage(vera);
        await Expect(vera.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await signIn.SubmitAsync("vera", ViewerPassword);
        await Expect(signIn.Error).ToContainTextAsync("This user is deactivated");

        await Page.GotoAsync(hookPage);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete webhook" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Project webhooks" })).ToContainTextAsync("No webhooks yet.");

        await SettingsPages.OpenAsync(Page, "Audit log");
        foreach (var action in new[] { "user.created", "webhook.updated", "user.deactivated", "webhook.deleted" })
            await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = action, Exact = true }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Audit log pages" })).ToContainTextAsync("Page 1 of 1");
        await ScreenshotAsync("settings-audit-log");
    }

    /// <summary>Reloads until <paramref name="locator"/> is on the page: for a static page whose data is written by the service meanwhile.</summary>
    private async Task ReloadUntilAsync(ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await locator.CountAsync() == 0 && DateTime.UtcNow < deadline)
            await Page.ReloadAsync();
    }
}
