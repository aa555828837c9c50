using System.Collections;

namespace Slipway.Jinja.Values;

// iter(), len() and calling.
public static partial class Py
{
    public static IEnumerable<object?> Iterate(object? obj)
    {
        switch (obj)
        {
            case Undefined u:
                if (u.IsStrict) throw u.Fail();
                return [];
            case string s: return StringChars(s, false);
            case Markup m: return StringChars(m.Value, false); // str.__iter__ gives plain str, even for Markup
            case PyTuple t: return t;
            case PyRange r: return r.Items();
            case IDictionary<object, object?> d: return d.Keys.Select(KeyOut).ToList();
            case IDictionary<string, object?> d: return d.Keys.ToList();
            case IList<object?> list: return ListItems(list);
            case IJinjaObject and IEnumerable e: return e.Cast<object?>().Select(FromHost);
            case IJinjaObject or IJinjaCallable or Namespace or null or bool or long or double:
                throw TypeError($"'{TypeName(obj)}' object is not iterable");
            case IEnumerable e: return e.Cast<object?>().Select(FromHost);
            default: throw TypeError($"'{TypeName(obj)}' object is not iterable");
        }
    }

    // By index, as Python iterates a list: items appended during the loop are seen, and nothing throws.
    private static IEnumerable<object?> ListItems(IList<object?> list)
    {
        for (var i = 0; i < list.Count; i++) yield return FromHost(list[i]);
    }

    private static IEnumerable<object?> StringChars(string s, bool markup)
    {
        foreach (var rune in s.EnumerateRunes())
            yield return markup ? new Markup(rune.ToString()) : rune.ToString();
    }

    public static long Length(object? obj) => obj switch
    {
        Undefined u => u.IsStrict ? throw u.Fail() : 0,
        string s => StringLength(s),
        Markup m => StringLength(m.Value),
        PyTuple t => t.Count,
        PyRange r => r.Count,
        IDictionary<object, object?> d => d.Count,
        IDictionary<string, object?> d => d.Count,
        ICollection<object?> c => c.Count,
        IReadOnlyCollection<object?> c => c.Count,
        System.Collections.ICollection c => c.Count,
        _ => throw TypeError($"object of type '{TypeName(obj)}' has no len()"),
    };

    internal static long StringLength(string s) => HasSurrogates(s) ? s.EnumerateRunes().Count() : s.Length;

    public static object? Call(object? callee, Arguments arguments) => callee switch
    {
        IJinjaCallable f => f.Call(arguments),
        Undefined u => throw u.Fail(),
        _ => throw TypeError($"'{TypeName(callee)}' object is not callable"),
    };
}
