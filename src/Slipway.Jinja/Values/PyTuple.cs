using System.Collections;

namespace Slipway.Jinja.Values;

/// <summary>
/// An immutable Python tuple. <see cref="FieldNames"/> makes it a named tuple (groupby's
/// <c>(grouper, list)</c>): the items are also attributes, and it still prints as a plain tuple.
/// </summary>
public sealed class PyTuple(object?[] items, string[]? fieldNames = null, string? typeName = null) : IReadOnlyList<object?>
{
    public static readonly PyTuple Empty = new([]);
    private readonly object?[] _items = items;
    public int Count => _items.Length;
    public object? this[int index] => _items[index];
    internal string[]? FieldNames { get; } = fieldNames;
    /// <summary>The Python class name of a named tuple ("_GroupTuple"); "tuple" otherwise.</summary>
    internal string TypeName { get; } = typeName ?? "tuple";
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    public override string ToString() => Py.Repr(this);
}
