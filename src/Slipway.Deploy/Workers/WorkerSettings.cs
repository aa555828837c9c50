namespace Slipway.Deploy.Workers;

/// <summary>How this node's workers behave; the defaults suit a service, tests shorten the intervals.</summary>
public sealed class WorkerSettings
{
    /// <summary>
    /// Set to <c>stdin</c> in each step's environment: the step exits when its standard input (a pipe this worker
    /// holds open) ends, so that a worker killed with -9 leaves no engine process writing to the warehouse.
    /// </summary>
    public const string ExitWithParentVariable = "SLIPWAY_EXIT_WITH_PARENT";

    /// <summary>
    /// Whether this node executes runs and fires schedules. Off unless the host turns it on (<c>slipway serve</c> and
    /// <c>slipway worker</c> do; an embedding host or a test may keep runs queued).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Runs this node executes at once (the worker-slot limit).</summary>
    public int Slots { get; set; } = 4;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a step has to stop after SIGINT (cancel, timeout) before it is killed.</summary>
    public TimeSpan CancelGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often schedules and watched branches are checked (0: never on this node).</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The engine to start for each step (program and leading arguments); null: this slipway.</summary>
    public IReadOnlyList<string>? EngineCommand { get; set; }

    /// <summary>A name unique to this worker process, stored with its leases.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}
