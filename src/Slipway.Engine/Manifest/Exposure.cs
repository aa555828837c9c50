namespace Slipway.Engine.Manifest;

/// <summary>An <c>exposures:</c> entry: a downstream use (dashboard, notebook, …) that depends on nodes.</summary>
public sealed class Exposure : GraphResource
{
    public override ResourceType ResourceType => ResourceType.Exposure;
    public required string Type { get; set; }
    public OrderedDictionary<string, object?> Owner { get; set; } = new();
    public string? Label { get; set; }
    public string? Maturity { get; set; }
    public string? Url { get; set; }
    public NodeConfig Config { get; set; } = new();
    public OrderedDictionary<string, object?> UnrenderedConfig { get; set; } = new();
    public List<RefCall> Refs { get; set; } = [];
    public List<string[]> Sources { get; set; } = [];
    public List<string[]> Metrics { get; set; } = [];
}

/// <summary>
/// Metrics, semantic models, saved queries and unit tests: the engine only selects and lists them, so their
/// body is kept as the YAML data it came from (<see cref="Properties"/>, written back as-is after the
/// identity fields). Never an error to declare one.
/// </summary>
public sealed class DataResource : GraphResource
{
    public DataResource(ResourceType type) => Type = type;

    public ResourceType Type { get; }
    public override ResourceType ResourceType => Type;
    public OrderedDictionary<string, object?> Properties { get; set; } = new();
    public NodeConfig Config { get; set; } = new();
    public List<RefCall> Refs { get; set; } = [];
    public string? Group { get; set; }
    /// <summary>Semantic models: the relation of the model they describe (<c>{alias, schema_name, database, relation_name}</c>).</summary>
    public OrderedDictionary<string, object?>? NodeRelation { get; set; }
    /// <summary>Unit tests: the schema of the model under test.</summary>
    public string? Schema { get; set; }
    /// <summary>Where the entry starts in its YAML file (1-based), for errors that name it; null when not known.</summary>
    public (int Line, int Column)? Position { get; set; }
}
