using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Projects;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Environments;

/// <summary><c>/api/v1/projects/{p}/environments</c>, with the rules of <see cref="ProjectRules"/> and the one-per-project limits.</summary>
internal static class EnvironmentEndpoints
{
    internal sealed record CredentialsRequest(string? User, string? Password, string? Schema);

    internal sealed record EnvironmentRequest(string? Name, string? Type, string? DeploymentType, string? EngineVersion, string? CustomBranch,
        int? ConnectionId, string? DatabaseOverride, string? DuckdbPathOverride, int? Threads, string? TargetName,
        CredentialsRequest? Credentials, bool AcknowledgeSharedCredentials);

    public static void MapEnvironments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/environments").WithTags("environments");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok((await db.Environments.Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(ct)).Select(View));
        });
        api.MapGet("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            return TypedResults.Ok(View(await FindAsync(db, projectId, id, ct)));
        });
        api.MapPost("", async (int projectId, EnvironmentRequest request, Access access, DeployDbContext db, ProjectRules rules, SecretBox secrets, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Manage, ct);
            var environment = new DeployEnvironment { ProjectId = projectId, Name = "", Type = "", CreatedAt = DateTime.UtcNow };
            await ApplyAsync(project, environment, request, access, db, rules, secrets, ct);
            db.Environments.Add(environment);
            new AuditLog(db).Record(access.Actor.Display, "environment.created", projectId, environment.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/environments/{environment.Id}", View(environment));
        });
        api.MapPut("/{id:int}", async (int projectId, int id, EnvironmentRequest request, Access access, DeployDbContext db, ProjectRules rules, SecretBox secrets, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Manage, ct);
            var environment = await FindAsync(db, projectId, id, ct);
            await ApplyAsync(project, environment, request, access, db, rules, secrets, ct);
            new AuditLog(db).Record(access.Actor.Display, "environment.updated", projectId, environment.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(View(environment));
        });
        api.MapDelete("/{id:int}", async (int projectId, int id, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var environment = await FindAsync(db, projectId, id, ct);
            if (await db.Jobs.AnyAsync(j => j.EnvironmentId == id, ct))
                throw ApiException.Invalid("id", $"The environment '{environment.Name}' still has jobs; delete or move them first.");
            await db.EnvironmentVariables.Where(v => v.EnvironmentId == id).ExecuteDeleteAsync(ct);
            db.Environments.Remove(environment);
            new AuditLog(db).Record(access.Actor.Display, "environment.deleted", projectId, environment.Name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    public static async Task<DeployEnvironment> FindAsync(DeployDbContext db, int projectId, int id, CancellationToken ct) =>
        await db.Environments.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Id == id, ct) ?? throw ApiException.NotFound($"Environment {id}");

    internal static async Task ApplyAsync(Projects.Project project, DeployEnvironment environment, EnvironmentRequest request, Access access,
        DeployDbContext db, ProjectRules rules, SecretBox secrets, CancellationToken ct)
    {
        var projectId = project.Id;
        if (string.IsNullOrWhiteSpace(request.Name)) throw ApiException.Invalid("name", "An environment name is required.");
        var others = db.Environments.Where(e => e.ProjectId == projectId && e.Id != environment.Id);
        switch (request.Type)
        {
            case "development":
                if (request.DeploymentType is not null)
                    throw ApiException.Invalid("deployment_type", "A development environment has no deployment type.");
                if (await others.AnyAsync(e => e.Type == "development", ct))
                    throw ApiException.Invalid("type", "The project already has a development environment; a project has only one.");
                break;
            case "deployment":
                if (request.DeploymentType is not ("general" or "staging" or "production"))
                    throw ApiException.Invalid("deployment_type",
                        $"Unknown deployment type '{request.DeploymentType}'; expected general, staging or production.");
                if (request.DeploymentType != "general" && await others.AnyAsync(e => e.DeploymentType == request.DeploymentType, ct))
                    throw ApiException.Invalid("deployment_type",
                        $"The project already has a {request.DeploymentType} environment; a project has at most one.");
                break;
            default:
                throw ApiException.Invalid("type", $"Unknown environment type '{request.Type}'; expected development or deployment.");
        }
        if (request.Threads is < 1 or > 64) throw ApiException.Invalid("threads", $"Threads must be between 1 and 64, not {request.Threads}.");
        if (request.ConnectionId is { } connectionId && !await db.Connections.AnyAsync(c => c.Id == connectionId && c.ProjectId == projectId, ct))
            throw ApiException.Invalid("connection_id", $"The connection {connectionId} is not a connection of this project.");
        var engine = string.IsNullOrWhiteSpace(request.EngineVersion) || request.EngineVersion == "builtin" ? null : request.EngineVersion;
        if (engine is not null && !File.Exists(engine))
            throw ApiException.Invalid("engine_version", $"The engine executable '{engine}' does not exist; give a path to an engine or 'builtin'.");
        var branch = string.IsNullOrWhiteSpace(request.CustomBranch) ? null : request.CustomBranch.Trim();
        if (branch is not null) rules.CheckBranch(project, branch, "custom_branch");

        var credentials = request.Credentials;
        if (request.Type == "deployment")
        {
            var schema = credentials?.Schema?.Trim();
            if (string.IsNullOrEmpty(schema))
                throw ApiException.Invalid("credentials.schema", "A deployment environment needs the schema its runs write to.");
            await rules.CheckDeploymentSchemaAsync(projectId, schema, "credentials.schema", ct);
            if (credentials!.User is { Length: > 0 } user && await rules.DeveloperUsingAsync(projectId, user, ct) is { } developer)
            {
                if (!request.AcknowledgeSharedCredentials)
                    throw ApiException.Invalid("credentials.user",
                        $"The warehouse user '{user}' is developer '{developer}''s own; use a separate deployment account, or set acknowledge_shared_credentials to accept the risk.");
                new AuditLog(db).Record(access.Actor.Display, "credentials.shared_acknowledged", projectId, request.Name,
                    $"deployment credentials use developer '{developer}''s warehouse user '{user}'");
            }
        }
        environment.Name = request.Name.Trim();
        environment.Type = request.Type;
        environment.DeploymentType = request.DeploymentType;
        environment.EngineVersion = engine;
        environment.CustomBranch = branch;
        environment.ConnectionId = request.ConnectionId;
        environment.DatabaseOverride = request.DatabaseOverride;
        environment.DuckDbPathOverride = request.DuckdbPathOverride;
        environment.Threads = request.Threads;
        environment.TargetName = string.IsNullOrWhiteSpace(request.TargetName) ? (request.Type == "development" ? "dev" : "prod") : request.TargetName.Trim();
        environment.CredentialUser = credentials?.User;
        environment.CredentialSchema = credentials?.Schema?.Trim();
        if (credentials?.Password is not null)
        {
            environment.CredentialPasswordSecret = secrets.Protect(credentials.Password);
            new AuditLog(db).Record(access.Actor.Display, "credentials.deployment_password_set", projectId, environment.Name);
        }
        environment.UpdatedAt = DateTime.UtcNow;
    }

    public static object View(DeployEnvironment e) => new
    {
        id = e.Id, project_id = e.ProjectId, name = e.Name, type = e.Type, deployment_type = e.DeploymentType,
        engine_version = e.EngineVersion ?? "builtin", custom_branch = e.CustomBranch, connection_id = e.ConnectionId,
        database_override = e.DatabaseOverride, duckdb_path_override = e.DuckDbPathOverride, threads = e.Threads, target_name = e.TargetName,
        credentials = new { user = e.CredentialUser, schema = e.CredentialSchema, has_password = e.CredentialPasswordSecret is not null },
        created_at = e.CreatedAt, updated_at = e.UpdatedAt,
    };
}
