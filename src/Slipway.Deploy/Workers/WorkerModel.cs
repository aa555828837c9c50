using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Workers;

/// <summary>The worker's tables, added to <see cref="Data.DeployDbContext"/>'s model (schema version 2).</summary>
internal static class WorkerModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<RunLease>().ToTable("run_leases").HasKey(l => l.RunId);
        model.Entity<RunLease>().Property(l => l.RunId).ValueGeneratedNever();
        model.Entity<RunLease>().HasIndex(l => l.ExpiresAt);
        model.Entity<RunEvent>().ToTable("run_events").HasIndex(e => new { e.RunId, e.Id });
        model.Entity<ModelTiming>().ToTable("run_model_timings").HasIndex(t => new { t.RunId, t.StepIndex });
        model.Entity<Schedules.CommitWatch>().ToTable("commit_watches").HasKey(w => w.JobId);
        model.Entity<Schedules.CommitWatch>().Property(w => w.JobId).ValueGeneratedNever();
        model.Entity<Notifications.Webhook>().ToTable("webhooks").HasIndex(w => w.ProjectId);
        model.Entity<Notifications.WebhookDelivery>().ToTable("webhook_deliveries").HasIndex(d => new { d.WebhookId, d.Id });
        // Runs of one job are serial on every node: at most one run of a job is starting or running, whichever
        // worker claimed it (development runs have no job and are not limited).
        model.Entity<Run>().HasIndex(r => r.JobId).IsUnique()
            .HasFilter("\"Status\" IN (2, 3)").HasDatabaseName("IX_runs_one_active_per_job");
    }
}
