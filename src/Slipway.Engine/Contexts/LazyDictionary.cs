using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Slipway.Engine.Contexts;

/// <summary>
/// A dictionary built on first use: <c>model</c> is in every context but most templates never read it, and
/// building a node's dictionary costs a serialisation.
/// </summary>
internal sealed class LazyDictionary(Func<OrderedDictionary<string, object?>> build) : IDictionary<string, object?>
{
    private OrderedDictionary<string, object?>? _value;
    private OrderedDictionary<string, object?> Value => _value ??= build();

    public object? this[string key] { get => Value[key]; set => Value[key] = value; }
    public ICollection<string> Keys => Value.Keys;
    public ICollection<object?> Values => Value.Values;
    public int Count => Value.Count;
    public bool IsReadOnly => false;
    public void Add(string key, object? value) => Value.Add(key, value);
    public void Add(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)Value).Add(item);
    public void Clear() => Value.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)Value).Contains(item);
    public bool ContainsKey(string key) => Value.ContainsKey(key);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)Value).CopyTo(array, arrayIndex);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Value.GetEnumerator();
    public bool Remove(string key) => Value.Remove(key);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)Value).Remove(item);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => Value.TryGetValue(key, out value);
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
