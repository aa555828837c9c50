using Slipway.Engine.Contexts;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>
/// dbt 1.10's <c>--sample</c>: a relative window (<c>"3 days"</c>: from the start of the day three days ago until
/// now; grains hour, day, month, year, singular or plural) or a fixed one (<c>"{'start': '2024-01-01', 'end':
/// '2024-02-01'}"</c>). Refs and sources with an <c>event_time</c> are filtered to it.
/// </summary>
internal static class SampleWindow
{
    public static EventTimeWindow? Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.StartsWith('{'))
        {
            var spec = Invocation.ParseVars(text);
            DateTimeOffset? Bound(string key) => spec.TryGetValue(key, out var v) && v is not null ? BatchPlanner.ParseTime(v, $"--sample's '{key}'") : null;
            var window = new EventTimeWindow(Bound("start"), Bound("end"));
            if (window.Start is null || window.End is null)
                throw new ProjectException($"--sample '{text}' needs both 'start' and 'end'.");
            return window;
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
            throw new ProjectException($"Cannot load --sample from '{text}'; expected 'COUNT GRAIN' (such as '3 days') or a dictionary with start and end.");
        if (!int.TryParse(parts[0], out var count))
            throw new ProjectException($"--sample '{text}': '{parts[0]}' is not an integer.");
        var grain = parts[1].ToLowerInvariant().TrimEnd('s');
        if (grain is not ("hour" or "day" or "month" or "year"))
            throw new ProjectException($"--sample '{text}': invalid grain '{parts[1]}'; expected one of hour, day, month, year (or their plurals).");
        var planner = BatchPlanner.ForSize(grain);
        return new EventTimeWindow(planner.Offset(now, -count), now);
    }
}
