using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Projects;

namespace Slipway.Deploy.Runs;

/// <summary>
/// <c>POST /api/v1/projects/{p}/development-runs</c>: a developer runs commands on a branch they pick, in the
/// development environment, with their own development credentials and schema. Queued like any run.
/// </summary>
internal static class DevelopmentRunEndpoints
{
    internal sealed record DevelopmentRunRequest(string? Branch, string[]? Commands, string? Cause);

    public static void MapDevelopmentRuns(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/projects/{projectId:int}/development-runs", async (int projectId, DevelopmentRunRequest request, Access access,
            DeployDbContext db, ProjectRules rules, DeployOptions options, CancellationToken ct) =>
        {
            var project = await access.ProjectAsync(projectId, Permission.Develop, ct);
            var userId = access.Actor.UserId;
            if (!await db.DevelopmentCredentials.AnyAsync(c => c.ProjectId == projectId && c.UserId == userId, ct))
                throw ApiException.Invalid("credentials", "Set your development credentials for this project first (PUT development-credentials/me).");
            var environment = await db.Environments.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Type == "development", ct)
                ?? throw ApiException.Invalid("environment", "The project has no development environment yet; an admin creates it.");
            var branch = string.IsNullOrWhiteSpace(request.Branch) ? project.DefaultBranch : request.Branch.Trim();
            rules.CheckBranch(project, branch, "branch");
            var commands = request.Commands ?? [];
            if (commands.Length == 0) throw ApiException.Invalid("commands", "A development run needs at least one command, e.g. 'dbt build'.");
            for (var i = 0; i < commands.Length; i++)
                if (JobCommands.Check(commands[i], options.CheckCommand) is { } error) throw ApiException.Invalid($"commands[{i}]", error);
            var now = DateTime.UtcNow;
            var run = new Run
            {
                ProjectId = projectId, JobId = null, DeveloperUserId = userId, EnvironmentId = environment.Id, TriggerKind = "development",
                Cause = string.IsNullOrWhiteSpace(request.Cause) ? $"Development run by {access.Actor.Username}" : request.Cause.Trim(),
                TriggeredBy = access.Actor.Display, GitBranch = branch, Status = RunStatus.Queued, CreatedAt = now, UpdatedAt = now,
                Overrides = Json.Write(new RunOverrides(null, null, null, commands, null, null, null, null)),
            };
            db.Runs.Add(run);
            await db.SaveChangesAsync(ct);
            new AuditLog(db).Record(access.Actor.Display, "run.triggered", projectId, $"run {run.Id}", $"development run on '{branch}'");
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/runs/{run.Id}", RunEndpoints.View(run, null));
        }).WithTags("runs");
    }
}
