using Slipway.Engine.Logging;
using Slipway.Engine.Project;
using Slipway.Engine.Project.Packages;

namespace Slipway.Cli.Commands;

/// <summary>
/// <c>slipway deps</c>: installs packages.yml/dependencies.yml entries and writes package-lock.yml. With <c>--lock</c> it
/// resolves them again and rewrites the lock only (packages are fetched into a scratch folder, dbt_packages is untouched).
/// <c>--add-package NAME@VERSION --source git|local</c> first adds the entry to packages.yml.
/// </summary>
internal static class DepsCommand
{
    public static int Execute(Invocation invocation, EnvironmentVariables env, EventLog log)
    {
        var project = DbtProjectLoader.Load(invocation.ProjectDir, new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null));
        if (invocation.GetString("add_package") is { } add)
        {
            var spec = PackageAdder.Parse(add, invocation.GetString("source"));
            if (spec is HubPackageSpec hub)
                throw new ProjectException(
                    $"Package '{hub.Package}' comes from dbt Hub, which Slipway cannot install yet; add it with --source git (for example --add-package https://github.com/{hub.Package}.git@{hub.Version} --source git).");
            var packagesYml = PackageAdder.AddTo(project.RootPath, spec);
            log.Info($"Added new package {spec.Display} to {packagesYml}");
        }
        var packagesContext = new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null, allowSecrets: true);
        var (packages, file) = PackagesFile.Read(project.RootPath, packagesContext);
        if (packages.Count == 0)
        {
            log.Warn($"No packages were found in {(file is null ? "packages.yml" : Path.GetFileName(file))}");
            return 0;
        }
        var (unrendered, _) = PackagesFile.Read(project.RootPath, context: null);
        if (!invocation.GetBool("lock"))
        {
            new PackageInstaller(project, m => log.Info(m), m => log.Warn(m), packagesContext)
                .Install(packages, unrendered, invocation.GetBool("upgrade"));
            return 0;
        }
        var scratch = Path.Combine(Path.GetTempPath(), "slipway-lock-" + Guid.NewGuid().ToString("N"));
        try
        {
            new PackageInstaller(project, m => log.Debug(m), m => log.Warn(m), packagesContext, scratch)
                .Install(packages, unrendered, upgrade: true);
            log.Info($"Updated lock file in file path: {Path.Combine(project.RootPath, PackagesFile.LockFileName)}");
        }
        finally
        {
            PackageInstaller.DeleteDirectory(scratch);
        }
        return 0;
    }
}
