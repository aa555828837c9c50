namespace Slipway.Adapters.Postgres.Tests;

/// <summary>Work on a thread of its own (so on a connection of its own), joined with a timeout.</summary>
internal sealed class Background<T>
{
    private readonly Thread _thread;
    private T _result = default!;

    public Background(Func<T> body)
    {
        _thread = new Thread(() =>
        {
            try { _result = body(); }
            catch (Exception e) { Error = e; }
        }) { IsBackground = true };
        _thread.Start();
    }

    public Exception? Error { get; private set; }

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    public T Result => Error is null ? _result : throw new InvalidOperationException("the work failed", Error);
}
