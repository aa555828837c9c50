namespace Slipway.Engine.Project.Packages;

/// <summary>One entry of packages.yml / dependencies.yml (or package-lock.yml), as written.</summary>
public abstract record PackageSpec
{
    /// <summary>The entry as a YAML mapping (for package-lock.yml and its hash), keys as dbt writes them.</summary>
    public abstract IReadOnlyDictionary<string, object?> ToDictionary();

    /// <summary>How dbt names the entry in its "Installing …" line.</summary>
    public abstract string Display { get; }
}

/// <summary><c>local: ../path</c> — relative to the project root.</summary>
public sealed record LocalPackageSpec(string Path) : PackageSpec
{
    public override IReadOnlyDictionary<string, object?> ToDictionary() => new OrderedDictionary<string, object?> { ["local"] = Path };
    public override string Display => Path;
}

/// <summary><c>git: url</c> with optional <c>revision</c> (tag, branch or commit) and <c>subdirectory</c>.</summary>
public sealed record GitPackageSpec(string Url, string? Revision, string? Subdirectory, bool WarnUnpinned = true) : PackageSpec
{
    public override IReadOnlyDictionary<string, object?> ToDictionary()
    {
        var d = new OrderedDictionary<string, object?> { ["git"] = Url };
        if (Revision is not null) d["revision"] = Revision;
        if (Subdirectory is not null) d["subdirectory"] = Subdirectory;
        if (!WarnUnpinned) d["warn-unpinned"] = false;
        return d;
    }
    public override string Display => Url;
}

/// <summary><c>package: owner/name</c> from dbt Hub: recognised so the error can name it; not installable here.</summary>
public sealed record HubPackageSpec(string Package, object? Version) : PackageSpec
{
    public override IReadOnlyDictionary<string, object?> ToDictionary() =>
        new OrderedDictionary<string, object?> { ["package"] = Package, ["version"] = Version };
    public override string Display => Package;
}

/// <summary><c>tarball: url</c> with <c>name</c>: recognised, not installable yet.</summary>
public sealed record TarballPackageSpec(string Url, string? Name) : PackageSpec
{
    public override IReadOnlyDictionary<string, object?> ToDictionary() =>
        new OrderedDictionary<string, object?> { ["tarball"] = Url, ["name"] = Name };
    public override string Display => Url;
}
