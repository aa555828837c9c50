using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>diff_of_two_dicts(dict_a, dict_b)</c> for grants (privilege → grantees): what <c>dict_a</c> has that
/// <c>dict_b</c> lacks, comparing keys and values case-insensitively; a key missing from <c>dict_b</c> keeps its whole
/// list, a shared key keeps only the (lower-cased) values <c>dict_b</c> lacks; keys keep <c>dict_a</c>'s spelling.
/// </summary>
internal static class DictDiff
{
    public static OrderedDictionary<string, object?> Of(object? a, object? b)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var other = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in Items(b)) other[k.ToLowerInvariant()] = Values(v).Select(x => x.ToLowerInvariant()).ToList();
        foreach (var (k, v) in Items(a))
        {
            if (!other.TryGetValue(k.ToLowerInvariant(), out var theirs))
            {
                result[k] = v;
                continue;
            }
            var missing = Values(v).Select(x => x.ToLowerInvariant()).Distinct().Where(x => !theirs.Contains(x)).Cast<object?>().ToList();
            if (missing.Count > 0) result[k] = missing;
        }
        return result;
    }

    private static IEnumerable<(string Key, object? Value)> Items(object? dict) => dict switch
    {
        IDictionary<string, object?> d => d.Select(kv => (kv.Key, kv.Value)),
        PyDict pd => pd.Select(kv => (Py.ToStr(kv.Key), kv.Value)),
        _ => [],
    };

    private static IEnumerable<string> Values(object? value) => value switch
    {
        string s => [s],
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Py.ToStr),
        null => [],
        _ => [Py.ToStr(value)],
    };
}
