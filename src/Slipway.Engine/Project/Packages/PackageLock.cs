using System.Text;

namespace Slipway.Engine.Project.Packages;

/// <summary>
/// package-lock.yml: every package pinned (git entries at the commit they resolved to) plus the installed name, and
/// the <c>sha1_hash</c> of the packages.yml entries it was resolved from — while that hash matches, <c>deps</c>
/// installs exactly the locked versions.
/// </summary>
public sealed record PackageLock(IReadOnlyList<LockedPackage> Packages, string Sha1Hash)
{
    public static PackageLock? Read(string projectRoot)
    {
        var file = Path.Combine(projectRoot, PackagesFile.LockFileName);
        if (!File.Exists(file)) return null;
        var yaml = YamlValues.Load(file);
        if (yaml.Root is not IDictionary<string, object?> root) return null;
        var hash = root.TryGetValue("sha1_hash", out var h) ? h as string ?? "" : "";
        var packages = new List<LockedPackage>();
        if (root.TryGetValue("packages", out var raw) && raw is IList<object?> list)
            for (var i = 0; i < list.Count; i++)
            {
                var spec = PackagesFile.ParseEntry(list[i], yaml, "packages", i.ToString());
                var name = list[i] is IDictionary<string, object?> d && d.TryGetValue("name", out var n) ? n as string : null;
                packages.Add(new LockedPackage(spec, name));
            }
        return new PackageLock(packages, hash);
    }

    public void Write(string projectRoot) =>
        File.WriteAllText(Path.Combine(projectRoot, PackagesFile.LockFileName), PackagesYaml(Packages) + $"sha1_hash: {Sha1Hash}\n");

    /// <summary>A <c>packages:</c> list as YAML, one mapping per entry (with <c>name:</c> when known).</summary>
    internal static string PackagesYaml(IEnumerable<LockedPackage> packages)
    {
        var sb = new StringBuilder("packages:\n");
        var any = false;
        foreach (var p in packages)
        {
            any = true;
            var first = true;
            foreach (var (k, v) in p.Spec.ToDictionary())
            {
                sb.Append(first ? "  - " : "    ").Append(k).Append(": ").Append(Scalar(v)).Append('\n');
                first = false;
            }
            if (p.Name is not null) sb.Append("    name: ").Append(Scalar(p.Name)).Append('\n');
        }
        return any ? sb.ToString() : "packages: []\n";
    }

    private static string Scalar(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long or int or double => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
        IList<object?> l => "[" + string.Join(", ", l.Select(Scalar)) + "]",
        _ => Text(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!),
    };

    // Plain when YAML would read the text back as the same string (as PyYAML's safe_dump writes), quoted otherwise.
    private static string Text(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or '@' or '+')
        && !s.StartsWith('-') && YamlValues.ResolvePlain(s) is string
            ? s : "'" + s.Replace("'", "''") + "'";
}

/// <summary>One pinned entry of package-lock.yml.</summary>
public sealed record LockedPackage(PackageSpec Spec, string? Name);
