using Slipway.Engine.Project.Packages;

namespace Slipway.Engine.Project;

/// <summary>
/// Everything one invocation runs with (dbt's RuntimeConfig): the root project rendered against the chosen target,
/// the profile and target, the installed packages, selectors, vars and the command line. Built once per command;
/// the parser, the graph and the runners read it and never change it.
/// </summary>
public sealed class RuntimeConfig
{
    public required Invocation Invocation { get; init; }
    public required EnvironmentVariables Environment { get; init; }
    public required DbtProject Project { get; init; }
    public required Profile Profile { get; init; }
    public Target Target => Profile.Target;
    /// <summary>Installed packages by name (not including the root project nor Slipway's built-in macros).</summary>
    public required IReadOnlyDictionary<string, DbtProject> Packages { get; init; }
    public required IReadOnlyList<SelectorEntry> Selectors { get; init; }
    public required ProjectConfigResolver Configs { get; init; }

    /// <summary><c>--threads</c>, else the target's <c>threads</c>.</summary>
    public int Threads => Invocation.Threads ?? Target.Threads;

    /// <summary>Absolute target folder: <c>--target-path</c>/<c>DBT_TARGET_PATH</c>, else the project's <c>target-path</c>.</summary>
    public string TargetPath => Path.GetFullPath(Invocation.TargetPath ?? Project.TargetPath, Project.RootPath);

    /// <summary>Absolute log folder: <c>--log-path</c>/<c>DBT_LOG_PATH</c>, else <c>logs</c> in the project.</summary>
    public string LogPath => LogPathFor(Invocation, Project.RootPath);

    public static string LogPathFor(Invocation invocation, string projectRoot) =>
        Path.GetFullPath(invocation.LogPath ?? "logs", projectRoot);

    /// <summary>The project (root or installed package) named <paramref name="packageName"/>.</summary>
    public DbtProject? FindProject(string packageName) =>
        packageName == Project.Name ? Project : Packages.TryGetValue(packageName, out var p) ? p : null;

    /// <summary><c>var()</c> for nodes of <paramref name="packageName"/>.</summary>
    public ProjectVars VarsFor(string packageName) =>
        ProjectVars.For(packageName, Project, Packages.TryGetValue(packageName, out var own) ? own : null, Invocation.CliVars);

    /// <summary>Jinja's <c>target</c>: the target without secrets, <c>threads</c> as <c>--threads</c> made it.</summary>
    public IReadOnlyDictionary<string, object?> JinjaTarget
    {
        get
        {
            var target = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (k, v) in Target.ToJinjaTarget()) target[k] = v;
            target["threads"] = (long)Threads;
            return target;
        }
    }

    /// <summary>A render context (<c>var</c>, <c>env_var</c>, <c>target</c>) for YAML and configs of <paramref name="packageName"/>.</summary>
    public IConfigRenderContext RenderContextFor(string packageName) =>
        new ConfigRenderContext(VarsFor(packageName), Environment, JinjaTarget);

    /// <summary>Loads project, profile, packages and selectors for <paramref name="invocation"/>.</summary>
    public static RuntimeConfig Load(Invocation invocation, EnvironmentVariables environment)
    {
        var projectDir = Path.GetFullPath(invocation.ProjectDir);
        // The profile name comes from the project file, and the project file is rendered with the profile's target:
        // read it unrendered first (dbt does the same two steps).
        var unrendered = DbtProjectLoader.Load(projectDir, context: null);
        // Only the profile name is rendered at this point, with what exists before a target: env_var and --vars.
        var profileName = unrendered.ProfileName is { } raw
            ? NativeRenderer.Render(raw, new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), environment, null),
                $"{DbtProjectLoader.FileName} 'profile'")?.ToString()
            : null;
        var profile = ProfileLoader.Load(new ProfileRequest
        {
            ProjectDir = projectDir,
            ProjectProfileName = profileName,
            ProfilesDirFlag = invocation.ProfilesDir,
            ProfileFlag = invocation.Profile,
            TargetFlag = invocation.Target,
            CliVars = invocation.CliVars,
            Environment = environment,
        });
        var projectContext = new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), environment, profile.Target.ToJinjaTarget());
        var project = DbtProjectLoader.Load(projectDir, projectContext);
        var packages = InstalledPackages.Load(project, projectContext);
        return new RuntimeConfig
        {
            Invocation = invocation.WithDefaults(project.Flags),
            Environment = environment,
            Project = project,
            Profile = profile,
            Packages = packages,
            Selectors = SelectorsFile.Read(projectDir, projectContext),
            Configs = new ProjectConfigResolver(project, packages),
        };
    }
}
