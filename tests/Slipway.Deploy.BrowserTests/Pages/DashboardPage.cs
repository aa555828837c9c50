using Microsoft.Playwright;

namespace Slipway.Deploy.BrowserTests.Pages;

/// <summary>The dashboard: recent runs, failing jobs, next scheduled runs, stale sources.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading });

    public ILocator RecentRuns => Section("Recent runs");

    public ILocator NextScheduled => Section("Next scheduled runs");
}
