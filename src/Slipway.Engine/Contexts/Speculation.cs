namespace Slipway.Engine.Contexts;

/// <summary>
/// Marks the thread that renders a node ahead of its turn (a run's compile-ahead). Such a render must not observe or
/// change anything the nodes running meanwhile could: the database (any <c>adapter</c> method but the pure ones, hence
/// <c>run_query</c>, <c>statement</c>, <c>is_incremental()</c>), the log and stdout (their order is the user's view of
/// the run). Touching one abandons the render, and the node is compiled again in its turn, exactly as without
/// compile-ahead.
/// </summary>
internal static class Speculation
{
    [ThreadStatic] private static bool _active;

    public static bool Active => _active;

    /// <summary>Runs <paramref name="render"/> as a speculative render; false when it was abandoned or failed.</summary>
    public static bool Try(Action render)
    {
        _active = true;
        try
        {
            render();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Abandoned, or a genuine error: the node's own compile in its turn reports it at the right place.
            return false;
        }
        finally
        {
            _active = false;
        }
    }

    /// <summary>Abandons a speculative render that reached <paramref name="what"/>.</summary>
    public static void Check(string what)
    {
        if (_active) throw new SpeculationAbandoned(what);
    }

    private sealed class SpeculationAbandoned(string what) : Exception($"compile-ahead stopped at {what}");
}
