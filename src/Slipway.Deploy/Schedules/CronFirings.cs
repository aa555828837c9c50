using Quartz;

namespace Slipway.Deploy.Schedules;

/// <summary>
/// A job's five-field cron (minute hour day-of-month month day-of-week, Unix numbering) in its IANA time zone,
/// computed by Quartz.NET's <see cref="CronExpression"/> (which handles daylight-saving changes of the zone).
/// </summary>
internal sealed class CronFirings
{
    private readonly CronExpression expression;

    public CronFirings(string cron, string? timeZone)
    {
        // Quartz reads the Unix crontab dialect itself (0 and 7 are Sunday; day-of-month and day-of-week as cron has them).
        expression = CronExpression.Parse(cron, CronFormat.Unix)
            .WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone));
    }

    public DateTime? Next(DateTime afterUtc) => expression.GetNextValidTimeAfter(new DateTimeOffset(afterUtc, TimeSpan.Zero))?.UtcDateTime;

    /// <summary>
    /// The firing to run now: the latest one after <paramref name="sinceUtc"/> and not after <paramref name="nowUtc"/>.
    /// Firings missed while no node was up collapse into that single catch-up.
    /// </summary>
    public DateTime? Due(DateTime sinceUtc, DateTime nowUtc)
    {
        DateTime? due = null;
        var at = sinceUtc;
        for (var i = 0; i < 1_000_000 && Next(at) is { } next && next <= nowUtc; i++) due = at = next;
        return due;
    }
}
