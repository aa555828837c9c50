using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Jinja2's default globals: range (with the sandbox's size limit), dict, namespace, cycler, joiner, lipsum.
public static partial class Builtins
{
    /// <summary>Jinja2's sandbox refuses ranges longer than this (dbt renders in the sandbox).</summary>
    public const long MaxRange = 100_000;

    static partial void RegisterGlobalsCore(IDictionary<string, object?> globals)
    {
        globals["range"] = new JinjaFunction("range", Range);
        globals["dict"] = new JinjaFunction("dict", a =>
        {
            if (a.Positional.Count > 1) throw Py.TypeError($"dict expected at most 1 argument, got {a.Positional.Count}");
            var d = new PyDict();
            if (a.Positional.Count == 1) Py.UpdateDict(d, a.Positional[0]);
            foreach (var kv in a.Keyword) d[kv.Key] = kv.Value;
            return d;
        });
        globals["namespace"] = new JinjaFunction("namespace", a =>
        {
            var ns = new Namespace();
            var d = new PyDict();
            if (a.Positional.Count > 0) Py.UpdateDict(d, a.Positional[0]);
            foreach (var kv in d) ns.Attributes[Py.ToStr(kv.Key)] = kv.Value;
            foreach (var kv in a.Keyword) ns.Attributes[kv.Key] = kv.Value;
            return ns;
        });
        globals["cycler"] = new JinjaFunction("cycler", a =>
        {
            if (a.Positional.Count == 0) throw new JinjaRuntimeException("at least one item has to be provided", "RuntimeError");
            return new Cycler([.. a.Positional]);
        });
        globals["joiner"] = new JinjaFunction("joiner", a => new Joiner(Py.ToStr(a.Get(0, "sep", ", "))));
        globals["lipsum"] = new LipsumFunction();
    }

    private static object? Range(Arguments a)
    {
        if (a.Keyword.Count > 0) throw Py.TypeError("range() takes no keyword arguments");
        var n = a.Positional.Count;
        if (n == 0) throw Py.TypeError("range expected at least 1 argument, got 0");
        if (n > 3) throw Py.TypeError($"range expected at most 3 arguments, got {n}");
        var values = a.Positional.Select(Py.IntArg).ToArray();
        var range = n switch
        {
            1 => new PyRange(0, values[0], 1),
            2 => new PyRange(values[0], values[1], 1),
            _ => new PyRange(values[0], values[1], values[2]),
        };
        if (range.Count > MaxRange)
            throw new JinjaRuntimeException($"Range too big. The sandbox blocks ranges larger than MAX_RANGE ({MaxRange}).", "OverflowError");
        return range;
    }
}
