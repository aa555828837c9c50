using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Secrets;

namespace Slipway.Deploy.Environments;

/// <summary>
/// <c>/api/v1/projects/{p}/environment-variables</c>: a <c>DBT_</c> variable's project default and its values per
/// environment and per job. Values of <c>DBT_ENV_SECRET_</c> variables are written, never read back.
/// </summary>
internal static class EnvironmentVariableEndpoints
{
    public const string Mask = "*****";

    internal sealed record VariableRequest(string? ProjectDefault, Dictionary<string, string?>? Environments, Dictionary<string, string?>? Jobs);

    public static bool IsSecret(string name) => name.StartsWith("DBT_ENV_SECRET_", StringComparison.Ordinal);

    public static void MapEnvironmentVariables(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/environment-variables").WithTags("environment variables");
        api.MapGet("", async (int projectId, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            var values = await db.EnvironmentVariables.Where(v => v.ProjectId == projectId).ToListAsync(ct);
            return TypedResults.Ok(values.GroupBy(v => v.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
            {
                name = g.Key,
                is_secret = IsSecret(g.Key),
                project_default = g.Where(v => v.EnvironmentId is null && v.JobId is null).Select(Shown).FirstOrDefault(),
                environments = g.Where(v => v.EnvironmentId is not null).ToDictionary(v => v.EnvironmentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown),
                jobs = g.Where(v => v.JobId is not null).ToDictionary(v => v.JobId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), Shown),
            }));
        });
        api.MapPut("/{name}", async (int projectId, string name, VariableRequest request, Access access, DeployDbContext db, SecretBox secrets, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            if (!name.StartsWith("DBT_", StringComparison.Ordinal) || name.Length == 4 || !name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
                throw ApiException.Invalid("name", $"The variable name '{name}' must start with DBT_ and hold only upper-case letters, digits and '_'.");
            var rows = new List<EnvironmentVariable>();
            if (request.ProjectDefault is not null) rows.Add(Row(projectId, name, null, null, request.ProjectDefault, secrets));
            foreach (var (key, value) in request.Environments ?? [])
            {
                if (!int.TryParse(key, out var environmentId) || !await db.Environments.AnyAsync(e => e.Id == environmentId && e.ProjectId == projectId, ct))
                    throw ApiException.Invalid($"environments.{key}", $"'{key}' is not an environment id of this project.");
                if (value is not null) rows.Add(Row(projectId, name, environmentId, null, value, secrets));
            }
            foreach (var (key, value) in request.Jobs ?? [])
            {
                if (!int.TryParse(key, out var jobId) || !await db.Jobs.AnyAsync(j => j.Id == jobId && j.ProjectId == projectId, ct))
                    throw ApiException.Invalid($"jobs.{key}", $"'{key}' is not a job id of this project.");
                if (value is not null) rows.Add(Row(projectId, name, null, jobId, value, secrets));
            }
            await db.EnvironmentVariables.Where(v => v.ProjectId == projectId && v.Name == name).ExecuteDeleteAsync(ct);
            db.EnvironmentVariables.AddRange(rows);
            new AuditLog(db).Record(access.Actor.Display, IsSecret(name) ? "credentials.secret_variable_set" : "environment_variable.set", projectId, name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
        api.MapDelete("/{name}", async (int projectId, string name, Access access, DeployDbContext db, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Manage, ct);
            var deleted = await db.EnvironmentVariables.Where(v => v.ProjectId == projectId && v.Name == name).ExecuteDeleteAsync(ct);
            if (deleted == 0) throw ApiException.NotFound($"Environment variable {name}");
            new AuditLog(db).Record(access.Actor.Display, "environment_variable.deleted", projectId, name);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>
    /// The variables a run of <paramref name="jobId"/> in <paramref name="environmentId"/> sees, decrypted, by
    /// precedence project default &lt; environment &lt; job &lt; run override.
    /// </summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(DeployDbContext db, SecretBox secrets, int projectId, int environmentId,
        int? jobId, IReadOnlyDictionary<string, string>? runOverrides, CancellationToken ct)
    {
        var values = await db.EnvironmentVariables.Where(v => v.ProjectId == projectId
            && ((v.EnvironmentId == null && v.JobId == null) || v.EnvironmentId == environmentId || (jobId != null && v.JobId == jobId))).ToListAsync(ct);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var level in new Func<EnvironmentVariable, bool>[] { v => v.EnvironmentId is null && v.JobId is null, v => v.EnvironmentId is not null, v => v.JobId is not null })
            foreach (var v in values.Where(level))
                resolved[v.Name] = v.SecretValue is not null ? secrets.Unprotect(v.SecretValue)! : v.Value ?? "";
        foreach (var (name, value) in runOverrides ?? new Dictionary<string, string>()) resolved[name] = value;
        return resolved;
    }

    private static EnvironmentVariable Row(int projectId, string name, int? environmentId, int? jobId, string value, SecretBox secrets) =>
        IsSecret(name)
            ? new EnvironmentVariable { ProjectId = projectId, Name = name, EnvironmentId = environmentId, JobId = jobId, SecretValue = secrets.Protect(value) ?? throw ApiException.Invalid(name, $"The secret variable {name} needs a non-empty value.") }
            : new EnvironmentVariable { ProjectId = projectId, Name = name, EnvironmentId = environmentId, JobId = jobId, Value = value };

    private static string? Shown(EnvironmentVariable v) => v.SecretValue is not null ? Mask : v.Value;
}
