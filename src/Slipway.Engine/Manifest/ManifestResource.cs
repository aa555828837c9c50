namespace Slipway.Engine.Manifest;

/// <summary>
/// What every manifest entry has (dbt's <c>BaseResource</c>): identity and the file it came from.
/// <see cref="Path"/> is relative to the resource's root folder (e.g. <c>staging/stg_orders.sql</c> under
/// <c>models/</c>); <see cref="OriginalFilePath"/> is relative to the project root.
/// </summary>
public abstract class ManifestResource
{
    public required string UniqueId { get; set; }
    public required string Name { get; set; }
    public abstract ResourceType ResourceType { get; }
    public required string PackageName { get; set; }
    public required string Path { get; set; }
    public required string OriginalFilePath { get; set; }

    public override string ToString() => UniqueId;
}

/// <summary>A resource that takes part in the DAG and in selection (dbt's <c>GraphResource</c>): it has an fqn.</summary>
public abstract class GraphResource : ManifestResource
{
    public List<string> Fqn { get; set; } = [];
    public DependsOn DependsOn { get; set; } = new();
    public List<string> Tags { get; set; } = [];
    public OrderedDictionary<string, object?> Meta { get; set; } = new();
    public string Description { get; set; } = "";
    public double CreatedAt { get; set; }
}
