namespace Slipway.Engine.Execution;

/// <summary>
/// Writes a run's per-node files (<c>target/compiled</c>, <c>target/run</c>) on a thread of their own, in the order
/// given, so the node's thread goes on to the warehouse instead of comparing and writing files. <see cref="Flush"/>
/// waits for them (the run calls it before writing its artifacts) and reports the first file that could not be
/// written; disposing waits too.
/// </summary>
internal sealed class TargetFileWriter : IDisposable
{
    // Items are objects: a queue of tuples would be JIT-compiled at every start.
    private readonly Queue<FileItem> _queue = new();

    private sealed record FileItem(string Path, string Text, bool FolderReady);
    private readonly Thread _thread;
    private Exception? _failure;
    private bool _busy, _stopped;
    private const int WakeEveryMilliseconds = 5;

    public TargetFileWriter()
    {
        _thread = new Thread(Loop) { Name = "target-files", IsBackground = true };
        _thread.Start();
    }

    public void Write(string path, string text, bool folderReady = false)
    {
        lock (_queue)
        {
            _queue.Enqueue(new FileItem(path, text, folderReady));
            // The writer wakes up on its own every few milliseconds: waking it for each file would cost the node's
            // thread a system call per file. A long queue wakes it at once.
            if (_queue.Count >= 64) Monitor.PulseAll(_queue);
        }
    }

    /// <summary>Waits until every file given so far is written; throws the first write that failed.</summary>
    public void Flush()
    {
        lock (_queue)
        {
            Monitor.PulseAll(_queue);
            while (_queue.Count > 0 || _busy) Monitor.Wait(_queue);
            if (_failure is { } failure)
            {
                _failure = null;
                throw new IOException($"Could not write a file under target/: {failure.Message}", failure);
            }
        }
    }

    private void Loop()
    {
        while (true)
        {
            FileItem item;
            lock (_queue)
            {
                while (_queue.Count == 0 && !_stopped) Monitor.Wait(_queue, WakeEveryMilliseconds);
                if (_queue.Count == 0) return;
                item = _queue.Dequeue();
                _busy = true;
            }
            try
            {
                TargetFiles.Write(item.Path, item.Text, item.FolderReady);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                lock (_queue) _failure ??= e;
            }
            lock (_queue)
            {
                _busy = false;
                Monitor.PulseAll(_queue);
            }
        }
    }

    public void Dispose()
    {
        lock (_queue)
        {
            _stopped = true;
            Monitor.PulseAll(_queue);
        }
        _thread.Join();
    }
}
