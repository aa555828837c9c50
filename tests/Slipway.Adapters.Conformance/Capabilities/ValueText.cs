using System.Collections;
using System.Globalization;

namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// Driver values as adapter-neutral text, so one expected row serves every warehouse: numbers without trailing
/// zeros (numeric(28,6) 1.500000 and double 1.5 are both "1.5"), booleans as true/false, timestamps as
/// "yyyy-MM-dd HH:mm:ss" with the date alone at midnight (DuckDB and Npgsql hand dates back as different .NET types),
/// arrays as [a,b], null as ∅.
/// </summary>
public static class ValueText
{
    public const string Null = "∅";

    public static string Of(object? value) => value switch
    {
        null or DBNull => Null,
        string s => s,
        bool b => b ? "true" : "false",
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => Timestamp(t),
        DateTimeOffset t => Timestamp(t.UtcDateTime),
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Of)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? Null,
    };

    private static string Timestamp(DateTime t) =>
        t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
}
