namespace Slipway.Engine.Project.Packages;

/// <summary>
/// The packages installed under a project's <c>packages-install-path</c>, loaded as projects so the parser can scan
/// their models, macros and seeds. Ordered by name for a stable parse; two folders declaring one name is an error.
/// </summary>
public static class InstalledPackages
{
    public static IReadOnlyDictionary<string, DbtProject> Load(DbtProject root, IConfigRenderContext? context)
    {
        var result = new SortedDictionary<string, DbtProject>(StringComparer.Ordinal);
        var dir = Path.Combine(root.RootPath, root.PackagesInstallPath);
        if (!Directory.Exists(dir)) return result;
        foreach (var packageDir in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(packageDir, DbtProjectLoader.FileName))) continue;
            var project = DbtProjectLoader.Load(packageDir, context);
            if (project.Name == root.Name) continue;
            if (result.TryGetValue(project.Name, out var other))
                throw new ProjectException(
                    $"Two installed packages are named '{project.Name}' ({other.RootPath} and {project.RootPath}); remove one and run slipway deps again.");
            result[project.Name] = project;
        }
        return result;
    }
}
