using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slipway.Deploy.Data;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Data;

/// <summary>
/// The rules that must hold when several nodes write at once live in the schema: a direct insert that breaks them
/// is refused by the database itself (SQLite and PostgreSQL alike).
/// </summary>
public abstract class SchemaRuleTests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private DeployDbContext NewContext(out IServiceScope scope)
    {
        Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);
        service.Factory.CreateClient();
        scope = service.Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DeployDbContext>();
    }

    [SkippableFact]
    public async Task A_scheduled_firing_becomes_exactly_one_run()
    {
        var db = NewContext(out var scope);
        using var _ = scope;
        var firing = new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);
        var jobId = 1000 + Random.Shared.Next(100000);
        Run Firing() => new()
        {
            ProjectId = 1, JobId = jobId, EnvironmentId = 1, TriggerKind = "schedule", Cause = "Scheduled", TriggeredBy = "scheduler",
            ScheduledAt = firing, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Runs.Add(Firing());
        await db.SaveChangesAsync();
        db.Runs.Add(Firing());
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        // Runs without a scheduled time (API, manual) are never limited.
        foreach (var run in new[] { Firing(), Firing() })
        {
            run.ScheduledAt = null;
            run.TriggerKind = "api";
            db.Runs.Add(run);
        }
        await db.SaveChangesAsync();
        Assert.Equal(3, await db.Runs.CountAsync(r => r.JobId == jobId));
    }

    [SkippableFact]
    public async Task At_most_one_production_environment_even_without_the_API_check()
    {
        var db = NewContext(out var scope);
        using var _ = scope;
        var projectId = 1000 + Random.Shared.Next(100000);
        DeployEnvironment Production(string name) => new()
        {
            ProjectId = projectId, Name = name, Type = "deployment", DeploymentType = "production", CredentialSchema = name,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Environments.Add(Production("p1"));
        await db.SaveChangesAsync();
        db.Environments.Add(Production("p2"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Environments.Add(new DeployEnvironment
        {
            ProjectId = projectId, Name = "g1", Type = "deployment", DeploymentType = "general", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        db.Environments.Add(new DeployEnvironment
        {
            ProjectId = projectId, Name = "g2", Type = "deployment", DeploymentType = "general", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteSchemaRuleTests(SqliteService service) : SchemaRuleTests<SqliteService>(service);

public sealed class PostgresSchemaRuleTests(PostgresService service) : SchemaRuleTests<PostgresService>(service);
