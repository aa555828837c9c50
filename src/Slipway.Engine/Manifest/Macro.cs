namespace Slipway.Engine.Manifest;

/// <summary>A macro (<c>macro.&lt;pkg&gt;.&lt;name&gt;</c>), including materializations and generic-test macros.</summary>
public sealed class Macro : ManifestResource
{
    public override ResourceType ResourceType => ResourceType.Macro;
    /// <summary>The macro's block source, from <c>{% macro %}</c> to <c>{% endmacro %}</c> inclusive.</summary>
    public required string MacroSql { get; set; }
    public List<string> DependsOnMacros { get; set; } = [];
    public string Description { get; set; } = "";
    public OrderedDictionary<string, object?> Meta { get; set; } = new();
    public bool DocsShow { get; set; } = true;
    public string? PatchPath { get; set; }
    /// <summary><c>[{name, type, description}]</c> from properties YAML.</summary>
    public List<object?> Arguments { get; set; } = [];
    public double CreatedAt { get; set; }
    public List<string>? SupportedLanguages { get; set; }
}

/// <summary>A <c>{% docs name %}</c> block (<c>doc.&lt;pkg&gt;.&lt;name&gt;</c>).</summary>
public sealed class Documentation : ManifestResource
{
    public override ResourceType ResourceType => ResourceType.Documentation;
    public required string BlockContents { get; set; }
}

/// <summary>A <c>groups:</c> entry (<c>group.&lt;pkg&gt;.&lt;name&gt;</c>).</summary>
public sealed class Group : ManifestResource
{
    public override ResourceType ResourceType => ResourceType.Group;
    /// <summary><c>{name, email, ...}</c>.</summary>
    public OrderedDictionary<string, object?> Owner { get; set; } = new();
    public string? Description { get; set; }
    public OrderedDictionary<string, object?> Config { get; set; } = new();
}
