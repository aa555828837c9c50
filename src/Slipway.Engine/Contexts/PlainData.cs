using System.Collections;
using System.Globalization;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// Values leaving Jinja (config() arguments, ref() arguments) become the plain data the manifest holds:
/// template dicts (keyed by any Python value) become string-keyed ordered dictionaries, tuples become lists,
/// Markup becomes its string.
/// </summary>
internal static class PlainData
{
    public static object? FromJinja(object? value) => value switch
    {
        null or string or bool or long or double => value,
        Markup m => m.ToString(),
        int i => (long)i,
        IDictionary<string, object?> d => d.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            (acc, kv) => { acc[kv.Key] = FromJinja(kv.Value); return acc; }),
        IEnumerable<KeyValuePair<object, object?>> pairs => pairs.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            (acc, kv) => { acc[Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? "None"] = FromJinja(kv.Value); return acc; }),
        IDictionary d => FromDictionary(d),
        IEnumerable e and not Slipway.Jinja.IJinjaObject => e.Cast<object?>().Select(FromJinja).ToList(),
        _ => value,
    };

    private static OrderedDictionary<string, object?> FromDictionary(IDictionary d)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var e = d.GetEnumerator();
        while (e.MoveNext()) result[Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "None"] = FromJinja(e.Value);
        return result;
    }
}
