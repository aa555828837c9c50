using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

/// <summary>The object <c>cycler(a, b, …)</c> returns: <c>next()</c> walks the items round and round.</summary>
internal sealed class Cycler(object?[] items) : IJinjaObject, IPyObject
{
    private long _position;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "items" => new List<object?>(items),
            "pos" => _position,
            "current" => items[_position],
            "next" => new JinjaFunction("next", _ => Next()),
            "reset" => new JinjaFunction("reset", _ => { _position = 0; return null; }),
            _ => Missing,
        };
        if (ReferenceEquals(value, Missing))
        {
            value = null;
            return false;
        }
        return true;
    }

    private static readonly object Missing = new();

    private object? Next()
    {
        var item = items[_position];
        _position = (_position + 1) % items.Length;
        return item;
    }

    public string PyTypeName => "Cycler";
    public string PyRepr() => "<jinja2.utils.Cycler object>";
}

/// <summary>The callable <c>joiner(sep)</c> returns: empty on the first call, the separator afterwards.</summary>
internal sealed class Joiner(string separator) : IJinjaCallable, IPyObject
{
    private bool _used;

    public object? Call(Arguments arguments)
    {
        if (_used) return separator;
        _used = true;
        return "";
    }

    public string PyTypeName => "Joiner";
    public string PyRepr() => "<jinja2.utils.Joiner object>";
}
