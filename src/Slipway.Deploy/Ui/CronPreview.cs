using System.Globalization;
using Slipway.Deploy.Jobs;

namespace Slipway.Deploy.Ui;

/// <summary>
/// The next firings of a five-field cron expression in an IANA time zone, for the job form's preview. Unix cron
/// rules: when both day-of-month and day-of-week are restricted a day matching either fires; local times skipped
/// by a daylight-saving change do not fire, and a repeated hour fires once.
/// </summary>
internal static class CronPreview
{
    private static readonly (int Min, int Max)[] Bounds = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The next <paramref name="count"/> firings after <paramref name="afterUtc"/>, as times in the zone; empty when the expression is invalid.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(string cron, string? timeZone, DateTime afterUtc, int count)
    {
        if (CronSchedule.Check(cron) is not null) return [];
        var zoneName = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (CronSchedule.CheckTimeZone(zoneName) is not null || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone)) return [];
        var parts = cron.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var sets = new bool[5][];
        for (var i = 0; i < 5; i++) sets[i] = Expand(parts[i], i);
        if (sets[4][7]) sets[4][0] = true;
        var domRestricted = parts[2] != "*";
        var dowRestricted = parts[4] != "*";

        var result = new List<DateTimeOffset>();
        var startLocal = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), zone).Date;
        for (var day = startLocal; day < startLocal.AddYears(5) && result.Count < count; day = day.AddDays(1))
        {
            if (!sets[3][day.Month]) continue;
            var domMatch = sets[2][day.Day];
            var dowMatch = sets[4][(int)day.DayOfWeek];
            var dayMatch = domRestricted && dowRestricted ? domMatch || dowMatch : domMatch && dowMatch;
            if (!dayMatch) continue;
            for (var hour = 0; hour < 24 && result.Count < count; hour++)
            {
                if (!sets[1][hour]) continue;
                for (var minute = 0; minute < 60 && result.Count < count; minute++)
                {
                    if (!sets[0][minute]) continue;
                    var local = day.AddHours(hour).AddMinutes(minute);
                    if (zone.IsInvalidTime(local)) continue;
                    var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
                    var firing = new DateTimeOffset(local, offset);
                    if (firing.UtcDateTime > afterUtc) result.Add(firing);
                }
            }
        }
        return result;
    }

    private static bool[] Expand(string field, int index)
    {
        var (min, max) = Bounds[index];
        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var step = 1;
            var range = item;
            if (item.IndexOf('/') is var slash and >= 0)
            {
                step = int.Parse(item[(slash + 1)..], CultureInfo.InvariantCulture);
                range = item[..slash];
            }
            int from, to;
            if (range == "*") (from, to) = (min, max);
            else if (range.IndexOf('-') is var dash and > 0) (from, to) = (Value(range[..dash], index), Value(range[(dash + 1)..], index));
            else (from, to) = (Value(range, index), item.Contains('/') ? max : Value(range, index));
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return set;
    }

    private static int Value(string text, int index)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        var upper = text.ToUpperInvariant();
        return index == 3 ? Array.IndexOf(Months, upper) + 1 : Array.IndexOf(Days, upper);
    }
}
