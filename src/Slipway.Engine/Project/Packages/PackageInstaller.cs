using LibGit2Sharp;

namespace Slipway.Engine.Project.Packages;

/// <summary>
/// <c>slipway deps</c>: installs every package of packages.yml into <c>&lt;packages-install-path&gt;/&lt;name&gt;</c>,
/// the name read from the installed package's own dbt_project.yml, and writes package-lock.yml. Local packages are
/// linked (copied where links are not allowed), as dbt does.
/// Git packages are cloned with LibGit2Sharp and checked out at <c>revision</c> (tag, branch or commit).
/// </summary>
/// <remarks>
/// package-lock.yml and its hash keep the entries as written (unrendered), so a git token read from a
/// <c>DBT_ENV_SECRET_*</c> variable never lands in the file; entries are rendered again when installed from the lock.
/// </remarks>
public sealed class PackageInstaller(DbtProject project, Action<string> info, Action<string> warn, IConfigRenderContext? context = null,
    string? installRoot = null)
{
    /// <summary>Where packages go: the project's packages-install-path, or a scratch folder for <c>deps --lock</c>.</summary>
    public string InstallRoot => installRoot ?? Path.Combine(project.RootPath, project.PackagesInstallPath);

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
        var fromLock = existing is not null && existing.Sha1Hash == hash;

        // (rendered entry, entry as written, the package that asked for it); transitive entries are appended as found.
        var queue = fromLock
            ? existing!.Packages.Select(p => (Spec: RenderLocked(p.Spec), Written: p.Spec, RequiredBy: (string?)null)).ToList()
            : packages.Select((p, i) => (Spec: p, Written: unrendered[i], RequiredBy: (string?)null)).ToList();

        if (!fromLock) info($"Updating lock file in file path: {Path.Combine(project.RootPath, PackagesFile.LockFileName)}");
        Directory.CreateDirectory(InstallRoot);
        var locked = new List<LockedPackage>();
        var seen = new Dictionary<string, PackageSpec>(StringComparer.Ordinal);
        for (var i = 0; i < queue.Count; i++)
        {
            var (spec, written, requiredBy) = queue[i];
            var by = requiredBy is null ? "" : $" (required by package '{requiredBy}')";
            if (spec is HubPackageSpec hub)
                throw new ProjectException(
                    $"Package '{hub.Package}'{by} comes from dbt Hub, which Slipway cannot install yet; replace it with a git: entry (for example git: https://github.com/{hub.Package}.git with a revision:).");
            if (spec is TarballPackageSpec tarball)
                throw new ProjectException($"Package '{tarball.Url}'{by} is a tarball package, which Slipway cannot install yet; use a git: or local: entry.");

            var key = Key(spec);
            if (seen.TryGetValue(key, out var first))
            {
                if (first is GitPackageSpec a && spec is GitPackageSpec b && a.Revision != b.Revision)
                    warn($"Package {spec.Display} is required at revision {b.Revision ?? "HEAD"}{by} and at {a.Revision ?? "HEAD"}; using {a.Revision ?? "HEAD"}.");
                continue;
            }
            seen[key] = spec;

            info($"Installing {spec.Display}");
            var (installed, sourceDir) = spec switch
            {
                LocalPackageSpec local => InstallLocal(local),
                GitPackageSpec git => InstallGit(git),
                _ => throw new InvalidOperationException(spec.GetType().Name),
            };
            // The lock records entries as written, with git revisions pinned to the commit they resolved to.
            locked.Add(fromLock ? existing!.Packages[i]
                : installed with { Spec = written is GitPackageSpec g && installed.Spec is GitPackageSpec resolved ? g with { Revision = resolved.Revision } : written });
            if (!fromLock) queue.AddRange(Transitive(installed.Name!, sourceDir));
        }
        var lockFile = new PackageLock(locked, hash);
        if (!fromLock) lockFile.Write(project.RootPath);
        return lockFile;
    }

    /// <summary>The packages an installed package itself lists (dbt installs them too); local paths made relative to the root project.</summary>
    private IEnumerable<(PackageSpec Spec, PackageSpec Written, string? RequiredBy)> Transitive(string name, string sourceDir)
    {
        var installedDir = Path.Combine(InstallRoot, name);
        var (rendered, _) = PackagesFile.Read(installedDir, context);
        var (written, _) = PackagesFile.Read(installedDir, null);
        for (var i = 0; i < rendered.Count; i++)
        {
            if (rendered[i] is LocalPackageSpec local)
            {
                var relative = Path.GetRelativePath(project.RootPath, Path.GetFullPath(Path.Combine(sourceDir, local.Path)));
                yield return (new LocalPackageSpec(relative), new LocalPackageSpec(relative), name);
            }
            else yield return (rendered[i], written[i], name);
        }
    }

    // One install per repository or folder: dbt merges repeated requirements of the same package.
    private string Key(PackageSpec spec) => spec switch
    {
        GitPackageSpec g => "git:" + g.Url.TrimEnd('/').Replace(".git", "", StringComparison.Ordinal) + "//" + g.Subdirectory,
        LocalPackageSpec l => "local:" + Path.GetFullPath(Path.Combine(project.RootPath, l.Path)),
        _ => spec.Display,
    };

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

    private (LockedPackage, string SourceDir) InstallLocal(LocalPackageSpec spec)
    {
        var source = Path.GetFullPath(Path.Combine(project.RootPath, spec.Path));
        if (!File.Exists(Path.Combine(source, DbtProjectLoader.FileName)))
            throw new ProjectException($"Local package '{spec.Path}' has no {DbtProjectLoader.FileName} (looked in {source}).");
        var name = PlaceInstalled(source, link: true);
        info($"Installed from <local @ {spec.Path}>");
        return (new LockedPackage(spec, name), source);
    }

    private (LockedPackage, string SourceDir) InstallGit(GitPackageSpec spec)
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
            // The checkout is deleted below: a git package's own local: entries resolve against its installed copy.
            return (new LockedPackage(spec with { Revision = sha }, name), Path.Combine(InstallRoot, name));
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
    /// <summary>
    /// Puts a package folder in place under the name its dbt_project.yml declares; returns that name. Local packages
    /// are linked, as dbt does, so edits to them show without another deps; a copy where links are not allowed.
    /// </summary>
    private string PlaceInstalled(string source, bool link = false)
    {
        var name = DbtProjectLoader.Load(source, context: null).Name;
        var dest = Path.Combine(InstallRoot, name);
        DeleteDirectory(dest);
        if (link)
        {
            try
            {
                Directory.CreateSymbolicLink(dest, source);
                return name;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                // Fall through to a copy.
            }
        }
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

    /// <summary>Deletes a folder; a link (an installed local package) is removed without touching what it points to.</summary>
    internal static void DeleteDirectory(string dir)
    {
        var info = new DirectoryInfo(dir);
        if (info.LinkTarget is not null)
        {
            info.Delete();
            return;
        }
        if (!info.Exists) return;
        // Git object files are read-only; clear the flag so the delete succeeds. Never follow links while doing so.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var f in Directory.EnumerateFiles(dir, "*", options))
            File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(dir, recursive: true);
    }
}
