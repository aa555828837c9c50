using System.Globalization;

namespace Slipway.Deploy.Jobs;

/// <summary>
/// Checks a five-field cron expression (minute hour day-of-month month day-of-week, as dbt Cloud writes them)
/// and an IANA time zone; each error names the field and says what was expected.
/// </summary>
internal static class CronSchedule
{
    private sealed record Field(string Name, int Min, int Max, string[]? Names = null);

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59),
        new("hour", 0, 23),
        new("day-of-month", 1, 31),
        new("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        // 0 and 7 are both Sunday, as in Unix cron.
        new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Null when valid, else one sentence saying what is wrong.</summary>
    public static string? Check(string cron)
    {
        var parts = cron.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
            return $"The cron expression '{cron}' has {parts.Length} fields; expected 5 (minute hour day-of-month month day-of-week).";
        for (var i = 0; i < 5; i++)
            if (CheckField(Fields[i], parts[i]) is { } error) return $"In the cron expression '{cron}', {error}";
        return null;
    }

    /// <summary>Null when <paramref name="timeZone"/> is a known IANA time zone, else the error.</summary>
    public static string? CheckTimeZone(string timeZone) =>
        timeZone.Contains('/') || timeZone == "UTC"
            ? TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? null : $"'{timeZone}' is not a known IANA time zone (e.g. Europe/Paris, America/New_York, UTC)."
            : $"'{timeZone}' is not an IANA time zone name; expected a name like Europe/Paris, America/New_York or UTC.";

    private static string? CheckField(Field field, string text)
    {
        foreach (var item in text.Split(','))
        {
            if (item.Length == 0) return $"the {field.Name} field '{text}' has an empty list item.";
            var range = item;
            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                range = item[..slash];
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                    return $"the {field.Name} step in '{item}' must be a positive whole number.";
            }
            if (range == "*") continue;
            var dash = range.IndexOf('-');
            var bounds = dash > 0 ? new[] { range[..dash], range[(dash + 1)..] } : [range];
            var values = new List<int>();
            foreach (var bound in bounds)
            {
                if (Value(field, bound) is not { } value)
                    return $"the {field.Name} value '{bound}' is not a number{(field.Names is null ? "" : " or a name")} between {field.Min} and {field.Max}.";
                values.Add(value);
            }
            if (values.Count == 2 && values[0] > values[1])
                return $"the {field.Name} range '{range}' runs backwards.";
        }
        return null;
    }

    private static int? Value(Field field, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n >= field.Min && n <= field.Max ? n : null;
        var index = field.Names is null ? -1 : Array.IndexOf(field.Names, text.ToUpperInvariant());
        return index < 0 ? null : index + (field.Name == "month" ? 1 : 0);
    }
}
