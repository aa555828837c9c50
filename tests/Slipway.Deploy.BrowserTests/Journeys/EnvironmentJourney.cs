using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

public sealed class EnvironmentJourney : BrowserJourney
{
    [Fact]
    public async Task A_staging_environment_on_the_demo_users_development_schema_is_refused_inline_then_saved_with_its_own_schema()
    {
        await SignInAsync();
        var form = await EnvironmentFormPage.OpenNewAsync(Page, 1);
        await form.FillAsync("Staging", "staging", "slipway_staging", "dbt_demo");
        await form.SaveAsync();

        // The rule of the service (422 on the API), shown at the top and next to the schema field.
        await Expect(form.Alert).ToContainTextAsync("The schema 'dbt_demo' is the development schema of user 'demo'");
        await Expect(form.Schema).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#schema-error")).ToContainTextAsync("a deployment must write to a schema no developer uses");
        await ScreenshotAsync("environment-schema-clash");

        await form.Schema.FillAsync("staging_analytics");
        await form.SaveAsync();
        await Expect(form.ListRow("Staging")).ToContainTextAsync("staging_analytics");
        await Expect(form.ListRow("Staging")).ToContainTextAsync("deployment (staging)");
        await ScreenshotAsync("environments");
    }
}
