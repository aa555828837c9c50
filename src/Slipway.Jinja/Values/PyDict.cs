namespace Slipway.Jinja.Values;

/// <summary>A Python dict made by a template: insertion-ordered, keys compared with Python equality (1 == 1.0 == True).</summary>
public sealed class PyDict : OrderedDictionary<object, object?>
{
    public PyDict() : base(PyKeyComparer.Instance) { }
    public PyDict(int capacity) : base(capacity, PyKeyComparer.Instance) { }
}
