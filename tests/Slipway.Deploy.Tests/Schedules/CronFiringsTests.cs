using Slipway.Deploy.Schedules;

namespace Slipway.Deploy.Tests.Schedules;

/// <summary>Firings of five-field crons in IANA zones; expected instants from the zones' published DST rules.</summary>
public sealed class CronFiringsTests
{
    private static DateTime Utc(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public void Nine_in_New_York_moves_an_hour_in_UTC_when_daylight_saving_starts()
    {
        var firings = new CronFirings("0 9 * * *", "America/New_York");
        // 2026-03-08 is the second Sunday of March: EST (UTC-5) before, EDT (UTC-4) from 02:00 local.
        Assert.Equal(Utc("2026-03-07T14:00:00Z"), firings.Next(Utc("2026-03-07T00:00:00Z")));
        Assert.Equal(Utc("2026-03-08T13:00:00Z"), firings.Next(Utc("2026-03-07T15:00:00Z")));
    }

    [Fact]
    public void Day_of_week_uses_Unix_numbering()
    {
        // 2026-11-27 is a Friday; 1 is Monday in Unix cron; Paris is UTC+1 in November.
        Assert.Equal(Utc("2026-11-30T08:00:00Z"), new CronFirings("0 9 * * 1", "Europe/Paris").Next(Utc("2026-11-27T12:00:00Z")));
        // 0 and 7 are both Sunday.
        Assert.Equal(Utc("2026-11-29T09:00:00Z"), new CronFirings("0 9 * * 0", "UTC").Next(Utc("2026-11-27T12:00:00Z")));
        Assert.Equal(Utc("2026-11-29T09:00:00Z"), new CronFirings("0 9 * * 7", "UTC").Next(Utc("2026-11-27T12:00:00Z")));
    }

    [Fact]
    public void After_downtime_only_the_latest_missed_firing_is_due()
    {
        var firings = new CronFirings("*/5 * * * *", "UTC");
        Assert.Equal(Utc("2026-11-27T10:25:00Z"), firings.Due(Utc("2026-11-27T08:00:00Z"), Utc("2026-11-27T10:27:10Z")));
        Assert.Null(firings.Due(Utc("2026-11-27T10:25:00Z"), Utc("2026-11-27T10:29:59Z")));
    }
}
