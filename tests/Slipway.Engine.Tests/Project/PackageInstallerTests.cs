using LibGit2Sharp;
using Slipway.Engine.Project;
using Slipway.Engine.Project.Packages;

namespace Slipway.Engine.Tests.Project;

public class PackageInstallerTests
{
    private static (PackageLock Lock, List<string> Lines) Deps(DbtProject project, bool upgrade = false)
    {
        var lines = new List<string>();
        var (packages, _) = PackagesFile.Read(project.RootPath, null);
        var installer = new PackageInstaller(project, lines.Add, m => lines.Add("WARN " + m));
        return (installer.Install(packages, upgrade: upgrade), lines);
    }

    private static DbtProject Root(TempFolder dir, string packagesYml)
    {
        dir.Write("shop/dbt_project.yml", "name: shop\nprofile: shop\n");
        dir.Write("shop/packages.yml", packagesYml);
        return DbtProjectLoader.Load(dir["shop"], null);
    }

    [Fact]
    public void A_local_package_is_installed_under_the_name_in_its_own_project_file()
    {
        using var dir = new TempFolder();
        dir.Write("shared/dbt_project.yml", "name: harbor_macros\nversion: 0.1.0\n");
        dir.Write("shared/macros/m.sql", "{% macro m() %}1{% endmacro %}");
        var root = Root(dir, "packages:\n  - local: ../shared\n");

        var (lockFile, lines) = Deps(root);

        Assert.True(File.Exists(dir["shop/dbt_packages/harbor_macros/macros/m.sql"]));
        Assert.Equal("harbor_macros", Assert.Single(lockFile.Packages).Name);
        Assert.Contains("Installing ../shared", lines);
        Assert.Contains("Installed from <local @ ../shared>", lines);
        var written = File.ReadAllText(dir["shop/package-lock.yml"]);
        Assert.Contains("  - local: ../shared\n    name: harbor_macros\n", written);
        Assert.Contains("sha1_hash: " + PackagesFile.Sha1Hash([new LocalPackageSpec("../shared")]), written);
    }

    [Fact]
    public void A_local_package_is_linked_so_edits_show_and_deleting_the_install_keeps_the_source()
    {
        using var dir = new TempFolder();
        dir.Write("shared/dbt_project.yml", "name: harbor_macros\n");
        var macro = dir.Write("shared/macros/m.sql", "one");
        var root = Root(dir, "packages:\n  - local: ../shared\n");
        Deps(root);

        File.WriteAllText(macro, "two");
        Assert.Equal("two", File.ReadAllText(dir["shop/dbt_packages/harbor_macros/macros/m.sql"]));

        PackageInstaller.DeleteDirectory(dir["shop/dbt_packages"]);
        Assert.False(Directory.Exists(dir["shop/dbt_packages"]));
        Assert.Equal("two", File.ReadAllText(macro));
    }

    [Fact]
    public void A_git_package_is_checked_out_at_its_tag_and_locked_at_the_commit()
    {
        using var dir = new TempFolder();
        var (url, taggedSha) = CreatePackageRepository(dir);
        var root = Root(dir, $"packages:\n  - git: \"{url}\"\n    revision: v0.1.0\n");

        var (lockFile, lines) = Deps(root);

        var installed = dir["shop/dbt_packages/tide_utils"];
        Assert.Equal("version one", File.ReadAllText(Path.Combine(installed, "macros/tide.sql")));
        Assert.False(Directory.Exists(Path.Combine(installed, ".git")));
        var locked = Assert.IsType<GitPackageSpec>(Assert.Single(lockFile.Packages).Spec);
        Assert.Equal(taggedSha, locked.Revision);
        Assert.Contains("Installed from revision v0.1.0", lines);

        // The lock matches packages.yml: the second deps installs from it and leaves it alone.
        var (_, again) = Deps(root);
        Assert.DoesNotContain(again, l => l.StartsWith("Updating lock file"));
        Assert.Equal(taggedSha, Assert.IsType<GitPackageSpec>(PackageLock.Read(root.RootPath)!.Packages[0].Spec).Revision);
    }

    [Fact]
    public void A_git_package_without_revision_uses_head_and_warns_that_it_is_unpinned()
    {
        using var dir = new TempFolder();
        var (url, _) = CreatePackageRepository(dir);
        var root = Root(dir, $"packages:\n  - git: \"{url}\"\n");

        var (_, lines) = Deps(root);

        Assert.Equal("version two", File.ReadAllText(dir["shop/dbt_packages/tide_utils/macros/tide.sql"]));
        Assert.Contains(lines, l => l.StartsWith("WARN ") && l.Contains("not pinned"));
    }

    [Fact]
    public void A_git_package_in_a_subdirectory_installs_only_that_folder()
    {
        using var dir = new TempFolder();
        var repoDir = dir["mono"];
        Repository.Init(repoDir);
        dir.Write("mono/README.md", "monorepo");
        dir.Write("mono/dbt/anchor_pkg/dbt_project.yml", "name: anchor_pkg\n");
        dir.Write("mono/dbt/anchor_pkg/models/a.sql", "select 1");
        using (var repo = new Repository(repoDir))
        {
            Commands.Stage(repo, "*");
            var sig = new Signature("Test", "test@example.org", DateTimeOffset.UtcNow);
            repo.Commit("package", sig, sig);
        }
        var root = Root(dir, $"packages:\n  - git: \"{repoDir}\"\n    revision: HEAD\n    subdirectory: dbt/anchor_pkg\n");

        Deps(root);

        Assert.True(File.Exists(dir["shop/dbt_packages/anchor_pkg/models/a.sql"]));
        Assert.False(File.Exists(dir["shop/dbt_packages/anchor_pkg/README.md"]));
    }

    [Fact]
    public void An_unknown_revision_is_a_clear_error()
    {
        using var dir = new TempFolder();
        var (url, _) = CreatePackageRepository(dir);
        var root = Root(dir, $"packages:\n  - git: \"{url}\"\n    revision: v9.9.9\n");

        var e = Assert.Throws<ProjectException>(() => Deps(root));

        Assert.Contains("has no revision 'v9.9.9'", e.Message);
    }

    [Fact]
    public void A_secret_in_a_git_url_is_used_but_the_lock_keeps_the_entry_as_written()
    {
        using var dir = new TempFolder();
        var (url, taggedSha) = CreatePackageRepository(dir);
        // The "secret" is the repository's folder name: the clone only works when it is rendered.
        var parent = Path.GetDirectoryName(url)!;
        var written = $"{parent}/{{{{ env_var('DBT_ENV_SECRET_REPO') }}}}";
        var root = Root(dir, $"packages:\n  - git: \"{written}\"\n    revision: v0.1.0\n");
        var env = TestEnv.Of(("DBT_ENV_SECRET_REPO", Path.GetFileName(url)));
        var context = new ConfigRenderContext(ProjectVars.CliOnly(DbtProject.Empty), env, null, allowSecrets: true);
        var (rendered, _) = PackagesFile.Read(root.RootPath, context);
        var (unrendered, _) = PackagesFile.Read(root.RootPath, null);
        var installer = new PackageInstaller(root, _ => { }, _ => { }, context);

        installer.Install(rendered, unrendered);
        var lockText = File.ReadAllText(dir["shop/package-lock.yml"]);
        installer.Install(rendered, unrendered); // from the lock: rendered again to clone

        Assert.True(File.Exists(dir["shop/dbt_packages/tide_utils/macros/tide.sql"]));
        Assert.Contains("env_var('DBT_ENV_SECRET_REPO')", lockText.Replace("''", "'"));
        Assert.DoesNotContain(Path.GetFileName(url), lockText);
        Assert.Contains(taggedSha, lockText);
    }

    [Fact]
    public void Packages_of_packages_are_installed_and_locked_too()
    {
        using var dir = new TempFolder();
        var (url, taggedSha) = CreatePackageRepository(dir);
        dir.Write("shared/dbt_project.yml", "name: harbor_macros\n");
        dir.Write("shared/packages.yml", $"packages:\n  - git: \"{url}\"\n    revision: v0.1.0\n");
        var root = Root(dir, $"packages:\n  - local: ../shared\n  - git: \"{url}\"\n    revision: v0.1.0\n");

        var (lockFile, _) = Deps(root);

        Assert.Equal(["harbor_macros", "tide_utils"], lockFile.Packages.Select(p => p.Name));
        Assert.Equal("version one", File.ReadAllText(dir["shop/dbt_packages/tide_utils/macros/tide.sql"]));

        // Only the transitive requirement: still installed, and the lock lists it.
        PackageInstaller.DeleteDirectory(dir["shop/dbt_packages"]);
        File.Delete(dir["shop/package-lock.yml"]);
        dir.Write("shop/packages.yml", "packages:\n  - local: ../shared\n");
        var (transitive, _) = Deps(root);
        Assert.Equal(["harbor_macros", "tide_utils"], transitive.Packages.Select(p => p.Name));
        Assert.Equal(taggedSha, Assert.IsType<GitPackageSpec>(transitive.Packages[1].Spec).Revision);

        // From the lock, both come back.
        PackageInstaller.DeleteDirectory(dir["shop/dbt_packages"]);
        Deps(root);
        Assert.True(File.Exists(dir["shop/dbt_packages/tide_utils/macros/tide.sql"]));
    }

    [Fact]
    public void A_hub_package_required_by_a_package_names_both()
    {
        using var dir = new TempFolder();
        dir.Write("shared/dbt_project.yml", "name: harbor_macros\n");
        dir.Write("shared/packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n");
        var root = Root(dir, "packages:\n  - local: ../shared\n");

        var e = Assert.Throws<ProjectException>(() => Deps(root));

        Assert.Contains("'dbt-labs/dbt_utils' (required by package 'harbor_macros')", e.Message);
    }

    [Fact]
    public void A_hub_package_is_refused_naming_the_package()
    {
        using var dir = new TempFolder();
        var root = Root(dir, "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");

        var e = Assert.Throws<ProjectException>(() => Deps(root));

        Assert.Contains("'dbt-labs/dbt_utils'", e.Message);
        Assert.Contains("git:", e.Message);
    }

    [Fact]
    public void Packages_in_both_packages_yml_and_dependencies_yml_is_an_error()
    {
        using var dir = new TempFolder();
        Root(dir, "packages:\n  - local: ../a\n");
        dir.Write("shop/dependencies.yml", "packages:\n  - local: ../b\n");

        var e = Assert.Throws<ProjectException>(() => PackagesFile.Read(dir["shop"], null));

        Assert.Contains("dependencies.yml", e.Message);
    }

    [Fact]
    public void Dependencies_yml_alone_is_read()
    {
        using var dir = new TempFolder();
        dir.Write("shop/dependencies.yml", "packages:\n  - local: ../a\n");

        var (packages, file) = PackagesFile.Read(dir["shop"], null);

        Assert.Equal(new LocalPackageSpec("../a"), Assert.Single(packages));
        Assert.EndsWith("dependencies.yml", file);
    }

    [Fact]
    public void Installed_packages_load_as_projects_by_name()
    {
        using var dir = new TempFolder();
        dir.Write("shared/dbt_project.yml", "name: harbor_macros\nmacro-paths: [lib]\n");
        var root = Root(dir, "packages:\n  - local: ../shared\n");
        Deps(root);

        var packages = InstalledPackages.Load(root, null);

        var package = Assert.Single(packages).Value;
        Assert.Equal("harbor_macros", package.Name);
        Assert.Equal(["lib"], package.MacroPaths);
        Assert.Equal(dir["shop/dbt_packages/harbor_macros"], package.RootPath);
    }

    /// <summary>A real repository: commit "version one", tag v0.1.0, then commit "version two" on top.</summary>
    private static (string Url, string TaggedSha) CreatePackageRepository(TempFolder dir)
    {
        var repoDir = dir["tide_utils_repo"];
        Repository.Init(repoDir);
        dir.Write("tide_utils_repo/dbt_project.yml", "name: tide_utils\nversion: 0.1.0\n");
        dir.Write("tide_utils_repo/macros/tide.sql", "version one");
        using var repo = new Repository(repoDir);
        var sig = new Signature("Test", "test@example.org", DateTimeOffset.UtcNow);
        Commands.Stage(repo, "*");
        var first = repo.Commit("first", sig, sig);
        repo.ApplyTag("v0.1.0");
        File.WriteAllText(dir["tide_utils_repo/macros/tide.sql"], "version two");
        Commands.Stage(repo, "*");
        repo.Commit("second", sig, sig);
        return (repoDir, first.Sha);
    }
}
