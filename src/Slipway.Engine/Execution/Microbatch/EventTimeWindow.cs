using System.Globalization;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>
/// A half-open UTC time window [start, end) on an upstream's <c>event_time</c> column: one microbatch batch, or
/// the <c>--sample</c> window. Either bound may be open. Renders dbt's filter condition, bounds printed as Python
/// prints an aware UTC datetime (<c>2024-01-01 00:00:00+00:00</c>).
/// </summary>
internal sealed record EventTimeWindow(DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary><c>field &gt;= 'start' and field &lt; 'end'</c> (a missing bound left out); null when both are open.</summary>
    public string? Filter(string field) => (Start, End) switch
    {
        ({ } s, { } e) => $"{field} >= '{PythonText(s)}' and {field} < '{PythonText(e)}'",
        ({ } s, null) => $"{field} >= '{PythonText(s)}'",
        (null, { } e) => $"{field} < '{PythonText(e)}'",
        _ => null,
    };

    /// <summary>The window both this and <paramref name="other"/> cover (dbt narrows a batch by the sample).</summary>
    public EventTimeWindow Intersect(EventTimeWindow? other) => other is null ? this : new(
        Start is { } a && other.Start is { } b ? (a > b ? a : b) : Start ?? other.Start,
        End is { } c && other.End is { } d ? (c < d ? c : d) : End ?? other.End);

    /// <summary><c>str(datetime)</c> of an aware UTC datetime: microseconds only when non-zero.</summary>
    public static string PythonText(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var micros = utc.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return (micros == 0 ? text : text + "." + micros.ToString("D6", CultureInfo.InvariantCulture)) + "+00:00";
    }
}
