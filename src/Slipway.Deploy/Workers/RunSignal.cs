namespace Slipway.Deploy.Workers;

/// <summary>
/// Wakes this node's worker loop when a run is queued on this node or a slot frees up, so that a trigger does not
/// wait for the next poll (the poll remains for runs queued by other nodes).
/// </summary>
internal sealed class RunSignal
{
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

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
