using Slipway.Deploy.Data;

namespace Slipway.Deploy.Workers;

/// <summary>
/// Wakes worker loops when a run is queued or a slot frees up, so that a trigger does not wait for the next poll:
/// this node's loop at once, and on PostgreSQL every other node's through <c>NOTIFY</c> (see
/// <see cref="RunNotificationListener"/>). The poll remains as the fallback.
/// </summary>
internal sealed class RunSignal
{
    public const string Channel = "slipway_runs";

    private readonly SemaphoreSlim signal = new(0, 1);

    public void Raise()
    {
        try
        {
            if (signal.CurrentCount == 0) signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Raised twice at once: one wake-up is enough.
        }
    }

    /// <summary>A run was queued (saved) through <paramref name="db"/>: wakes this node, and the others on PostgreSQL.</summary>
    public async Task QueuedAsync(DeployDbContext db, CancellationToken ct)
    {
        Raise();
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("NOTIFY " + Channel, ct);
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
