using Slipway.Deploy.Api;
using Slipway.Deploy.Data;
using Slipway.Deploy.Git;

namespace Slipway.Deploy.Projects;

/// <summary>
/// The rules that keep development and deployment apart, enforced (dbt Cloud only recommends them):
/// deployment schemas differ from every development schema, deployment credentials are not a developer's
/// own warehouse user, and named branches exist.
/// </summary>
internal sealed class ProjectRules(DeployDbContext db, GitRepositories git)
{
    /// <summary>Refuses a deployment schema that is some developer's development schema.</summary>
    public async Task CheckDeploymentSchemaAsync(int projectId, string schema, string field, CancellationToken ct)
    {
        var owners = await (from c in db.DevelopmentCredentials
                            join u in db.Users on c.UserId equals u.Id
                            where c.ProjectId == projectId
                            select new { c.Schema, u.Username }).ToListAsync(ct);
        if (owners.FirstOrDefault(o => SameName(o.Schema, schema)) is { } owner)
            throw ApiException.Invalid(field,
                $"The schema '{schema}' is the development schema of user '{owner.Username}'; a deployment must write to a schema no developer uses.");
    }

    /// <summary>Refuses a development schema that a deployment environment writes to.</summary>
    public async Task CheckDevelopmentSchemaAsync(int projectId, string schema, CancellationToken ct)
    {
        var environments = await db.Environments.Where(e => e.ProjectId == projectId && e.Type == "deployment" && e.CredentialSchema != null)
            .Select(e => new { e.Name, e.CredentialSchema, e.DeploymentType }).ToListAsync(ct);
        if (environments.FirstOrDefault(e => SameName(e.CredentialSchema!, schema)) is { } taken)
            throw ApiException.Invalid("schema",
                $"The schema '{schema}' belongs to the {taken.DeploymentType} deployment environment '{taken.Name}'; choose another development schema.");
    }

    /// <summary>Refuses development credentials that use a deployment environment's warehouse account.</summary>
    public async Task CheckDevelopmentUserAsync(int projectId, string warehouseUser, CancellationToken ct)
    {
        var environments = await db.Environments.Where(e => e.ProjectId == projectId && e.Type == "deployment" && e.CredentialUser != null)
            .Select(e => new { e.Name, e.CredentialUser }).ToListAsync(ct);
        if (environments.FirstOrDefault(e => SameName(e.CredentialUser!, warehouseUser)) is { } environment)
            throw ApiException.Invalid("warehouse_user",
                $"The warehouse user '{warehouseUser}' is the deployment account of environment '{environment.Name}'; use your own warehouse user.");
    }

    /// <summary>The username of a developer of the project whose own warehouse user is <paramref name="warehouseUser"/>, if any.</summary>
    public async Task<string?> DeveloperUsingAsync(int projectId, string warehouseUser, CancellationToken ct)
    {
        var developers = await (from c in db.DevelopmentCredentials
                                join u in db.Users on c.UserId equals u.Id
                                where c.ProjectId == projectId
                                select new { c.WarehouseUser, u.Username }).ToListAsync(ct);
        return developers.FirstOrDefault(d => SameName(d.WarehouseUser, warehouseUser))?.Username;
    }

    /// <summary>Refuses a branch that is not in the project's repository.</summary>
    public void CheckBranch(Project project, string branch, string field)
    {
        IReadOnlyList<string> branches;
        try
        {
            branches = git.ListBranches(project);
        }
        catch (GitException e)
        {
            throw ApiException.Invalid(field, e.Message);
        }
        if (!branches.Contains(branch, StringComparer.Ordinal))
            throw ApiException.Invalid(field,
                $"The branch '{branch}' does not exist in the repository '{project.RepositoryUrl}' (branches: {string.Join(", ", branches.Take(20))}).");
    }

    // Warehouses fold unquoted identifiers (PostgreSQL to lower, DuckDB case-insensitive): compare without case.
    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
