using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

/// <summary>Parse-time facts about a node that the manifest does not keep: where it came from and what it asked for.</summary>
internal sealed class NodeDraft(ManifestNode node, SourceFile? file)
{
    public ManifestNode Node { get; } = node;
    public SourceFile? File { get; } = file;
    /// <summary>Set when the SQL needs only ref/source/config with literal arguments (no Jinja engine needed).</summary>
    public StaticTemplate? Static { get; set; }
    /// <summary>Configs from the properties YAML (<c>config:</c> of the model's entry).</summary>
    public OrderedDictionary<string, object?>? PatchConfig { get; set; }
    /// <summary>The dbt_project.yml configs for the node's fqn (computed once, before rendering).</summary>
    public OrderedDictionary<string, object?> ProjectConfig { get; set; } = new();
    /// <summary>For a YAML-defined generic test: the node it tests (ref name and version, or source).</summary>
    public string? TestTargetRef { get; set; }
    public bool Rendered { get; set; }
    /// <summary>Line of the block (snapshots) inside the file, for errors.</summary>
    public int Line { get; set; } = 1;
}
