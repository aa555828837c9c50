using System.Text.RegularExpressions;
using Slipway.Deploy.Api;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Logs;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Workspaces;

namespace Slipway.Deploy.Workers;

internal sealed partial class RunExecutor
{
    /// <summary>Everything a run's steps need, resolved once before the first step.</summary>
    private sealed record Prepared(string Folder, string ProjectDir, string ProfilesDir, string Sha, string TargetName, RunPlan Plan,
        IReadOnlyList<string> Engine, IReadOnlyDictionary<string, string> Variables, SecretMasker Masker, TimeSpan? Timeout) : IDisposable
    {
        public void Dispose() => RunWorkspace.Delete(Folder);
    }

    private async Task<Prepared> PrepareAsync(Run run, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == run.ProjectId, ct);
        var environment = await db.Environments.AsNoTracking().FirstAsync(e => e.Id == run.EnvironmentId, ct);
        var job = run.JobId is { } jobId ? await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct) : null;
        var overrides = Json.Read<RunOverrides?>(run.Overrides, null);
        var connection = environment.ConnectionId is { } connectionId
            ? await db.Connections.AsNoTracking().FirstAsync(c => c.Id == connectionId, ct)
            : throw new InvalidOperationException($"The environment '{environment.Name}' has no connection.");

        var branch = run.GitBranch ?? environment.CustomBranch ?? project.DefaultBranch;
        var sha = await workspace.CheckOutAsync(project, run.Id, branch, run.GitSha, ct);
        await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.GitSha, sha).SetProperty(r => r.GitBranch, branch), ct);
        var folder = RunWorkspace.Folder(options, run.Id);
        var projectDir = project.Subdirectory is { Length: > 0 } sub ? Path.Combine(folder, sub) : folder;
        var profilesDir = Path.Combine(Path.GetDirectoryName(folder)!, "profiles");
        Directory.CreateDirectory(profilesDir);

        string? user, password, schema;
        if (run.DeveloperUserId is { } developer)
        {
            var credential = await db.DevelopmentCredentials.AsNoTracking().FirstAsync(c => c.ProjectId == run.ProjectId && c.UserId == developer, ct);
            (user, password, schema) = (credential.WarehouseUser, secrets.Unprotect(credential.PasswordSecret), credential.Schema);
        }
        else
        {
            (user, password, schema) = (environment.CredentialUser, secrets.Unprotect(environment.CredentialPasswordSecret), environment.CredentialSchema);
        }
        var targetName = overrides?.TargetNameOverride ?? job?.TargetNameOverride ?? environment.TargetName;
        var profileVariables = ProfileWriter.Write(profilesDir, ProfileName(projectDir), environment, connection,
            new ProfileWriter.Target(targetName, overrides?.SchemaOverride ?? schema ?? "main", overrides?.ThreadsOverride ?? job?.ThreadsOverride, user, password, null));

        var runVariables = overrides?.EnvironmentVariablesSecret is { } protectedVariables
            ? Json.Read<Dictionary<string, string>>(secrets.Unprotect(protectedVariables), [])
            : null;
        var variables = await EnvironmentVariableEndpoints.ResolveAsync(db, secrets, run.ProjectId, run.EnvironmentId, run.JobId, runVariables, ct);
        foreach (var (name, value) in profileVariables) variables[name] = value;
        foreach (var (name, value) in RunVariables(run, sha, branch)) variables[name] = value;
        var secretValues = variables.Where(v => EnvironmentVariableEndpoints.IsSecret(v.Key)).Select(v => v.Value)
            .Append(password).Append(secrets.Unprotect(project.GitTokenSecret));

        var commands = overrides?.StepsOverride ?? Json.Read<string[]>(job?.Commands, []);
        var hasPackages = File.Exists(Path.Combine(projectDir, "packages.yml")) || File.Exists(Path.Combine(projectDir, "dependencies.yml"));
        var plan = RunPlan.Make(commands, hasPackages, job?.RunSourceFreshness ?? false, overrides?.GenerateDocsOverride ?? job?.GenerateDocs ?? false);
        if (overrides is { RetryOfRunId: { } retryOf, RetryFromStep: { } from })
            plan = await RetryAsync(retryOf, from, hasPackages, projectDir, ct) ?? plan;
        var timeoutSeconds = overrides?.TimeoutSecondsOverride ?? job?.TimeoutSeconds ?? 0;
        return new Prepared(folder, projectDir, profilesDir, sha, targetName, plan, StepProcess.Engine(settings, environment.EngineVersion),
            variables, new SecretMasker(secretValues), timeoutSeconds > 0 ? TimeSpan.FromSeconds(timeoutSeconds) : null);
    }

    /// <summary>
    /// A retry's plan (null: the failed run recorded no steps, so the whole plan runs again). The failed step's
    /// <c>run_results.json</c> goes to <c>target/</c>, where <c>retry</c> reads which nodes failed.
    /// </summary>
    private async Task<RunPlan?> RetryAsync(int retryOf, int from, bool hasPackages, string projectDir, CancellationToken ct)
    {
        var original = await db.RunSteps.AsNoTracking().Where(s => s.RunId == retryOf).OrderBy(s => s.Index).ToListAsync(ct);
        if (RetryPlan.Make(original, from, hasPackages, RunArtifacts.Folder(options, retryOf)) is not { } retry) return null;
        if (retry.State is { } state)
        {
            var target = Path.Combine(projectDir, "target");
            Directory.CreateDirectory(target);
            var copy = Path.Combine(target, "run_results.json");
            File.Copy(state, copy, overwrite: true);
            // Its own time, so that a step before the retry (deps) does not collect it as an artifact it wrote.
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(state));
        }
        return retry.Plan;
    }

    /// <summary>What dbt Cloud tells a run's commands about the run (projects branch on these in Jinja with <c>env_var</c>).</summary>
    private static Dictionary<string, string> RunVariables(Run run, string sha, string branch)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DBT_CLOUD_ACCOUNT_ID"] = "1", ["DBT_CLOUD_PROJECT_ID"] = run.ProjectId.ToString(invariant),
            ["DBT_CLOUD_ENVIRONMENT_ID"] = run.EnvironmentId.ToString(invariant), ["DBT_CLOUD_RUN_ID"] = run.Id.ToString(invariant),
            ["DBT_CLOUD_RUN_REASON"] = run.Cause, ["DBT_CLOUD_RUN_REASON_CATEGORY"] = run.TriggerKind == "schedule" ? "scheduled" : "other",
            ["DBT_CLOUD_GIT_SHA"] = sha, ["DBT_CLOUD_GIT_BRANCH"] = branch,
        };
        if (run.JobId is { } jobId) variables["DBT_CLOUD_JOB_ID"] = jobId.ToString(invariant);
        return variables;
    }

    /// <summary>The <c>profile:</c> named in dbt_project.yml (the profile the engine looks up).</summary>
    private static string ProfileName(string projectDir)
    {
        var file = Path.Combine(projectDir, "dbt_project.yml");
        if (!File.Exists(file)) throw new InvalidOperationException($"There is no dbt_project.yml in the checked-out project ({Path.GetFileName(projectDir)}).");
        var match = ProfileLine().Match(File.ReadAllText(file));
        return match.Success ? match.Groups["name"].Value : "default";
    }

    [GeneratedRegex(@"^profile:\s*['""]?(?<name>[^'""\s#]+)", RegexOptions.Multiline)]
    private static partial Regex ProfileLine();
}
