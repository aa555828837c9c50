using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Audit;

/// <summary>The audit log: service administrators see all of it, project admins their project's part.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit-log", async (int? limit, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            access.RequireServiceAdmin(Permission.Read);
            return TypedResults.Ok(View(await db.AuditLog.OrderByDescending(a => a.Id).Take(Math.Clamp(limit ?? 200, 1, 1000)).ToListAsync(ct)));
        }).WithTags("audit");
        app.MapGet("/api/v1/projects/{projectId:int}/audit-log", async (int projectId, int? limit, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            return TypedResults.Ok(View(await db.AuditLog.Where(a => a.ProjectId == projectId).OrderByDescending(a => a.Id)
                .Take(Math.Clamp(limit ?? 200, 1, 1000)).ToListAsync(ct)));
        }).WithTags("audit");
    }

    private static IEnumerable<object> View(IEnumerable<AuditEntry> entries) => entries.Select(a => new
    {
        id = a.Id, at = a.At, actor = a.Actor, action = a.Action, project_id = a.ProjectId, target = a.Target, detail = a.Detail,
    });
}
