namespace Slipway.Jinja.Runtime;

/// <summary>
/// One scope of variables. Lookups walk the parent chain, then the context's host variables, then globals.
/// The root frame of a template run holds its top-level variables (Jinja2's context.vars) in
/// <see cref="Vars"/>, shared with the templates it extends; other scopes (loop iterations, macro calls,
/// with blocks) usually hold a handful of names, kept in small arrays searched in order, which is cheaper
/// than hashing. They move to a dictionary when they outgrow them.
/// </summary>
internal sealed class Frame(Frame? parent, TemplateContext context, Template template, bool isRoot = false)
{
    private const int InlineSlots = 8;

    public readonly Frame? Parent = parent;
    public readonly TemplateContext Context = context;
    /// <summary>The template whose code runs in this frame (for error locations).</summary>
    public readonly Template Template = template;
    public readonly bool IsRoot = isRoot;
    /// <summary>The variables when kept in a dictionary (always for root frames).</summary>
    public Dictionary<string, object?>? Vars;
    private string[]? _names;
    private object?[]? _values;
    private int _count;

    public void Set(string name, object? value)
    {
        if (Vars is not null)
        {
            Vars[name] = value;
            return;
        }
        var names = _names;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(names![i], name))
            {
                _values![i] = value;
                return;
            }
        }
        if (_count < InlineSlots)
        {
            _names ??= new string[InlineSlots];
            _values ??= new object?[InlineSlots];
            _names[_count] = name;
            _values[_count++] = value;
            return;
        }
        Vars = new Dictionary<string, object?>(InlineSlots * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++) Vars[_names![i]] = _values![i];
        Vars[name] = value;
        _count = 0;
        _names = null;
        _values = null;
    }

    public void Clear()
    {
        Vars?.Clear();
        if (_count > 0)
        {
            Array.Clear(_values!, 0, _count);
            _count = 0;
        }
    }

    private bool TryGetOwn(string name, out object? value)
    {
        if (Vars is not null) return Vars.TryGetValue(name, out value);
        var names = _names;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(names![i], name))
            {
                value = _values![i];
                return true;
            }
        }
        value = null;
        return false;
    }

    public bool TryLookup(string name, out object? value)
    {
        for (var f = this; f is not null; f = f.Parent)
            if (f.TryGetOwn(name, out value)) return true;
        value = null;
        return false;
    }
}
