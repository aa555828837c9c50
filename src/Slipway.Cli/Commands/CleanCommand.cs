using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway clean</c>: deletes the project's <c>clean-targets</c> (default: the target path). Like dbt it refuses
/// paths outside the project (unless <c>--no-clean-project-files-only</c>) and never deletes a source folder.
/// </summary>
internal static class CleanCommand
{
    public static int Execute(Invocation invocation, EnvironmentVariables env, EventLog log)
    {
        var project = DbtProjectLoader.Load(invocation.ProjectDir, new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null));
        var projectOnly = !invocation.Flags.TryGetValue("clean_project_files_only", out var p) || p is not false;
        var root = project.RootPath.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

        var outside = project.CleanTargets.Select(t => Path.GetFullPath(t, project.RootPath))
            .Where(t => !t.StartsWith(root, StringComparison.Ordinal)).ToList();
        if (projectOnly && outside.Count > 0)
            throw new ProjectException(
                $"slipway will not clean the following directories outside the project: [{string.Join(", ", outside.Select(o => $"'{o}'"))}] (pass --no-clean-project-files-only to allow it).");

        var protectedPaths = new HashSet<string>(
            project.Absolute(project.ModelPaths.Concat(project.SeedPaths).Concat(project.TestPaths).Concat(project.MacroPaths)
                .Concat(project.SnapshotPaths).Concat(project.AnalysisPaths).Concat(project.DocsPaths).Append(".")),
            StringComparer.Ordinal);

        foreach (var target in project.CleanTargets)
        {
            var full = Path.GetFullPath(target, project.RootPath).TrimEnd(Path.DirectorySeparatorChar);
            if (protectedPaths.Contains(full))
            {
                log.Warn($"not cleaning {target}/* because it is protected");
                continue;
            }
            log.Info($"Checking {target}/*");
            if (Directory.Exists(full)) Engine.Project.Packages.PackageInstaller.DeleteDirectory(full);
            else if (File.Exists(full)) File.Delete(full);
            log.Info($"Cleaned {target}/*");
        }
        log.Info("Finished cleaning all paths.");
        return 0;
    }
}
