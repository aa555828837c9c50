using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Engine.Project.Packages;

/// <summary>
/// Reads packages.yml or dependencies.yml (<c>packages:</c> list) and package-lock.yml. Both files may exist but only
/// one may list packages, as in dbt. packages.yml is rendered with <c>env_var</c> allowing <c>DBT_ENV_SECRET_*</c>
/// (git tokens in URLs), whose values are masked in logs.
/// </summary>
public static class PackagesFile
{
    public const string LockFileName = "package-lock.yml";

    /// <summary>The package entries of the project in <paramref name="projectRoot"/>, with the file they came from (null when none).</summary>
    public static (IReadOnlyList<PackageSpec> Packages, string? File) Read(string projectRoot, IConfigRenderContext? context)
    {
        var packagesYml = Path.Combine(projectRoot, "packages.yml");
        var dependenciesYml = Path.Combine(projectRoot, "dependencies.yml");
        var fromPackages = File.Exists(packagesYml) ? ReadFile(packagesYml, context) : null;
        var fromDependencies = File.Exists(dependenciesYml) ? ReadFile(dependenciesYml, context) : null;
        if (fromPackages is { Count: > 0 } && fromDependencies is { Count: > 0 })
            throw new ProjectException($"Both {packagesYml} and {dependenciesYml} list packages; keep the packages in only one of them.");
        if (fromPackages is { Count: > 0 }) return (fromPackages, packagesYml);
        if (fromDependencies is { Count: > 0 }) return (fromDependencies, dependenciesYml);
        return ([], fromPackages is not null ? packagesYml : fromDependencies is not null ? dependenciesYml : null);
    }

    private static List<PackageSpec> ReadFile(string file, IConfigRenderContext? context)
    {
        var yaml = YamlValues.Load(file);
        if (yaml.Root is null) return [];
        if (yaml.Root is not IDictionary<string, object?> root)
            throw yaml.Error("must be a mapping with a 'packages:' list");
        if (!root.TryGetValue("packages", out var raw) || raw is null) return [];
        if (context is not null) raw = NativeRenderer.Render(raw, context, $"{file} 'packages'");
        if (raw is not IList<object?> list) throw yaml.Error("has 'packages' that is not a list", "packages");
        var result = new List<PackageSpec>();
        for (var i = 0; i < list.Count; i++) result.Add(ParseEntry(list[i], yaml, "packages", i.ToString()));
        return result;
    }

    internal static PackageSpec ParseEntry(object? entry, YamlValues yaml, params string[] keys)
    {
        if (entry is not IDictionary<string, object?> d)
            throw yaml.Error("has a package entry that is not a mapping (expected local:, git:, package: or tarball:)", keys);
        string? S(string k) => d.TryGetValue(k, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (S("local") is { } local) return new LocalPackageSpec(local);
        if (S("git") is { } git)
            return new GitPackageSpec(git, S("revision"), S("subdirectory"), !(d.TryGetValue("warn-unpinned", out var w) && w is false));
        if (S("package") is { } hub) return new HubPackageSpec(hub, d.TryGetValue("version", out var ver) ? ver : null);
        if (S("tarball") is { } tarball) return new TarballPackageSpec(tarball, S("name"));
        throw yaml.Error("has a package entry without local:, git:, package: or tarball:", keys);
    }

    /// <summary>
    /// The <c>sha1_hash</c> package-lock.yml records for a packages list: sha1 of the entries serialised as JSON
    /// with sorted keys, one per line, lines sorted — so a re-ordered packages.yml still matches its lock.
    /// </summary>
    public static string Sha1Hash(IEnumerable<PackageSpec> packages)
    {
        var lines = packages.Select(p => JsonSerializer.Serialize(
                new SortedDictionary<string, object?>(p.ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)))
            .OrderBy(s => s, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
