using Slipway.Adapters;

namespace Slipway.Engine.Execution;

/// <summary>
/// Closes a command's adapter at the end of the command, or earlier on another thread: closing DuckDB checkpoints
/// its write-ahead log into the database file (a tenth of a second after a thousand models), which can run while the
/// artifacts are written. Disposing waits for that close, so nothing is left open when the command returns.
/// </summary>
internal sealed class AdapterCloser(IAdapter adapter) : IDisposable
{
    private Task? _closing;

    /// <summary>Starts closing now; the adapter must not be used after this.</summary>
    public void CloseInBackground() => _closing ??= Task.Run(adapter.Dispose);

    public void Dispose()
    {
        if (_closing is null) adapter.Dispose();
        else _closing.GetAwaiter().GetResult();
    }
}
