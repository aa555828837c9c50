using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Slipway.Deploy.BrowserTests.Pages;
using Slipway.Deploy.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Slipway.Deploy.BrowserTests.Journeys;

/// <summary>Cancelling a run whose step is busy in the real engine: its process ends and the page says so, live.</summary>
public sealed class CancelJourney : BrowserJourney
{
    private const string Branch = "slow-scan";

    // 10^16 pairs: DuckDB would need days, so the step is surely still running when it is cancelled. One thread keeps
    // the shared machine usable meanwhile.
    private const string SlowModel = """
        {{ config(materialized='table', pre_hook="set threads = 1") }}
        select count(*) as pairs
        from range(100000000) as a cross join range(100000000) as b
        where (a.range + b.range) % 7 = 3
        """;

    [Fact]
    public async Task A_step_busy_in_DuckDB_is_cancelled_from_the_run_page_its_process_ends_and_run_step_and_log_say_Cancelled()
    {
        DemoRepository.AddBranch(Service, Branch, new Dictionary<string, string> { ["models/slow_scan.sql"] = SlowModel });
        await SignInAsync();
        // The demo's first run writes to the same DuckDB file, which one process at a time may open: it ends first.
        await (await RunPage.OpenAsync(Page, 1, 1)).WaitForStatusAsync("Success");
        var form = await JobFormPage.OpenNewAsync(Page, 1);
        await form.NameAsync("Slow scan");
        await form.Commands.FillAsync("dbt run --select slow_scan");
        var job = await form.SaveAsync();
        await Expect(job.Heading).ToHaveTextAsync("Slow scan");

        var run = await job.RunNowOnBranchAsync(Branch);
        await Expect(run.Heading).ToContainTextAsync("Run #2");
        // Rendered while the run waited for a worker: the run's and the step's statuses below change in place.
        await Expect(run.Streaming).ToHaveCountAsync(1);
        await Expect(run.Status).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        await Expect(run.LiveStepStatus(1)).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        // dbt's start line: the engine has sent the model's query to DuckDB.
        await Expect(run.StepLog(1)).ToContainTextAsync(new Regex(@"1 of 1 START sql table model \S*slow_scan"), new() { Timeout = 60_000 });
        Assert.NotEmpty(EngineProcesses("slow_scan"));
        await ScreenshotAsync("run-long-step-running");

        await run.CancelAsync();
        await run.WaitForStatusAsync("Cancelled", 60_000);
        await Expect(run.StepStatus(1)).ToHaveTextAsync("Cancelled");
        await Expect(run.StepLog(1)).ToContainTextAsync("The step was cancelled.");
        await Expect(Page.Locator("[data-run-message]")).ToContainTextAsync("Cancelled during step 1");
        // The run is marked Cancelled only once the step's process has exited.
        Assert.Empty(EngineProcesses("slow_scan"));
        // The page reloads once the stream ends, rendering the finished run with its own buttons.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Run again" })).ToBeVisibleAsync();
        await ScreenshotAsync("run-cancelled");
    }

    /// <summary>Processes whose command line mentions <paramref name="word"/> (the engine child started for the step).</summary>
    private static List<int> EngineProcesses(string word)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(word)) found.Add(pid);
            }
            catch (IOException)
            {
                // It ended while being looked at.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}
