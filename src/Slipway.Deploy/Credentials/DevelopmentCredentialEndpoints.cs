using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Credentials;

/// <summary>
/// <c>/api/v1/projects/{p}/development-credentials</c>: each developer's own warehouse user, password and
/// schema (default <c>dbt_&lt;username&gt;</c>). Project admins can list them (never the passwords).
/// </summary>
internal static class DevelopmentCredentialEndpoints
{
    internal sealed record DevelopmentCredentialRequest(string? WarehouseUser, string? Password, string? Schema);

    public static void MapDevelopmentCredentials(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/development-credentials").WithTags("credentials");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var list = await (from c in db.DevelopmentCredentials
                              join u in db.Users on c.UserId equals u.Id
                              where c.ProjectId == projectId
                              orderby u.Username
                              select new { c, u.Username }).ToListAsync(ct);
            return TypedResults.Ok(list.Select(x => View(x.c, x.Username)));
        });
        api.MapGet("/me", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Develop, ct);
            var userId = access.Actor.UserId;
            var credential = await db.DevelopmentCredentials.FirstOrDefaultAsync(c => c.ProjectId == projectId && c.UserId == userId, ct)
                ?? throw ApiException.NotFound("Your development credentials");
            return TypedResults.Ok(View(credential, access.Actor.Username));
        });
        api.MapPut("/me", async (int projectId, DevelopmentCredentialRequest request, Access access, DeployDbContext db, ProjectRules rules,
            SecretBox secrets, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Develop, ct);
            if (string.IsNullOrWhiteSpace(request.WarehouseUser))
                throw ApiException.Invalid("warehouse_user", "Your warehouse user is required.");
            var schema = string.IsNullOrWhiteSpace(request.Schema) ? DefaultSchema(access.Actor.Username) : request.Schema.Trim();
            await rules.CheckDevelopmentSchemaAsync(projectId, schema, ct);
            await rules.CheckDevelopmentUserAsync(projectId, request.WarehouseUser.Trim(), ct);
            var userId = access.Actor.UserId;
            var credential = await db.DevelopmentCredentials.FirstOrDefaultAsync(c => c.ProjectId == projectId && c.UserId == userId, ct);
            if (credential is null)
                db.DevelopmentCredentials.Add(credential = new DevelopmentCredential { ProjectId = projectId, UserId = userId, WarehouseUser = "", Schema = "" });
            credential.WarehouseUser = request.WarehouseUser.Trim();
            credential.Schema = schema;
            if (request.Password is not null) credential.PasswordSecret = secrets.Protect(request.Password);
            credential.UpdatedAt = DateTime.UtcNow;
            new AuditLog(db).Record(access.Actor.Display, "credentials.development_set", projectId, access.Actor.Username,
                request.Password is null ? null : "password changed");
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(View(credential, access.Actor.Username));
        });
        api.MapDelete("/me", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Develop, ct);
            var userId = access.Actor.UserId;
            var deleted = await db.DevelopmentCredentials.Where(c => c.ProjectId == projectId && c.UserId == userId).ExecuteDeleteAsync(ct);
            if (deleted == 0) throw ApiException.NotFound("Your development credentials");
            new AuditLog(db).Record(access.Actor.Display, "credentials.development_deleted", projectId, access.Actor.Username);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary><c>dbt_</c> and the username folded to an unquoted SQL identifier.</summary>
    public static string DefaultSchema(string username) =>
        "dbt_" + new string(username.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static object View(DevelopmentCredential c, string username) => new
    {
        project_id = c.ProjectId, user_id = c.UserId, username, warehouse_user = c.WarehouseUser, schema = c.Schema,
        has_password = c.PasswordSecret is not null, updated_at = c.UpdatedAt,
    };
}
