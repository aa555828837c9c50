namespace Slipway.Jinja.Values;

// One view over both dict shapes: PyDict (keys of any hashable type) and host IDictionary<string, object?>.
public static partial class Py
{
    internal static IEnumerable<KeyValuePair<object?, object?>> DictItems(object dict)
    {
        switch (dict)
        {
            case IDictionary<object, object?> d:
                foreach (var kv in d.ToList()) yield return new(KeyOut(kv.Key), kv.Value);
                break;
            case IDictionary<string, object?> d:
                foreach (var kv in d.ToList()) yield return new(kv.Key, FromHost(kv.Value));
                break;
        }
    }

    internal static int DictCount(object dict) => dict switch
    {
        IDictionary<object, object?> d => d.Count,
        IDictionary<string, object?> d => d.Count,
        _ => 0,
    };

    internal static bool DictTryGet(object dict, object? key, out object? value)
    {
        switch (dict)
        {
            case IDictionary<object, object?> d:
                CheckHashable(key);
                if (key is not null && d.TryGetValue(key, out value)) return true;
                if (key is null && d.TryGetValue(NoneKey.Instance, out value)) return true;
                break;
            case IDictionary<string, object?> d:
                CheckHashable(key);
                if (AsString(key) is { } s && d.TryGetValue(s, out value))
                {
                    value = FromHost(value);
                    return true;
                }
                break;
        }
        value = null;
        return false;
    }

    internal static void DictSet(object dict, object? key, object? value)
    {
        switch (dict)
        {
            case IDictionary<object, object?> d:
                CheckHashable(key);
                d[key ?? NoneKey.Instance] = value;
                break;
            case IDictionary<string, object?> d:
                d[AsString(key) ?? throw TypeError($"keys of this dict must be str, not '{TypeName(key)}'")] = value;
                break;
        }
    }

    internal static bool DictRemove(object dict, object? key, out object? value)
    {
        if (!DictTryGet(dict, key, out value)) return false;
        switch (dict)
        {
            case IDictionary<object, object?> d: d.Remove(key ?? NoneKey.Instance); break;
            case IDictionary<string, object?> d: d.Remove(AsString(key)!); break;
        }
        return true;
    }

    internal static void DictClear(object dict)
    {
        switch (dict)
        {
            case IDictionary<object, object?> d: d.Clear(); break;
            case IDictionary<string, object?> d: d.Clear(); break;
        }
    }

    /// <summary>Dict keys as template values (None stored as <see cref="NoneKey"/> comes back as null).</summary>
    internal static object? KeyOut(object? key) => key is NoneKey ? null : key;

    internal static void CheckHashable(object? key)
    {
        if (key is IList<object?> || IsDict(key)) throw TypeError($"unhashable type: '{TypeName(key)}'");
        if (key is Undefined { IsStrict: true } u) throw u.Fail();
        if (key is PyTuple t) foreach (var item in t) CheckHashable(item);
    }
}

/// <summary>Stands for None as a dict key (dictionary keys cannot be null in .NET).</summary>
internal sealed class NoneKey
{
    public static readonly NoneKey Instance = new();
    public override string ToString() => "None";
}
