namespace Slipway.Engine.Project.Packages;

/// <summary>
/// <c>deps --add-package NAME@VERSION --source hub|git|local</c>: adds (or re-pins) one entry in packages.yml. Like dbt,
/// the file is written again from its entries, so comments in it are not kept.
/// </summary>
public static class PackageAdder
{
    /// <summary>The entry <paramref name="text"/> describes for <paramref name="source"/> (dbt's default source is hub).</summary>
    public static PackageSpec Parse(string text, string? source)
    {
        // The version follows the last '@' unless that '@' belongs to the URL (git@host:owner/repo).
        var at = text.LastIndexOf('@');
        var hasVersion = at > 0 && text.IndexOfAny(['/', ':'], at) < 0;
        var name = hasVersion ? text[..at] : text;
        var version = hasVersion ? text[(at + 1)..] : null;
        return (source ?? "hub") switch
        {
            "git" => new GitPackageSpec(name, version, null),
            "local" => new LocalPackageSpec(name),
            _ => version is null
                ? throw new ProjectException($"--add-package '{text}' needs a version for a hub package (NAME@VERSION).")
                : new HubPackageSpec(name, version),
        };
    }

    /// <summary>Adds <paramref name="spec"/> to the project's packages.yml, replacing an entry for the same package.</summary>
    public static string AddTo(string projectRoot, PackageSpec spec)
    {
        var (existing, file) = PackagesFile.Read(projectRoot, context: null);
        var packagesYml = Path.Combine(projectRoot, "packages.yml");
        if (file is not null && file != packagesYml)
            throw new ProjectException($"The packages are listed in {file}; add '{spec.Display}' there by hand (slipway rewrites only packages.yml).");
        var entries = existing.ToList();
        var index = entries.FindIndex(e => Identity(e) == Identity(spec));
        if (index >= 0) entries[index] = spec;
        else entries.Add(spec);
        File.WriteAllText(packagesYml, PackageLock.PackagesYaml(entries.Select(e => new LockedPackage(e, null))));
        return packagesYml;
    }

    private static string Identity(PackageSpec spec) => spec switch
    {
        GitPackageSpec g => "git:" + g.Url,
        LocalPackageSpec l => "local:" + l.Path,
        HubPackageSpec h => "hub:" + h.Package,
        TarballPackageSpec t => "tarball:" + t.Url,
        _ => spec.Display,
    };
}
