using System.Globalization;

namespace Slipway.Deploy.Ui;

/// <summary>How the UI writes times and durations (UTC, ISO-like, the same on every page).</summary>
internal static class Format
{
    public static string Time(DateTime? utc) => utc is { } t ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string Zoned(DateTimeOffset t, string? zone) =>
        t.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + (zone ?? "UTC") + " (" + t.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC)";

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalSeconds: < 60 } s => $"{s.TotalSeconds:0.0}s",
        { TotalMinutes: < 60 } s => $"{(int)s.TotalMinutes}m {s.Seconds}s",
        var s => $"{(int)s.Value.TotalHours}h {s.Value.Minutes}m",
    };

    public static TimeSpan? RunDuration(Runs.Run run) => run.StartedAt is { } s ? (run.FinishedAt ?? DateTime.UtcNow) - s : null;
}
