namespace Slipway.Jinja.Values;

/// <summary>Dict-key equality and hashing as Python's (1, 1.0 and True are the same key; str and Markup hash alike).</summary>
public sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static readonly PyKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => Py.Equal(x is NoneKey ? null : x, y is NoneKey ? null : y);

    public int GetHashCode(object obj) => obj switch
    {
        bool b => b ? 1 : 0,
        long l => l.GetHashCode(),
        int i => ((long)i).GetHashCode(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
        string s => s.GetHashCode(StringComparison.Ordinal),
        Markup m => m.Value.GetHashCode(StringComparison.Ordinal),
        PyTuple t => t.Aggregate(17, (h, x) => unchecked(h * 31 + (x is null ? 0 : GetHashCode(x)))),
        IList<object?> or IDictionary<object, object?> or IDictionary<string, object?> =>
            throw new JinjaRuntimeException($"unhashable type: '{Py.TypeName(obj)}'", "TypeError"),
        _ => obj.GetHashCode(),
    };
}
