using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Microbatch;

/// <summary>
/// <c>--event-time-start</c> and <c>--event-time-end</c> as dbt 1.9 checks them before running: both or neither,
/// each a timestamp, the start before the end.
/// </summary>
internal static class EventTimeFlags
{
    public static void Validate(Invocation invocation)
    {
        var start = invocation.GetString("event_time_start");
        var end = invocation.GetString("event_time_end");
        if (start is null && end is null) return;
        if (start is null)
            throw new ProjectException("The flag `--event-time-end` was specified, but `--event-time-start` was not. When specifying `--event-time-end`, `--event-time-start` must also be present.");
        if (end is null)
            throw new ProjectException("The flag `--event-time-start` was specified, but `--event-time-end` was not. When specifying `--event-time-start`, `--event-time-end` must also be present.");
        DateTimeOffset s, e;
        try
        {
            s = BatchPlanner.ParseTime(start, "--event-time-start");
            e = BatchPlanner.ParseTime(end, "--event-time-end");
        }
        catch (Contexts.CompilerException x)
        {
            throw new ProjectException(x.Message);
        }
        if (s >= e) throw new ProjectException("Value for `--event-time-start` must be less than `--event-time-end`");
    }
}
