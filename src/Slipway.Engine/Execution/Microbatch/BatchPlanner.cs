using System.Globalization;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>A microbatch model's <c>batch_size</c>.</summary>
internal enum BatchSize { Hour, Day, Month, Year }

/// <summary>
/// Splits a microbatch model's work into batches as dbt does. The end is <c>--event-time-end</c> or the run's start
/// time, moved up to the next batch boundary. The start is <c>--event-time-start</c> (truncated to a boundary); else,
/// when the model's table does not exist yet or is fully refreshed, its <c>begin</c>; else the end moved back by
/// <c>lookback</c> batches (one more when the end sits on a boundary, so the batch before the end is redone).
/// Batches are consecutive [start, end) windows of one <c>batch_size</c>.
/// </summary>
internal sealed class BatchPlanner
{
    private readonly ManifestNode? _model;

    private BatchPlanner(BatchSize size) => Size = size;

    /// <summary>Time arithmetic alone, in steps of <paramref name="grain"/> (hour, day, month or year).</summary>
    public static BatchPlanner ForSize(string grain) => new(ParseSize(grain) ?? throw new ArgumentException(grain, nameof(grain)));

    private static BatchSize? ParseSize(string? size) => size?.ToLowerInvariant() switch
    {
        "hour" => Microbatch.BatchSize.Hour,
        "day" => Microbatch.BatchSize.Day,
        "month" => Microbatch.BatchSize.Month,
        "year" => Microbatch.BatchSize.Year,
        _ => null,
    };

    public BatchPlanner(ManifestNode model)
    {
        _model = model;
        var size = model.Config.GetString("batch_size");
        Size = ParseSize(size) ?? throw new CompilerException(size is null
                ? $"Microbatch model '{model.Name}' does not have a 'batch_size' config (one of ['hour', 'day', 'month', 'year']) specified."
                : $"Microbatch model '{model.Name}' has batch_size '{size}'; expected one of hour, day, month, year.");
        if (string.IsNullOrEmpty(model.Config.GetString("event_time")))
            throw new CompilerException($"Microbatch model '{model.Name}' must provide an 'event_time' (string) config that names the column holding each row's time.");
    }

    public BatchSize Size { get; }

    /// <summary>The batches to run, oldest first.</summary>
    public List<EventTimeWindow> Plan(bool isIncremental, DateTimeOffset? eventTimeStart, DateTimeOffset? eventTimeEnd, DateTimeOffset runStartedAt)
    {
        var end = Ceiling(eventTimeEnd ?? runStartedAt);
        DateTimeOffset start;
        if (eventTimeStart is { } s) start = Truncate(s);
        else if (!isIncremental)
        {
            if (_model is null) throw new InvalidOperationException("Planning batches needs the model.");
            var begin = _model.Config.Get("begin");
            if (begin is null or "")
                throw new CompilerException($"Microbatch model '{_model.Name}' requires a 'begin' configuration.");
            start = Truncate(ParseTime(begin, $"the 'begin' config of microbatch model '{_model.Name}'"));
        }
        else
        {
            var lookback = _model?.Config.Get("lookback") switch { long l => (int)l, double d => (int)d, string t when int.TryParse(t, out var n) => n, _ => 1 };
            // An end on a boundary closes the batch before it, so that batch counts as the first one looked back on.
            if (end == Truncate(end)) lookback++;
            start = Offset(end, -lookback);
        }
        var batches = new List<EventTimeWindow>();
        var current = start;
        do
        {
            var next = Offset(current, 1);
            batches.Add(new EventTimeWindow(current, next));
            current = next;
        }
        while (current < end);
        batches[^1] = batches[^1] with { End = end };
        return batches;
    }

    /// <summary>The start of the batch holding <paramref name="t"/>.</summary>
    public DateTimeOffset Truncate(DateTimeOffset t)
    {
        t = t.ToUniversalTime();
        return Size switch
        {
            Microbatch.BatchSize.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            Microbatch.BatchSize.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            Microbatch.BatchSize.Month => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(t.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>The batch start <paramref name="batches"/> batches away from the one holding <paramref name="t"/>.</summary>
    public DateTimeOffset Offset(DateTimeOffset t, int batches)
    {
        var truncated = Truncate(t);
        return Size switch
        {
            Microbatch.BatchSize.Hour => truncated.AddHours(batches),
            Microbatch.BatchSize.Day => truncated.AddDays(batches),
            Microbatch.BatchSize.Month => truncated.AddMonths(batches),
            _ => truncated.AddYears(batches),
        };
    }

    /// <summary>The next batch boundary at or after <paramref name="t"/>.</summary>
    public DateTimeOffset Ceiling(DateTimeOffset t) => Truncate(t) == t.ToUniversalTime() ? Truncate(t) : Offset(t, 1);

    /// <summary>dbt's batch id: the start as <c>yyyyMMdd</c>, with <c>THH</c> for hourly batches.</summary>
    public string BatchId(EventTimeWindow batch) =>
        batch.Start!.Value.UtcDateTime.ToString(Size == Microbatch.BatchSize.Hour ? "yyyyMMdd'T'HH" : "yyyyMMdd", CultureInfo.InvariantCulture);

    private static readonly string[] Formats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"];

    /// <summary>A timestamp as dbt accepts it in <c>begin</c> and <c>--event-time-start/end</c>; naive times are UTC.</summary>
    public static DateTimeOffset ParseTime(object? value, string what)
    {
        switch (value)
        {
            case DateTimeOffset dto: return dto.ToUniversalTime();
            case DateTime dt: return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
        }
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withZone))
            return withZone.ToUniversalTime();
        throw new CompilerException($"'{text}' in {what} is not a timestamp; expected a date or time such as 2024-01-01 or 2024-01-01T12:00:00.");
    }
}
