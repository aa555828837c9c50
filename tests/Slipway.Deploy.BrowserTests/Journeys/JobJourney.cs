using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

public sealed class JobJourney : BrowserJourney
{
    [Fact]
    public async Task A_job_with_two_commands_and_a_weekday_cron_shows_its_next_five_firings_in_its_zone_and_is_saved()
    {
        await SignInAsync();
        var form = await JobFormPage.OpenNewAsync(Page, 1);
        await form.NameAsync("Weekday marts");

        // Checked as you type with the CLI's parser: an unknown command is named with its line.
        await form.Commands.FillAsync("dbt seed\ndbt rnu --select marts");
        await Expect(form.CommandsCheck).ToContainTextAsync("Line 2:");
        await form.Commands.FillAsync("dbt seed\ndbt run --select marts");
        await Expect(form.CommandsCheck).ToBeEmptyAsync();

        // 07:30 on weekdays in New York: every firing is a Monday to Friday at 07:30 local time.
        await form.ScheduleAsync("30 7 * * 1-5", "America/New_York");
        await Expect(form.Firings).ToHaveCountAsync(5);
        foreach (var firing in await form.Firings.AllTextContentsAsync())
            Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 07:30 America/New_York \((11|12):30 UTC\)$", firing);
        await ScreenshotAsync("job-form-cron-preview");

        var job = await form.SaveAsync();
        await Expect(job.Heading).ToHaveTextAsync("Weekday marts");
        await Expect(job.Settings).ToContainTextAsync("dbt run --select marts");
        await Expect(job.Settings).ToContainTextAsync("30 7 * * 1-5 (America/New_York)");
        await ScreenshotAsync("job-page");
    }
}
