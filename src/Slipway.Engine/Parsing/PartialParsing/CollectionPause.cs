using System.Runtime;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// A warm start decodes the cache into some 200 MB of objects (10,000 models) that all live until the process
/// ends, so every garbage collection meanwhile only copies them: at 10k models the gen-1 and gen-2 pauses were
/// ≈ 0.25 s of a 0.8 s one-changed-file parse. Restoring therefore runs without collections for an allocation
/// budget sized from the cache file (<see cref="GC.TryStartNoGCRegion(long)"/>); past it the runtime collects as
/// usual, and a runtime that refuses simply collects as usual too. The peak memory stays what the objects need.
/// </summary>
internal static class CollectionPause
{
    /// <summary>Bytes a restore and re-parse allocates per byte of cache file (≈ 19 measured at 10k models), with a margin.</summary>
    private const long BytesPerCacheByte = 24;
    private const long Smallest = 16L << 20;
    private const long Largest = 1L << 30;

    /// <summary>Stops collections while the cache of <paramref name="cacheBytes"/> bytes is restored (no-op when one is already stopped).</summary>
    public static void Begin(long cacheBytes) => Start(cacheBytes * BytesPerCacheByte);

    /// <summary>Stops collections for the next <paramref name="bytes"/> of allocation (within 16 MB–1 GB), unless already stopped.</summary>
    private static void Start(long bytes)
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return;
        try { GC.TryStartNoGCRegion(Math.Clamp(bytes, Smallest, Largest)); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Another thread started one meanwhile (tests parse in parallel), or the budget is more than this runtime allows.
        }
    }

    private static int _holds;

    /// <summary>
    /// A whole command without collections, up to <paramref name="bytes"/> of allocation (past it they resume): a run
    /// of a restored project keeps the manifest to the end and makes little garbage, so collections would only copy
    /// the manifest from generation to generation. While held, the restore's <see cref="End"/> leaves the pause on;
    /// <see cref="EndForGarbage"/> (a full parse) still ends it.
    /// </summary>
    public static IDisposable Hold(long bytes)
    {
        Start(bytes);
        Interlocked.Increment(ref _holds);
        return new Held();
    }

    private sealed class Held : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            if (Interlocked.Decrement(ref _holds) == 0) EndForGarbage();
        }
    }

    /// <summary>Lets collections run again unless a command holds the pause (no-op when none is stopped, or a collection already ended it).</summary>
    public static void End()
    {
        if (Volatile.Read(ref _holds) > 0) return;
        EndForGarbage();
    }

    /// <summary>Lets collections run again now, held or not: what follows makes garbage (a full parse, an error).</summary>
    public static void EndForGarbage()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException)
        {
            // The budget ran out and the runtime collected: the pause is over already.
        }
    }
}
