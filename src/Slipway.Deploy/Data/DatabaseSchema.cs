using Microsoft.EntityFrameworkCore;

namespace Slipway.Deploy.Data;

/// <summary>
/// Versioned schema applied at start, for SQLite and PostgreSQL alike. Version 1 is the EF Core model as it
/// is created by the provider (the same DDL <c>dotnet ef migrations</c> would emit for an initial migration);
/// each later version is an explicit step in <see cref="Upgrades"/>, applied once and recorded in
/// <c>slipway_schema</c>. On PostgreSQL an advisory lock keeps two starting nodes from migrating at once.
/// </summary>
internal static class DatabaseSchema
{
    public const int Current = 2;

    /// <summary>Steps from version N-1 to N (index 0 is version 2).</summary>
    private static readonly Func<DeployDbContext, CancellationToken, Task>[] Upgrades =
    [
        // 2: workers (leases, state changes, model timings, one active run per job).
        ModelTables.Add(["run_leases", "run_events", "run_model_timings", "commit_watches", "webhooks", "webhook_deliveries"], ["IX_runs_one_active_per_job"]),
    ];

    public static async Task ApplyAsync(DeployDbContext db, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(85807001)", cancellationToken);
        }
        try
        {
            // EnsureCreated creates the whole model only in a database without tables, which is version 0.
            await db.Database.EnsureCreatedAsync(cancellationToken);
            // SQLite: write-ahead logging lets the API read while a worker writes step logs and heartbeats on
            // other connections (the rollback journal made those writers fail with "database is locked").
            if (!postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            var applied = await db.SchemaVersions.Select(v => (int?)v.Version).MaxAsync(cancellationToken) ?? 0;
            if (applied == 0)
            {
                // EnsureCreated made the whole current model, so every step is already in it.
                db.SchemaVersions.AddRange(Enumerable.Range(1, Current).Select(v => new SchemaVersion { Version = v, AppliedAt = DateTime.UtcNow }));
                await db.SaveChangesAsync(cancellationToken);
                applied = Current;
            }
            if (applied > Current)
                throw new InvalidOperationException(
                    $"The metadata database has schema version {applied}, newer than this slipway ({Current}); upgrade slipway.");
            for (var version = applied + 1; version <= Current; version++)
            {
                await Upgrades[version - 2](db, cancellationToken);
                db.SchemaVersions.Add(new SchemaVersion { Version = version, AppliedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(85807001)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
