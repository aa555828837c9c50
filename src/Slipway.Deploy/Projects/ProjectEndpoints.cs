using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Git;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Projects;

/// <summary><c>/api/v1/projects</c>: create (service administrators), read, update, delete, and "test connection".</summary>
internal static class ProjectEndpoints
{
    internal sealed record ProjectRequest(string? Name, string? RepositoryUrl, string? DefaultBranch, string? Subdirectory,
        string? GitUsername, string? GitToken);

    public static void MapProjects(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("projects");
        api.MapGet("", async (Access access, CancellationToken ct) =>
            TypedResults.Ok((await access.ReadableProjects().OrderBy(p => p.Id).ToListAsync(ct)).Select(View)));
        api.MapPost("", async (ProjectRequest request, Access access, DeployDbContext db, SecretBox secrets, CancellationToken ct) =>
        {
            access.RequireServiceAdmin();
            var project = new Project { Name = "", RepositoryUrl = "", CreatedAt = DateTime.UtcNow };
            Apply(project, request, secrets);
            if (await db.Projects.AnyAsync(p => p.Name == project.Name, ct)) throw ApiException.Conflict($"A project named '{project.Name}' already exists.");
            db.Projects.Add(project);
            await db.SaveChangesAsync(ct);
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = access.Actor.UserId, Role = ProjectRole.Admin });
            new AuditLog(db).Record(access.Actor.Display, "project.created", project.Id, project.Name);
            if (request.GitToken is not null) new AuditLog(db).Record(access.Actor.Display, "credentials.git_token_set", project.Id, project.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{project.Id}", View(project));
        });
        api.MapGet("/{projectId:int}", async (int projectId, Access access, CancellationToken ct) =>
            TypedResults.Ok(View(await access.ProjectAsync(projectId, Permission.Read, ct))));
        api.MapPut("/{projectId:int}", async (int projectId, ProjectRequest request, Access access, DeployDbContext db, SecretBox secrets, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Manage, ct);
            Apply(project, request, secrets);
            new AuditLog(db).Record(access.Actor.Display, "project.updated", project.Id, project.Name);
            if (request.GitToken is not null) new AuditLog(db).Record(access.Actor.Display, "credentials.git_token_set", project.Id, project.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(View(project));
        });
        api.MapDelete("/{projectId:int}", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Manage, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var runIds = db.Runs.Where(r => r.ProjectId == projectId).Select(r => r.Id);
            await db.RunSteps.Where(s => runIds.Contains(s.RunId)).ExecuteDeleteAsync(ct);
            await db.Runs.Where(r => r.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.Jobs.Where(j => j.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.EnvironmentVariables.Where(v => v.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.DevelopmentCredentials.Where(c => c.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.Environments.Where(e => e.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.Connections.Where(c => c.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.ProjectMembers.Where(m => m.ProjectId == projectId).ExecuteDeleteAsync(ct);
            await db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync(ct);
            new AuditLog(db).Record(access.Actor.Display, "project.deleted", projectId, project.Name);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{projectId:int}/test-connection", async (int projectId, Access access, GitRepositories git, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Develop, ct);
            try
            {
                var branches = git.ListBranches(project);
                return TypedResults.Ok(new { ok = true, branches, default_branch_exists = branches.Contains(project.DefaultBranch) });
            }
            catch (GitException e)
            {
                throw ApiException.Invalid("repository_url", e.Message);
            }
        });
    }

    private static void Apply(Project project, ProjectRequest request, SecretBox secrets)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid("name", "A project name is required.");
        if (string.IsNullOrWhiteSpace(request.RepositoryUrl))
            throw ApiException.Invalid("repository_url", "A git repository (URL or local path) is required.");
        var subdirectory = string.IsNullOrWhiteSpace(request.Subdirectory) ? null : request.Subdirectory.Trim().Trim('/');
        if (subdirectory is not null && (Path.IsPathRooted(subdirectory) || subdirectory.Split('/').Contains("..")))
            throw ApiException.Invalid("subdirectory", $"The subdirectory '{subdirectory}' must be a relative folder inside the repository.");
        project.Name = request.Name.Trim();
        project.RepositoryUrl = request.RepositoryUrl.Trim();
        project.DefaultBranch = string.IsNullOrWhiteSpace(request.DefaultBranch) ? "main" : request.DefaultBranch.Trim();
        project.Subdirectory = subdirectory;
        project.GitUsername = request.GitUsername;
        // Write-only: a null token keeps the stored one, an empty string removes it.
        if (request.GitToken is not null) project.GitTokenSecret = secrets.Protect(request.GitToken);
        project.UpdatedAt = DateTime.UtcNow;
    }

    public static object View(Project p) => new
    {
        id = p.Id, name = p.Name, repository_url = p.RepositoryUrl, default_branch = p.DefaultBranch, subdirectory = p.Subdirectory,
        git_username = p.GitUsername, has_git_token = p.GitTokenSecret is not null, created_at = p.CreatedAt, updated_at = p.UpdatedAt,
    };
}
