using Slipway.Jinja.Runtime;

namespace Slipway.Jinja;

/// <summary>
/// A template run as a module (<c>{% import %}</c>, or <see cref="Template.MakeModule"/> for the host):
/// its top-level macros, its exported top-level variables, its rendered body, and dbt's docs/snapshot blocks.
/// Templates see its exports as attributes.
/// </summary>
public sealed class TemplateModule : IJinjaObject
{
    internal TemplateModule(string? name, Dictionary<string, Macro> macros, Dictionary<string, object?> variables,
        string body, Dictionary<string, string> docs, List<string> snapshots, Dictionary<string, string> snapshotBodies)
    {
        SnapshotBodies = snapshotBodies;
        Name = name;
        Macros = macros;
        Variables = variables;
        Body = body;
        Docs = docs;
        SnapshotBlocks = snapshots;
    }

    public string? Name { get; }
    /// <summary>Top-level macros (including dbt's test_*/materialization_* block macros), by name.</summary>
    public IReadOnlyDictionary<string, Macro> Macros { get; }
    /// <summary>Exported top-level variables (names not starting with an underscore), macros included.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }
    /// <summary>The rendered text of the template.</summary>
    public string Body { get; }
    /// <summary>dbt <c>{% docs name %}</c> blocks: name → raw text.</summary>
    public IReadOnlyDictionary<string, string> Docs { get; }
    /// <summary>Names of dbt <c>{% snapshot name %}</c> blocks, in order.</summary>
    public IReadOnlyList<string> SnapshotBlocks { get; }
    /// <summary>The rendered text of each snapshot block, by name.</summary>
    public IReadOnlyDictionary<string, string> SnapshotBodies { get; }

    public bool TryGetAttribute(string name, out object? value) => Variables.TryGetValue(name, out value);

    public override string ToString() => Body;
}
