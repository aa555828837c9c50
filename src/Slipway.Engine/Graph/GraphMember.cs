namespace Slipway.Engine.Graph;

/// <summary>The manifest collection a graph member lives in; dbt's selector methods search per collection.</summary>
internal enum MemberCollection
{
    Node,
    Source,
    Exposure,
    Metric,
    SemanticModel,
    SavedQuery,
    UnitTest,
}

/// <summary>
/// What the DAG and the selector methods read of one manifest member (node, source, exposure, …).
/// A flat view so that selection works the same over the in-memory manifest and a manifest.json from --state.
/// </summary>
internal sealed class GraphMember
{
    public required string UniqueId { get; init; }

    /// <summary>dbt's NodeType value: model, seed, test, unit_test, source, …</summary>
    public required string ResourceType { get; init; }

    public required MemberCollection Collection { get; init; }

    public required string Name { get; init; }

    public required string PackageName { get; init; }

    public IReadOnlyList<string> Fqn { get; init; } = [];

    public string OriginalFilePath { get; init; } = "";

    /// <summary>The yml file that patched the node, without its "package://" prefix.</summary>
    public string? PatchPath { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The rendered config: strings, bools, numbers, lists and nested dictionaries.</summary>
    public IReadOnlyDictionary<string, object?> Config { get; init; } = EmptyConfig;

    /// <summary>The group the member belongs to (config.group, or a metric's group).</summary>
    public string? Group { get; init; }

    /// <summary>Models only: private, protected or public.</summary>
    public string? Access { get; init; }

    /// <summary>Versioned models: this version and the model's latest version, as written in yml.</summary>
    public string? Version { get; init; }

    public string? LatestVersion { get; init; }

    public IReadOnlyList<string> DependsOnNodes { get; init; } = [];

    public IReadOnlyList<string> DependsOnMacros { get; init; } = [];

    /// <summary>Sources only.</summary>
    public string? SourceName { get; init; }

    /// <summary>Generic data tests: the test's name (not_null, unique, …); null for singular tests.</summary>
    public string? TestMetadataName { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>dbt leaves nodes with blank raw code out of the graph unless a command includes them.</summary>
    public bool IsEmpty { get; init; }

    private Lazy<StateFingerprint?>? _state;

    /// <summary>What state:modified compares; null when the member carries nothing comparable.</summary>
    public StateFingerprint? State { get => _state?.Value; init => _state = new(value); }

    /// <summary>
    /// <see cref="State"/> computed on first use: only state: selectors read it, and canonicalising every member's
    /// config costs a run that selects without state about as much as building the rest of the graph.
    /// </summary>
    public Func<StateFingerprint?> LazyState { init => _state = new(value); }

    public bool IsVersioned => Version is not null;

    public bool IsGenericTest => ResourceType == "test" && TestMetadataName is not null;

    public bool IsSingularTest => ResourceType == "test" && TestMetadataName is null;

    internal static readonly IReadOnlyDictionary<string, object?> EmptyConfig = new Dictionary<string, object?>();
}
