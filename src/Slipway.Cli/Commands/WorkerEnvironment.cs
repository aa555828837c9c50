using System.Globalization;
using Slipway.Deploy.Workers;

namespace Slipway.Cli.Commands;

/// <summary>
/// Worker settings of <c>serve</c> and <c>worker</c> from the environment (tests, benchmarks, small setups):
/// <c>SLIPWAY_WORKER_LEASE_SECONDS</c> (the heartbeat stays a third of it), <c>SLIPWAY_WORKER_SLOTS</c> (0: this node
/// executes no runs but still schedules and reaps), <c>SLIPWAY_WORKER_POLL_MS</c>, <c>SLIPWAY_SCHEDULER_SECONDS</c>.
/// </summary>
internal static class WorkerEnvironment
{
    public static void Apply(WorkerSettings workers)
    {
        if (Number("SLIPWAY_WORKER_LEASE_SECONDS") is > 0 and var lease)
        {
            workers.Lease = TimeSpan.FromSeconds(lease);
            workers.Heartbeat = TimeSpan.FromSeconds(lease / 3.0);
        }
        if (Number("SLIPWAY_WORKER_SLOTS") is >= 0 and var slots) workers.Slots = (int)slots;
        if (Number("SLIPWAY_WORKER_POLL_MS") is > 0 and var poll) workers.PollInterval = TimeSpan.FromMilliseconds(poll);
        if (Number("SLIPWAY_SCHEDULER_SECONDS") is > 0 and var scheduler) workers.SchedulerInterval = TimeSpan.FromSeconds(scheduler);
    }

    private static double? Number(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
