using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Auth;

/// <summary>Users (service administrators only), the caller's API tokens, and project members.</summary>
internal static class UserEndpoints
{
    internal sealed record CreateUserRequest(string? Username, string? Password, bool IsAdmin);

    internal sealed record UpdateUserRequest(bool? IsActive);

    internal sealed record CreateTokenRequest(string? Name, string[]? Scopes);

    internal sealed record MemberRequest(string? Role);

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("users");
        api.MapGet("/users", async (Access access, DeployDbContext db, CancellationToken ct) =>
        {
            access.RequireServiceAdmin(Permission.Read);
            var users = await db.Users.OrderBy(u => u.Id).ToListAsync(ct);
            return TypedResults.Ok(users.Select(u => new { id = u.Id, username = u.Username, is_admin = u.IsAdmin, is_active = !u.IsDeactivated }));
        });
        api.MapPost("/users", async (CreateUserRequest request, Access access, DeployDbContext db, Passwords passwords, CancellationToken ct) =>
        {
            var user = await UserAccounts.CreateAsync(db, passwords, access, request.Username, request.Password, request.IsAdmin, null, null, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", new { id = user.Id, username = user.Username, is_admin = user.IsAdmin });
        });
        // Deactivate ({"is_active": false}) or reactivate a user.
        api.MapPatch("/users/{id:int}", async (int id, UpdateUserRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            access.RequireServiceAdmin();
            var user = request.IsActive is { } active
                ? await UserAccounts.SetActiveAsync(db, access, id, active, ct)
                : await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw ApiException.NotFound($"User {id}");
            return TypedResults.Ok(new { id = user.Id, username = user.Username, is_admin = user.IsAdmin, is_active = !user.IsDeactivated });
        });

        api.MapGet("/tokens", async (Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var userId = access.Actor.UserId;
            var tokens = await db.ServiceTokens.Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(ct);
            return TypedResults.Ok(tokens.Select(TokenView));
        });
        api.MapPost("/tokens", async (CreateTokenRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var (stored, token) = await UserAccounts.CreateTokenAsync(db, access, request.Name, request.Scopes, ct);
            // The only time the token is shown.
            return TypedResults.Created($"/api/v1/tokens/{stored.Id}", new { id = stored.Id, name = stored.Name, scopes = stored.Scopes.Split(','), token });
        });
        api.MapDelete("/tokens/{id:int}", async (int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var stored = await db.ServiceTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw ApiException.NotFound($"Token {id}");
            if (stored.UserId != access.Actor.UserId && !access.Actor.IsAdmin) throw ApiException.Forbidden();
            if (access.Actor.TokenId is not null && !access.Actor.ScopeAllows(Permission.Manage)) throw ApiException.Forbidden();
            stored.RevokedAt ??= DateTime.UtcNow;
            new AuditLog(db).Record(access.Actor.Display, "token.revoked", target: stored.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });

        var members = api.MapGroup("/projects/{projectId:int}/members").WithTags("members");
        members.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            var list = await (from m in db.ProjectMembers
                              join u in db.Users on m.UserId equals u.Id
                              where m.ProjectId == projectId
                              orderby u.Username
                              select new { user_id = u.Id, username = u.Username, m.Role }).ToListAsync(ct);
            return TypedResults.Ok(list.Select(m => new { m.user_id, m.username, role = Roles.Name(m.Role) }));
        });
        members.MapPut("/{userId:int}", async (int projectId, int userId, MemberRequest request, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var role = Roles.Parse(request.Role);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw ApiException.NotFound($"User {userId}");
            var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, ct);
            if (member is null) db.ProjectMembers.Add(member = new ProjectMember { ProjectId = projectId, UserId = userId });
            member.Role = role;
            new AuditLog(db).Record(access.Actor.Display, "member.set", projectId, user.Username, Roles.Name(role));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new { user_id = userId, username = user.Username, role = Roles.Name(role) });
        });
        members.MapDelete("/{userId:int}", async (int projectId, int userId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, ct)
                ?? throw ApiException.NotFound($"Member {userId}");
            db.ProjectMembers.Remove(member);
            new AuditLog(db).Record(access.Actor.Display, "member.removed", projectId, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    private static object TokenView(ServiceToken t) => new
    {
        id = t.Id, name = t.Name, prefix = t.Prefix, scopes = t.Scopes.Split(','), created_at = t.CreatedAt,
        revoked_at = t.RevokedAt, is_active = t.RevokedAt is null,
    };
}
