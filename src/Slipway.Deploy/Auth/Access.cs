using Slipway.Deploy.Api;
using Slipway.Deploy.Data;
using Slipway.Deploy.Projects;

namespace Slipway.Deploy.Auth;

/// <summary>
/// Object-level authorization: every handler asks here before it reads or writes a project's objects.
/// A project that exists but is not the caller's is 403 (not 404), as the issue asks.
/// </summary>
internal sealed class Access(DeployDbContext db, IHttpContextAccessor http)
{
    private Actor? actor;

    public Actor Actor => actor ??= Actor.From(http.HttpContext!.User)
        ?? throw new ApiException(401, "unauthenticated", "Sign in or send an API token.");

    public async Task<Project> ProjectAsync(int projectId, Permission permission, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw ApiException.NotFound($"Project {projectId}");
        await RequireAsync(projectId, permission, cancellationToken);
        return project;
    }

    public async Task RequireAsync(int projectId, Permission permission, CancellationToken cancellationToken)
    {
        if (!Actor.ScopeAllows(permission))
            throw ApiException.Forbidden($"The token's scopes do not allow '{permission.ToString().ToLowerInvariant()}' actions.");
        if (Actor.IsAdmin) return;
        var role = await RoleAsync(projectId, cancellationToken);
        if (role is null || role < MinimumRole(permission))
            throw ApiException.Forbidden($"You need the {MinimumRole(permission)} role on project {projectId} to do this.");
    }

    public async Task<ProjectRole?> RoleAsync(int projectId, CancellationToken cancellationToken) =>
        Actor.IsAdmin
            ? ProjectRole.Admin
            : await db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == Actor.UserId)
                .Select(m => (ProjectRole?)m.Role).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Projects the caller may read.</summary>
    public IQueryable<Project> ReadableProjects()
    {
        if (!Actor.ScopeAllows(Permission.Read)) return db.Projects.Where(_ => false);
        if (Actor.IsAdmin) return db.Projects;
        var userId = Actor.UserId;
        return db.Projects.Where(p => db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == userId));
    }

    public void RequireServiceAdmin(Permission permission = Permission.Manage)
    {
        if (!Actor.IsAdmin) throw ApiException.Forbidden("Only a service administrator can do this.");
        if (!Actor.ScopeAllows(permission)) throw ApiException.Forbidden("The token's scopes do not allow this.");
    }

    private static ProjectRole MinimumRole(Permission permission) => permission switch
    {
        Permission.Read => ProjectRole.Viewer,
        Permission.Run => ProjectRole.JobRunner,
        Permission.Develop => ProjectRole.Developer,
        _ => ProjectRole.Admin,
    };
}
