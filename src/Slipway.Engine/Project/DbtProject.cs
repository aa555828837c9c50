namespace Slipway.Engine.Project;

/// <summary>
/// One dbt project as its <c>dbt_project.yml</c> describes it: the root project or an installed package. Paths are
/// relative to <see cref="RootPath"/> as written (dbt's vocabulary); config trees are the rendered
/// <c>models:</c>/<c>seeds:</c>/… dictionaries, read through <see cref="ProjectConfigResolver"/>.
/// </summary>
public sealed class DbtProject
{
    public required string Name { get; init; }
    public string? Version { get; init; }
    /// <summary>The profile named in the file; null when absent (then <c>--profile</c> must say).</summary>
    public string? ProfileName { get; init; }
    /// <summary>Absolute path of the folder holding dbt_project.yml.</summary>
    public required string RootPath { get; init; }
    public string ProjectFile => Path.Combine(RootPath, "dbt_project.yml");

    public IReadOnlyList<string> ModelPaths { get; init; } = ["models"];
    public IReadOnlyList<string> SeedPaths { get; init; } = ["seeds"];
    public IReadOnlyList<string> TestPaths { get; init; } = ["tests"];
    public IReadOnlyList<string> MacroPaths { get; init; } = ["macros"];
    public IReadOnlyList<string> SnapshotPaths { get; init; } = ["snapshots"];
    public IReadOnlyList<string> AnalysisPaths { get; init; } = ["analyses"];
    /// <summary>Where <c>{% docs %}</c> blocks are searched; dbt's default is every source path above.</summary>
    public IReadOnlyList<string> DocsPaths { get; init; } = [];
    public IReadOnlyList<string> AssetPaths { get; init; } = [];
    public string TargetPath { get; init; } = "target";
    public string PackagesInstallPath { get; init; } = "dbt_packages";
    public IReadOnlyList<string> CleanTargets { get; init; } = ["target"];

    /// <summary>The <c>vars:</c> block as written (not rendered: dbt renders vars lazily, at use).</summary>
    public IReadOnlyDictionary<string, object?> Vars { get; init; } = Empty;
    /// <summary><c>require-dbt-version</c> as a list of specifiers (accepted, not enforced: Slipway is not dbt).</summary>
    public IReadOnlyList<string> RequireDbtVersion { get; init; } = [];
    /// <summary>Behaviour flags (<c>flags:</c>), e.g. <c>require_explicit_package_overrides_for_builtin_materializations</c>.</summary>
    public IReadOnlyDictionary<string, object?> Flags { get; init; } = Empty;
    public IReadOnlyList<DispatchEntry> Dispatch { get; init; } = [];
    /// <summary>Project quoting (<c>database</c>, <c>schema</c>, <c>identifier</c>): bools, absent keys mean the adapter default.</summary>
    public IReadOnlyDictionary<string, object?> Quoting { get; init; } = Empty;
    /// <summary>Hooks as written (unrendered: dbt renders them at run time).</summary>
    public IReadOnlyList<string> OnRunStart { get; init; } = [];
    public IReadOnlyList<string> OnRunEnd { get; init; } = [];
    public object? QueryComment { get; init; }

    /// <summary>Config trees by dbt_project.yml key: <c>models</c>, <c>seeds</c>, <c>snapshots</c>, <c>data_tests</c>, …</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> ConfigTrees { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary>Every top-level key of the file as loaded (rendered where dbt renders), for anything not modelled above.</summary>
    public IReadOnlyDictionary<string, object?> Raw { get; init; } = Empty;

    public bool FlagEnabled(string name, bool @default) =>
        Flags.TryGetValue(name, out var v) && v is bool b ? b : @default;

    /// <summary>Absolute directories for one of the path lists.</summary>
    public IEnumerable<string> Absolute(IEnumerable<string> relative) =>
        relative.Select(p => Path.GetFullPath(Path.Combine(RootPath, p)));

    internal static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}

/// <summary>One <c>dispatch:</c> entry: for macros of <see cref="MacroNamespace"/>, search these packages in order.</summary>
public sealed record DispatchEntry(string MacroNamespace, IReadOnlyList<string> SearchOrder);
