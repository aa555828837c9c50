using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Connections;
using Slipway.Deploy.Credentials;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Data;

/// <summary>The service's metadata: SQLite by default, PostgreSQL when several nodes share it.</summary>
internal sealed class DeployDbContext(DbContextOptions<DeployDbContext> options) : DbContext(options)
{
    public DbSet<SchemaVersion> SchemaVersions => Set<SchemaVersion>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<ServiceToken> ServiceTokens => Set<ServiceToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<DeployEnvironment> Environments => Set<DeployEnvironment>();
    public DbSet<EnvironmentVariable> EnvironmentVariables => Set<EnvironmentVariable>();
    public DbSet<DevelopmentCredential> DevelopmentCredentials => Set<DevelopmentCredential>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<RunStep> RunSteps => Set<RunStep>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<SchemaVersion>().ToTable("slipway_schema").HasKey(v => v.Version);
        model.Entity<SchemaVersion>().Property(v => v.Version).ValueGeneratedNever();
        model.Entity<User>().ToTable("users").HasIndex(u => u.Username).IsUnique();
        model.Entity<ProjectMember>().ToTable("project_members").HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
        model.Entity<ServiceToken>().ToTable("service_tokens").HasIndex(t => t.Hash).IsUnique();
        model.Entity<AuditEntry>().ToTable("audit_log").HasIndex(a => a.At);
        model.Entity<Project>().ToTable("projects").HasIndex(p => p.Name).IsUnique();
        model.Entity<Connection>().ToTable("connections").HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        var environments = model.Entity<DeployEnvironment>().ToTable("environments");
        environments.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
        // The rules "one development environment" and "at most one staging / production" hold even when two
        // nodes write at once: partial unique indexes (same SQL for SQLite and PostgreSQL).
        environments.HasIndex(e => new { e.ProjectId, e.Type }).IsUnique()
            .HasFilter("\"Type\" = 'development'").HasDatabaseName("IX_environments_one_development");
        environments.HasIndex(e => new { e.ProjectId, e.DeploymentType }).IsUnique()
            .HasFilter("\"DeploymentType\" IN ('staging', 'production')").HasDatabaseName("IX_environments_one_staging_production");
        model.Entity<EnvironmentVariable>().ToTable("environment_variables").HasIndex(v => new { v.ProjectId, v.Name });
        model.Entity<DevelopmentCredential>().ToTable("development_credentials")
            .HasIndex(c => new { c.ProjectId, c.UserId }).IsUnique();
        model.Entity<Job>().ToTable("jobs").HasIndex(j => new { j.ProjectId, j.Name }).IsUnique();
        var runs = model.Entity<Run>().ToTable("runs");
        runs.HasIndex(r => new { r.JobId, r.ScheduledAt }).IsUnique();
        runs.HasIndex(r => new { r.Status, r.CreatedAt });
        model.Entity<RunStep>().ToTable("run_steps").HasIndex(s => new { s.RunId, s.Index }).IsUnique();
        Workers.WorkerModel.Configure(model);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
