namespace Slipway.Engine.Manifest;

/// <summary>The unique ids a resource depends on: macros it calls and nodes/sources/metrics it reads.</summary>
public sealed class DependsOn
{
    public List<string> Macros { get; set; } = [];
    public List<string> Nodes { get; set; } = [];

    /// <summary>Adds each id once, keeping first-seen order (dbt keeps call order and de-duplicates).</summary>
    public void AddNode(string uniqueId)
    {
        if (!Nodes.Contains(uniqueId)) Nodes.Add(uniqueId);
    }

    public void AddMacro(string uniqueId)
    {
        if (!Macros.Contains(uniqueId)) Macros.Add(uniqueId);
    }
}

/// <summary>One <c>ref()</c> call as written: <c>{"name", "package", "version"}</c> in the manifest.</summary>
public sealed record RefCall(string Name, string? Package, string? Version);

/// <summary>File checksum: dbt uses sha256 of the file contents (seeds over 1 MB use the path instead).</summary>
public sealed record FileChecksum(string Name, string Checksum)
{
    public static FileChecksum Sha256(string contents)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contents));
        return new("sha256", Convert.ToHexStringLower(bytes));
    }

    public static readonly FileChecksum None = new("none", "");
}

/// <summary>A test's generic-test identity: <c>{name, kwargs, namespace}</c>.</summary>
public sealed class TestMetadata
{
    public required string Name { get; set; }
    public OrderedDictionary<string, object?> Kwargs { get; set; } = new();
    public string? Namespace { get; set; }
}

/// <summary>A column declared in properties YAML (dbt's <c>ColumnInfo</c>).</summary>
public sealed class ColumnInfo
{
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public OrderedDictionary<string, object?> Meta { get; set; } = new();
    public string? DataType { get; set; }
    public List<object?> Constraints { get; set; } = [];
    public bool? Quote { get; set; }
    public OrderedDictionary<string, object?> Config { get; set; } = new();
    public List<string> Tags { get; set; } = [];
    public string? Granularity { get; set; }
    public List<object?> DocBlocks { get; set; } = [];
}

/// <summary>An ephemeral model inlined into a node's SQL as <c>__dbt__cte__&lt;name&gt;</c>.</summary>
public sealed record InjectedCte(string Id, string Sql);
