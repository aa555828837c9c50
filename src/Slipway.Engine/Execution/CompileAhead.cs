using Slipway.Engine.Compilation;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Execution;

/// <summary>
/// With one thread, a run leaves the machine's other cores idle while its node waits on the warehouse. Compile-ahead
/// renders the next ready node on a second thread meanwhile, so its SQL is ready when its turn comes. It never runs
/// SQL, logs or changes a node: the render is speculative (<see cref="Speculation"/>) and is dropped the moment the
/// template reaches the database or the log (<c>is_incremental()</c>, <c>run_query</c>, <c>log</c>, …); the node is
/// then compiled in its turn as always. It needs a core nobody else wants: embedded DuckDB runs each query on every
/// core, so with DuckDB it is on from three cores up (on two it bought 0.04 s and cost 0.05 s of CPU per 1,000
/// models); a remote warehouse leaves the machine idle while it works. <c>SLIPWAY_COMPILE_AHEAD=1</c> or <c>0</c>
/// overrides that choice.
/// </summary>
internal sealed class CompileAhead : IDisposable
{
    private readonly Compiler _compiler;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private ManifestNode? _offered;
    private string? _rendering;
    private bool _stopped;

    public CompileAhead(Compiler compiler)
    {
        _compiler = compiler;
        // One long-lived thread: a thread-pool task per node spun idle workers awake a thousand times a run.
        _thread = new Thread(Loop) { Name = "compile-ahead", IsBackground = true };
        _thread.Start();
    }

    public static bool Enabled(int threads, string adapterType) => Environment.GetEnvironmentVariable("SLIPWAY_COMPILE_AHEAD") switch
    {
        "0" => false,
        "1" => threads == 1,
        _ => threads == 1 && (adapterType != "duckdb" || Environment.ProcessorCount > 2),
    };

    /// <summary>Asks for <paramref name="node"/> to be rendered next, unless it is not a plain compile (a newer offer replaces an older one).</summary>
    public void Offer(ManifestNode node)
    {
        if (node is SeedNode or HookNode or UnitTests.UnitTestNode || Microbatch.MicrobatchRunner.Applies(node)) return;
        lock (_gate)
        {
            if (_rendering == node.UniqueId) return;
            _offered = node;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Before <paramref name="node"/> compiles in its turn: waits for a render of it still under way, drops an offer of it not started.</summary>
    public void Settle(ManifestNode node)
    {
        lock (_gate)
        {
            if (_offered == node) _offered = null;
            while (_rendering == node.UniqueId) Monitor.Wait(_gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            ManifestNode node;
            lock (_gate)
            {
                while (_offered is null && !_stopped) Monitor.Wait(_gate);
                if (_stopped) return;
                node = _offered!;
                _offered = null;
                _rendering = node.UniqueId;
            }
            Speculation.Try(() => _compiler.Prerender(node));
            lock (_gate)
            {
                _rendering = null;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Stops the thread after the render under way, so none outlives the run.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _offered = null;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
    }
}
