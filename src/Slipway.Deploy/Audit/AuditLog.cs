using Slipway.Deploy.Data;

namespace Slipway.Deploy.Audit;

/// <summary>Adds audit entries to the unit of work; they are saved with the change they describe.</summary>
internal sealed class AuditLog(DeployDbContext db)
{
    public void Record(string actor, string action, int? projectId = null, string? target = null, string? detail = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTime.UtcNow, Actor = actor, Action = action, ProjectId = projectId, Target = target, Detail = detail,
        });
}
