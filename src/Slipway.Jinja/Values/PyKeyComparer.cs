namespace Slipway.Jinja.Values;

/// <summary>Dict-key equality and hashing as Python's (1, 1.0 and True are the same key). TEMPORARY: the Values author completes it.</summary>
public sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static readonly PyKeyComparer Instance = new();
    public new bool Equals(object? x, object? y) => Py.Equal(x, y);
    public int GetHashCode(object obj) => obj switch
    {
        bool b => b ? 1 : 0,
        long l => l.GetHashCode(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
