using System.Globalization;

namespace Slipway.Engine.Freshness;

/// <summary>
/// A source table's <c>freshness:</c> after merging (source level, then table override): <c>warn_after</c> and
/// <c>error_after</c> as count + period, and an optional <c>filter</c> for the max(loaded_at) query.
/// </summary>
internal sealed record FreshnessCriteria(long? WarnCount, string? WarnPeriod, long? ErrorCount, string? ErrorPeriod, string? Filter)
{
    /// <summary>Reads the manifest's freshness dictionary; null when freshness is off or no threshold has a count.</summary>
    public static FreshnessCriteria? From(IDictionary<string, object?>? freshness)
    {
        if (freshness is null) return null;
        (long?, string?) Read(string key) =>
            freshness.TryGetValue(key, out var v) && v is IDictionary<string, object?> d
                ? (ToLong(Get(d, "count")), Get(d, "period") as string)
                : (null, null);
        var (wc, wp) = Read("warn_after");
        var (ec, ep) = Read("error_after");
        var criteria = new FreshnessCriteria(wc, wp, ec, ep, Get(freshness, "filter") as string);
        return criteria.HasThreshold ? criteria : null;
    }

    /// <summary>dbt checks only thresholds with both a count and a period.</summary>
    public bool HasThreshold => (WarnCount is not null && WarnPeriod is not null) || (ErrorCount is not null && ErrorPeriod is not null);

    /// <summary>pass, warn or error for an age in seconds: error_after is checked first, as dbt does.</summary>
    public string Status(double ageSeconds)
    {
        if (Seconds(ErrorCount, ErrorPeriod) is { } e && ageSeconds > e) return "error";
        if (Seconds(WarnCount, WarnPeriod) is { } w && ageSeconds > w) return "warn";
        return "pass";
    }

    public static double? Seconds(long? count, string? period) => count is { } c && period is not null
        ? c * period switch
        {
            "minute" => 60d,
            "hour" => 3600d,
            "day" => 86400d,
            _ => throw new Project.ProjectException($"Freshness period '{period}' is not one of minute, hour, day."),
        }
        : null;

    internal static object? Get(IDictionary<string, object?>? d, string key) => d is not null && d.TryGetValue(key, out var v) ? v : null;

    private static long? ToLong(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };
}
