namespace Slipway.Jinja.Values;

/// <summary>Python's lazy <c>range</c> object: prints as <c>range(0, 3)</c>, iterates, indexes, slices, has a length.</summary>
internal sealed class PyRange : IPyObject, IJinjaObject
{
    public PyRange(long start, long stop, long step)
    {
        if (step == 0) throw new JinjaRuntimeException("range() arg 3 must not be zero", "ValueError");
        Start = start;
        Stop = stop;
        Step = step;
        Count = step > 0
            ? (stop > start ? (stop - start - 1) / step + 1 : 0)
            : (start > stop ? (start - stop - 1) / -step + 1 : 0);
    }

    public long Start { get; }
    public long Stop { get; }
    public long Step { get; }
    public long Count { get; }

    public long this[long index] => Start + index * Step;

    public IEnumerable<object?> Items()
    {
        for (long i = 0; i < Count; i++) yield return Start + i * Step;
    }

    public bool Contains(object? value)
    {
        if (value is double d)
        {
            if (d != Math.Floor(d) || !double.IsFinite(d) || Math.Abs(d) > 9e18) return false;
            value = (long)d;
        }
        if (!Py.IsInt(value)) return false;
        var v = Py.ToLong(value);
        if (Step > 0 ? v < Start || v >= Stop : v > Start || v <= Stop) return false;
        return (v - Start) % Step == 0;
    }

    public bool SameSequence(PyRange other)
    {
        if (Count != other.Count) return false;
        if (Count == 0) return true;
        if (Start != other.Start) return false;
        return Count == 1 || Step == other.Step;
    }

    public string PyTypeName => "range";

    public string PyRepr() => Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})";

    public override string ToString() => PyRepr();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "start" => Start,
            "stop" => Stop,
            "step" => Step,
            "count" => new BoundMethod("range", "count", a => Contains(a.Get(0, "value")) ? 1L : 0L),
            "index" => new BoundMethod("range", "index", a =>
            {
                var v = a.Get(0, "value");
                if (!Contains(v)) throw new JinjaRuntimeException($"{Py.Repr(v)} is not in range", "ValueError");
                return (Py.ToLong(v is double d ? (long)d : v) - Start) / Step;
            }),
            _ => null,
        };
        return value is not null;
    }
}
