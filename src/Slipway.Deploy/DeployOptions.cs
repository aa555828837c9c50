namespace Slipway.Deploy;

/// <summary>How <c>slipway serve</c> was started.</summary>
public sealed class DeployOptions
{
    /// <summary>Folder for the SQLite database, the key ring, checkouts and artifacts.</summary>
    public string DataDir { get; set; } = Path.Combine(Directory.GetCurrentDirectory(), ".slipway");

    /// <summary>A PostgreSQL connection string (<c>Host=…</c>), a SQLite one (<c>Data Source=…</c>), or null for SQLite in the data dir.</summary>
    public string? Database { get; set; }

    /// <summary>Password of the <c>admin</c> user created on first start; without it a one-time setup token is printed.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Where the first-start setup token is printed (the console by default; never the log).</summary>
    public TextWriter SetupOutput { get; set; } = Console.Out;

    /// <summary>
    /// Checks that a job command (its words, without a leading dbt) parses as a slipway/dbt command; returns the error sentence or null.
    /// The CLI supplies its real parser; without it a minimal check of the command word applies.
    /// </summary>
    public Func<IReadOnlyList<string>, string?>? CheckCommand { get; set; }

    /// <summary>
    /// <c>serve --demo</c>: on an empty database, seed a demo project (git repository from the bundled sample, DuckDB
    /// connection, environments, a scheduled job, a demo admin and API token) and queue one run.
    /// </summary>
    public bool Demo { get; set; }
    /// <summary>This node's workers: slots, lease and heartbeat intervals, the engine to start.</summary>
    public Workers.WorkerSettings Workers { get; set; } = new();

    /// <summary>SMTP server and webhook retry policy for run notifications.</summary>
    public Notifications.NotificationSettings Notifications { get; set; } = new();

    internal bool IsPostgres => Database is not null && Database.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
