using Slipway.Engine.Logging;
using Slipway.Engine.Project;
using Slipway.Engine.Project.Packages;

namespace Slipway.Cli.Commands;

/// <summary><c>slipway deps</c>: installs packages.yml/dependencies.yml entries and writes package-lock.yml.</summary>
internal static class DepsCommand
{
    public static int Execute(Invocation invocation, EnvironmentVariables env, EventLog log)
    {
        if (invocation.GetString("add_package") is not null || invocation.GetBool("lock"))
        {
            log.Error("deps --add-package and --lock are not implemented yet in slipway.");
            return 1;
        }
        var project = DbtProjectLoader.Load(invocation.ProjectDir, new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null));
        var packagesContext = new ConfigRenderContext(ProjectVars.CliOnly(invocation.CliVars), env, null, allowSecrets: true);
        var (packages, file) = PackagesFile.Read(project.RootPath, packagesContext);
        if (packages.Count == 0)
        {
            log.Warn($"No packages were found in {(file is null ? "packages.yml" : Path.GetFileName(file))}");
            return 0;
        }
        var (unrendered, _) = PackagesFile.Read(project.RootPath, context: null);
        new PackageInstaller(project, m => log.Info(m), m => log.Warn(m), packagesContext)
            .Install(packages, unrendered, invocation.GetBool("upgrade"));
        return 0;
    }
}
