namespace Slipway.Jinja.Runtime;

/// <summary>
/// One scope of variables. Lookups walk the parent chain, then the context's host variables, then globals.
/// The root frame of a template run holds its top-level variables (Jinja2's context.vars).
/// </summary>
internal sealed class Frame(Frame? parent, TemplateContext context, Template template, bool isRoot = false)
{
    public readonly Frame? Parent = parent;
    public readonly TemplateContext Context = context;
    /// <summary>The template whose code runs in this frame (for error locations).</summary>
    public readonly Template Template = template;
    public readonly bool IsRoot = isRoot;
    public Dictionary<string, object?>? Vars;

    public void Set(string name, object? value) => (Vars ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;

    public void Clear() => Vars?.Clear();

    public bool TryLookup(string name, out object? value)
    {
        for (var f = this; f is not null; f = f.Parent)
            if (f.Vars is not null && f.Vars.TryGetValue(name, out value)) return true;
        value = null;
        return false;
    }
}
