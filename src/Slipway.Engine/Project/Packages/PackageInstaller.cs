using LibGit2Sharp;

namespace Slipway.Engine.Project.Packages;

/// <summary>
/// <c>slipway deps</c>: installs every package of packages.yml into <c>&lt;packages-install-path&gt;/&lt;name&gt;</c>,
/// the name read from the installed package's own dbt_project.yml, and writes package-lock.yml. Local packages are
/// copied (dbt links them when the OS allows; a copy behaves the same for parsing and survives moving the project).
/// Git packages are cloned with LibGit2Sharp and checked out at <c>revision</c> (tag, branch or commit).
/// </summary>
/// <remarks>
/// package-lock.yml and its hash keep the entries as written (unrendered), so a git token read from a
/// <c>DBT_ENV_SECRET_*</c> variable never lands in the file; entries are rendered again when installed from the lock.
/// </remarks>
public sealed class PackageInstaller(DbtProject project, Action<string> info, Action<string> warn, IConfigRenderContext? context = null)
{
    public string InstallRoot => Path.Combine(project.RootPath, project.PackagesInstallPath);

    /// <summary>
    /// Installs <paramref name="packages"/> (rendered); <paramref name="unrendered"/> are the same entries as written,
    /// for the lock (null when nothing was rendered). Unless <paramref name="upgrade"/>, a lock whose hash matches is
    /// installed instead, exactly.
    /// </summary>
    public PackageLock Install(IReadOnlyList<PackageSpec> packages, IReadOnlyList<PackageSpec>? unrendered = null, bool upgrade = false)
    {
        unrendered ??= packages;
        var hash = PackagesFile.Sha1Hash(unrendered);
        var existing = upgrade ? null : PackageLock.Read(project.RootPath);
        var fromLock = existing is not null && existing.Sha1Hash == hash && existing.Packages.Count == packages.Count;
        IReadOnlyList<PackageSpec> toInstall = fromLock ? [.. existing!.Packages.Select(p => RenderLocked(p.Spec))] : packages;

        foreach (var hub in toInstall.OfType<HubPackageSpec>())
            throw new ProjectException(
                $"Package '{hub.Package}' comes from dbt Hub, which Slipway cannot install yet; replace it in packages.yml with a git: entry (for example git: https://github.com/{hub.Package}.git with a revision:).");
        foreach (var tarball in toInstall.OfType<TarballPackageSpec>())
            throw new ProjectException($"Package '{tarball.Url}' is a tarball package, which Slipway cannot install yet; use a git: or local: entry.");

        if (!fromLock) info($"Updating lock file in file path: {Path.Combine(project.RootPath, PackagesFile.LockFileName)}");
        Directory.CreateDirectory(InstallRoot);
        var locked = new List<LockedPackage>();
        foreach (var spec in toInstall)
        {
            info($"Installing {spec.Display}");
            locked.Add(spec switch
            {
                LocalPackageSpec local => InstallLocal(local),
                GitPackageSpec git => InstallGit(git),
                _ => throw new InvalidOperationException(spec.GetType().Name),
            });
        }
        // The lock records entries as written, with git revisions pinned to the commit they resolved to.
        var lockFile = new PackageLock(
            [.. locked.Select((l, i) => fromLock ? existing!.Packages[i]
                : l with { Spec = unrendered[i] is GitPackageSpec g && l.Spec is GitPackageSpec resolved ? g with { Revision = resolved.Revision } : unrendered[i] })],
            hash);
        if (!fromLock) lockFile.Write(project.RootPath);
        return lockFile;
    }

    private PackageSpec RenderLocked(PackageSpec spec)
    {
        if (context is null) return spec;
        string R(string s) => NativeRenderer.Render(s, context, PackagesFile.LockFileName) as string ?? s;
        return spec switch
        {
            GitPackageSpec g => g with { Url = R(g.Url), Revision = g.Revision is null ? null : R(g.Revision), Subdirectory = g.Subdirectory is null ? null : R(g.Subdirectory) },
            LocalPackageSpec l => l with { Path = R(l.Path) },
            _ => spec,
        };
    }

    private LockedPackage InstallLocal(LocalPackageSpec spec)
    {
        var source = Path.GetFullPath(Path.Combine(project.RootPath, spec.Path));
        if (!File.Exists(Path.Combine(source, DbtProjectLoader.FileName)))
            throw new ProjectException($"Local package '{spec.Path}' has no {DbtProjectLoader.FileName} (looked in {source}).");
        var name = PlaceInstalled(source);
        info($"Installed from <local @ {spec.Path}>");
        return new LockedPackage(spec, name);
    }

    private LockedPackage InstallGit(GitPackageSpec spec)
    {
        if (spec.Revision is null && spec.WarnUnpinned)
            warn($"The git package \"{spec.Url}\" is not pinned, using HEAD (default branch). Pin it with revision: to avoid breaking changes.");
        var checkout = Path.Combine(Path.GetTempPath(), "slipway-deps-" + Guid.NewGuid().ToString("N"));
        try
        {
            try
            {
                Repository.Clone(spec.Url, checkout);
            }
            catch (LibGit2SharpException e)
            {
                throw new ProjectException($"Could not clone git package '{spec.Url}': {e.Message}");
            }
            string sha;
            using (var repo = new Repository(checkout))
            {
                var commit = Resolve(repo, spec.Revision)
                    ?? throw new ProjectException($"Git package '{spec.Url}' has no revision '{spec.Revision}' (not a tag, branch or commit).");
                Commands.Checkout(repo, commit, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
                sha = commit.Sha;
            }
            var source = spec.Subdirectory is null ? checkout : Path.GetFullPath(Path.Combine(checkout, spec.Subdirectory));
            if (!File.Exists(Path.Combine(source, DbtProjectLoader.FileName)))
                throw new ProjectException($"Git package '{spec.Url}'{(spec.Subdirectory is null ? "" : $" subdirectory '{spec.Subdirectory}'")} has no {DbtProjectLoader.FileName}.");
            var name = PlaceInstalled(source);
            info($"Installed from revision {spec.Revision ?? "HEAD"}");
            return new LockedPackage(spec with { Revision = sha }, name);
        }
        finally
        {
            DeleteDirectory(checkout);
        }
    }

    private static Commit? Resolve(Repository repo, string? revision)
    {
        if (revision is null) return repo.Head.Tip;
        if (repo.Tags[revision] is { } tag) return tag.PeeledTarget as Commit;
        if (repo.Branches[$"origin/{revision}"] is { } remote) return remote.Tip;
        if (repo.Branches[revision] is { } local) return local.Tip;
        try
        {
            return repo.Lookup<Commit>(revision);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>Copies a package folder into place under the name its dbt_project.yml declares; returns that name.</summary>
    private string PlaceInstalled(string source)
    {
        var name = DbtProjectLoader.Load(source, context: null).Name;
        var dest = Path.Combine(InstallRoot, name);
        DeleteDirectory(dest);
        CopyDirectory(source, dest);
        return name;
    }

    private static void CopyDirectory(string source, string dest)
    {
        Directory.CreateDirectory(dest);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(dest, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(dir);
            // Never copy VCS data or the package's own installed packages/build output.
            if (name is ".git" or "dbt_packages" or "target" or "logs") continue;
            CopyDirectory(dir, Path.Combine(dest, name));
        }
    }

    internal static void DeleteDirectory(string dir)
    {
        if (!Directory.Exists(dir)) return;
        // Git object files are read-only; clear the flag so the delete succeeds.
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(dir, recursive: true);
    }
}
