namespace Slipway.Engine.Manifest;

/// <summary>One table of a <c>sources:</c> entry: <c>source.&lt;pkg&gt;.&lt;source&gt;.&lt;table&gt;</c>.</summary>
public sealed class SourceDefinition : GraphResource
{
    public override ResourceType ResourceType => ResourceType.Source;
    public string? Database { get; set; }
    public required string Schema { get; set; }
    public required string SourceName { get; set; }
    public string SourceDescription { get; set; } = "";
    public string Loader { get; set; } = "";
    public required string Identifier { get; set; }
    public OrderedDictionary<string, object?> Quoting { get; set; } = new();
    public string? LoadedAtField { get; set; }
    public string? LoadedAtQuery { get; set; }
    /// <summary><c>{warn_after: {count, period}, error_after, filter}</c> or null.</summary>
    public OrderedDictionary<string, object?>? Freshness { get; set; }
    public OrderedDictionary<string, object?>? External { get; set; }
    public OrderedDictionary<string, ColumnInfo> Columns { get; set; } = new();
    public OrderedDictionary<string, object?> SourceMeta { get; set; } = new();
    public NodeConfig Config { get; set; } = new();
    public string? PatchPath { get; set; }
    public OrderedDictionary<string, object?> UnrenderedConfig { get; set; } = new();
    public string? RelationName { get; set; }
    public string? UnrenderedDatabase { get; set; }
    public string? UnrenderedSchema { get; set; }
}
