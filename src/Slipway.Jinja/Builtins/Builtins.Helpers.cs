using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Small pieces the filters share: Jinja2's attribute getters, Markup-preserving text transforms, argument errors.
public static partial class Builtins
{
    /// <summary>A filter argument Jinja2 rejects (FilterArgumentError).</summary>
    internal static JinjaRuntimeException FilterArgumentError(string message) => new(message, "FilterArgumentError");

    /// <summary>"a.b.0" → ["a", "b", 0]: Jinja2's dotted attribute paths, where all-digit parts are indices.</summary>
    internal static List<object?> AttributeParts(object? attribute)
    {
        if (attribute is null) return [];
        if (Py.AsString(attribute) is { } s)
            return s.Split('.').Select(p => p.Length > 0 && p.All(char.IsAsciiDigit) ? (object?)long.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : p).ToList();
        return [attribute];
    }

    /// <summary>Jinja2's make_attrgetter: follow the path with the template's item lookup; optionally replace undefineds and post-process.</summary>
    internal static Func<object?, object?> AttrGetter(IRenderContext context, object? attribute, Func<object?, object?>? postprocess = null, object? @default = null)
    {
        var parts = AttributeParts(attribute);
        return item =>
        {
            foreach (var part in parts)
            {
                item = context.GetItem(item, part);
                if (@default is not null && item is Undefined) item = @default;
            }
            return postprocess is null ? item : postprocess(item);
        };
    }

    /// <summary>Jinja2's make_multi_attrgetter: "a,b" gives a list key of both attributes.</summary>
    internal static Func<object?, object?> MultiAttrGetter(IRenderContext context, object? attribute, Func<object?, object?>? postprocess = null)
    {
        var paths = (Py.AsString(attribute) is { } s ? s.Split(',').Select(x => (object?)x) : [attribute]).Select(AttributeParts).ToList();
        return item =>
        {
            var key = new List<object?>(paths.Count);
            foreach (var parts in paths)
            {
                var value = item;
                foreach (var part in parts) value = context.GetItem(value, part);
                key.Add(postprocess is null ? value : postprocess(value));
            }
            return key;
        };
    }

    /// <summary>Jinja2's ignore_case: lower-case strings, leave everything else alone.</summary>
    internal static object? IgnoreCase(object? value) => value switch
    {
        string s => s.ToLowerInvariant(),
        Markup m => new Markup(m.Value.ToLowerInvariant()),
        _ => value,
    };

    /// <summary>soft_str + a transform: Markup stays Markup, anything else is str()-ed first.</summary>
    internal static object Text(object? value, Func<string, string> transform) =>
        value is Markup m ? new Markup(transform(m.Value)) : transform(Py.ToStr(value));

    internal static bool Bool(Arguments a, int index, string name, bool @default) =>
        a.Has(index, name) ? Py.IsTruthy(a.Get(index, name)) : @default;

    internal static long Int(Arguments a, int index, string name, long @default) =>
        a.Has(index, name) ? Py.IntArg(a.Get(index, name)) : @default;

    internal static List<object?> ToList(object? value) => Py.Iterate(value).ToList();
}
