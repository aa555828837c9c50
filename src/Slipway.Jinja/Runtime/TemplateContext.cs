using System.Text;
using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Runtime;

/// <summary>
/// One run of a template (and of the parents it extends): host variables, the shared root frame,
/// the block chains, what the run exports, and dbt's collected docs/snapshots.
/// </summary>
internal sealed class TemplateContext
{
    public TemplateContext(Template template, IDictionary<string, object?> parent, Frame? outerFrame)
    {
        Template = template;
        Parent = parent;
        Root = new Frame(outerFrame, this, template, isRoot: true) { Vars = new Dictionary<string, object?>(StringComparer.Ordinal) };
        foreach (var (name, block) in template.Root.Blocks) Blocks[name] = [(block, template)];
    }

    public Template Template { get; }
    /// <summary>Variables from the host (read by reference: a shared macro namespace may grow while rendering).</summary>
    public IDictionary<string, object?> Parent { get; }
    public Frame Root { get; }
    public Dictionary<string, List<(BlockStmt Block, Template Owner)>> Blocks { get; } = new(StringComparer.Ordinal);
    public List<string> Exported { get; } = new();
    public Dictionary<string, Macro> Macros { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Docs { get; } = new(StringComparer.Ordinal);
    public List<string> Snapshots { get; } = new();
    public Dictionary<string, string> SnapshotBodies { get; } = new(StringComparer.Ordinal);
    /// <summary>Set by <c>{% extends %}</c>: rendered once this template's body is done.</summary>
    public Template? ParentTemplate { get; set; }
    /// <summary>The real output while an extending template's own output is being discarded.</summary>
    public StringBuilder? SuppressedOutput { get; set; }

    private readonly HashSet<string> _exportedNames = new(StringComparer.Ordinal);

    public void Export(string name)
    {
        if (name.Length > 0 && name[0] != '_' && _exportedNames.Add(name)) Exported.Add(name);
    }

    public void Unexport(string name)
    {
        if (_exportedNames.Remove(name)) Exported.Remove(name);
    }

    /// <summary>A root frame for code of <paramref name="owner"/> (a parent template) sharing this run's variables.</summary>
    public Frame RootFor(Template owner) =>
        ReferenceEquals(owner, Root.Template) ? Root : new Frame(Root.Parent, this, owner, isRoot: true) { Vars = Root.Vars };
}
