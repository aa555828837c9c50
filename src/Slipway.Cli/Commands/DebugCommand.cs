using System.Runtime.InteropServices;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway debug</c>: says which project, profiles.yml, profile and target are in use and how each was found, then
/// checks them, ending with a connection test through the target's adapter (<c>select 1</c>). Exit 1 when a check fails.
/// </summary>
internal static class DebugCommand
{
    public static int Execute(Invocation invocation, EnvironmentVariables env, EventLog log)
    {
        var projectDir = Path.GetFullPath(invocation.ProjectDir);
        if (invocation.GetBool("config_dir"))
        {
            var dir = ProfileLoader.SearchDirs(invocation.ProfilesDir, projectDir, env)[0].Dir;
            log.Info($"To view your profiles.yml file, run:\n\nxdg-open {dir}");
            return 0;
        }

        log.Info($"slipway version: {SlipwayVersion.Version} (dbt {SlipwayVersion.DbtVersion} compatible)");
        log.Info($".NET version: {RuntimeInformation.FrameworkDescription}");
        log.Info($"os info: {RuntimeInformation.OSDescription}");

        var failures = new List<string>();
        DbtProject? project = null;
        var projectFile = Path.Combine(projectDir, DbtProjectLoader.FileName);
        log.Info($"Using dbt_project.yml file at {projectFile}");
        try
        {
            project = DbtProjectLoader.Load(projectDir, new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null));
        }
        catch (ProjectException e)
        {
            failures.Add(e.Message);
        }

        Profile? profile = null;
        var searched = ProfileLoader.SearchDirs(invocation.ProfilesDir, projectDir, env);
        var found = searched.FirstOrDefault(d => File.Exists(Path.Combine(d.Dir, ProfileLoader.FileName)));
        if (found.Dir is not null)
        {
            log.Info($"Using profiles dir at {found.Dir} (found by {found.FoundBy})");
            log.Info($"Using profiles.yml file at {Path.Combine(found.Dir, ProfileLoader.FileName)}");
        }
        else
        {
            log.Info($"No profiles.yml found; looked in {string.Join(", ", searched.Select(d => d.Dir))}");
        }
        try
        {
            profile = ProfileLoader.Load(new ProfileRequest
            {
                ProjectDir = projectDir,
                ProjectProfileName = project?.ProfileName,
                ProfilesDirFlag = invocation.ProfilesDir,
                ProfileFlag = invocation.Profile,
                TargetFlag = invocation.Target,
                CliVars = invocation.CliVars,
                Environment = env,
            });
            var profileSource = invocation.Profile is not null ? "--profile" : "dbt_project.yml";
            log.Info($"Using profile '{profile.Name}' (from {profileSource}) and target '{profile.Target.Name}' (chosen by {profile.TargetChosenBy})");
            log.Info($"adapter type: {profile.Target.Type}");
        }
        catch (ProjectException e)
        {
            // Without a project file the profile name is unknown; that failure is already reported.
            if (project is not null || invocation.Profile is not null) failures.Add(e.Message);
        }

        log.Info("Configuration:");
        log.Info($"  profiles.yml file [{(profile is not null ? "OK found and valid" : "ERROR invalid or not found")}]");
        log.Info($"  dbt_project.yml file [{(project is not null ? "OK found and valid" : "ERROR invalid or not found")}]");
        log.Info("Required dependencies:");
        log.Info(" - git [OK built in (LibGit2Sharp)]");

        if (profile is not null)
        {
            log.Info("Connection:");
            foreach (var (key, value) in profile.Target.Settings)
                if (!Target.SecretKeys.Contains(key) && key != "type")
                    log.Info($"  {key}: {Format(value)}");
            if (TestConnection(profile.Target, projectDir) is { } error)
            {
                log.Info("  Connection test: [ERROR]");
                failures.Add($"dbt was unable to connect to the specified database.\nThe database returned the following error:\n\n  >{error}\n\nCheck your database credentials and try again.");
            }
            else log.Info("  Connection test: [OK connection ok]");
        }

        if (failures.Count == 0)
        {
            log.Info("All checks passed!");
            return 0;
        }
        log.Error($"{failures.Count} check{(failures.Count == 1 ? "" : "s")} failed:");
        foreach (var f in failures) log.Error(f);
        return 1;
    }

    /// <summary>Connects through the adapter the target names and runs <c>select 1</c>, as dbt's debug does; the error, or null.</summary>
    private static string? TestConnection(Target target, string projectDir)
    {
        try
        {
            using var adapter = Engine.Execution.AdapterFactory.Create(target, 1, projectDir);
            adapter.Execute("select 1 as id", fetch: true);
            adapter.ReleaseConnection();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any failure to connect is the answer being asked for, whatever the driver throws.
            var message = e is Slipway.Adapters.AdapterException a ? a.Detail : e.Message;
            return message.ReplaceLineEndings(" ").Trim();
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
