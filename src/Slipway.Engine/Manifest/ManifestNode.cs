namespace Slipway.Engine.Manifest;

/// <summary>
/// A SQL node in <c>manifest.nodes</c> (dbt's <c>ParsedNode</c>/<c>CompiledNode</c>): models, seeds, analyses,
/// tests, snapshots, hooks and SQL operations. Fields mirror manifest v12; subclasses add their own.
/// </summary>
public abstract class ManifestNode : GraphResource
{
    public string? Database { get; set; }
    public required string Schema { get; set; }
    public required string Alias { get; set; }
    public FileChecksum Checksum { get; set; } = FileChecksum.None;
    public NodeConfig Config { get; set; } = new();
    public OrderedDictionary<string, ColumnInfo> Columns { get; set; } = new();
    public string? Group { get; set; }
    /// <summary><c>docs: {show, node_color}</c>.</summary>
    public bool DocsShow { get; set; } = true;
    public string? DocsNodeColor { get; set; }
    /// <summary><c>"&lt;pkg&gt;://models/x.yml"</c> when a properties file describes this node.</summary>
    public string? PatchPath { get; set; }
    public string? BuildPath { get; set; }
    public OrderedDictionary<string, object?> UnrenderedConfig { get; set; } = new();
    /// <summary>What <c>{{ config(...) }}</c> calls in the file set, before merging.</summary>
    public OrderedDictionary<string, object?> ConfigCallDict { get; set; } = new();
    public OrderedDictionary<string, object?> UnrenderedConfigCallDict { get; set; } = new();
    /// <summary>The rendered relation (<c>"db"."schema"."alias"</c>), null for ephemeral models and non-relations.</summary>
    public string? RelationName { get; set; }
    public string RawCode { get; set; } = "";
    public List<object?> DocBlocks { get; set; } = [];
    public string Language { get; set; } = "sql";
    public List<RefCall> Refs { get; set; } = [];
    /// <summary>Each <c>source()</c> call as <c>[source_name, table_name]</c>.</summary>
    public List<string[]> Sources { get; set; } = [];
    public List<string[]> Metrics { get; set; } = [];
    public string? CompiledPath { get; set; }
    public bool Compiled { get; set; }
    public string? CompiledCode { get; set; }
    public bool ExtraCtesInjected { get; set; }
    public List<InjectedCte> ExtraCtes { get; set; } = [];
    public bool ContractEnforced { get; set; }
    public bool ContractAliasTypes { get; set; } = true;
    public string? ContractChecksum { get; set; }

    /// <summary>True when the node's SQL is code that refs can point into (models, seeds, snapshots).</summary>
    public virtual bool IsRefable => false;

    /// <summary>Seeds have only macro dependencies in the schema (no refs, sources, language).</summary>
    public virtual bool HasSqlFields => true;

    public bool IsEphemeral => IsRefable && Config.Materialized == "ephemeral";
}

public sealed class ModelNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Model;
    public override bool IsRefable => true;
    public string Access { get; set; } = "protected";
    public List<object?> Constraints { get; set; } = [];
    /// <summary>The model version as written (<c>v: 2</c> → "2"), null for unversioned models.</summary>
    public string? Version { get; set; }
    public string? LatestVersion { get; set; }
    public string? DeprecationDate { get; set; }
    public List<string> PrimaryKey { get; set; } = [];
    public object? TimeSpine { get; set; }
    public object? Freshness { get; set; }
}

public sealed class SeedNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Seed;
    public override bool IsRefable => true;
    public override bool HasSqlFields => false;
    /// <summary>Absolute folder of the project the seed belongs to (dbt's <c>root_path</c>).</summary>
    public string? RootPath { get; set; }
}

public sealed class AnalysisNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Analysis;
}

public sealed class SingularTestNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Test;
}

public sealed class GenericTestNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Test;
    public string? ColumnName { get; set; }
    /// <summary>The YAML key the test sits under: <c>models</c>, <c>sources</c>, <c>seeds</c>, <c>snapshots</c>.</summary>
    public string? FileKeyName { get; set; }
    /// <summary>The unique id of the model/seed/snapshot the test is attached to (null for sources).</summary>
    public string? AttachedNode { get; set; }
    public required TestMetadata TestMetadata { get; set; }
}

public sealed class SnapshotNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Snapshot;
    public override bool IsRefable => true;
}

/// <summary><c>on-run-start</c>/<c>on-run-end</c> hooks become operation nodes with an index.</summary>
public sealed class HookNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.Operation;
    public int? Index { get; set; }
}

public sealed class SqlOperationNode : ManifestNode
{
    public override ResourceType ResourceType => ResourceType.SqlOperation;
}
