using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Filters over sequences and mappings. Where Jinja2 returns a lazy generator (map, select, batch, …) these
// return a list: the items are the same, only printing the unconsumed generator itself would differ.
public static partial class Builtins
{
    private static void RegisterCollectionFilters(IDictionary<string, Filter> f)
    {
        f["length"] = f["count"] = (_, v, _) => Py.Length(v);
        f["list"] = (_, v, _) => ToList(v);
        f["first"] = (c, v, _) => Py.Iterate(v).Take(1).ToList() is [var x] ? x : c.MakeUndefined(null, "No first item, sequence was empty.");
        // reversed() indexes a Markup (getting Markup back) where iterating it gives plain str.
        f["last"] = (c, v, _) => v is Markup m ? (m.Value.Length > 0 && Py.TryGetItem(m, -1L, out var lastChar) ? lastChar : c.MakeUndefined(null, "No last item, sequence was empty."))
            : (v is null or bool or long or double || v is IJinjaCallable or Namespace
                ? throw Py.TypeError($"'{Py.TypeName(v)}' object is not reversible")
                : ToList(v)) is { Count: > 0 } l ? l[^1] : c.MakeUndefined(null, "No last item, sequence was empty.");
        f["random"] = (c, v, _) =>
        {
            // random.choice: len() first (so a number fails with "has no len()"), then an index.
            var count = Py.Length(v);
            if (count == 0) return c.MakeUndefined(null, "No random item, sequence was empty.");
            var random = RandomFor(c.Environment);
            long index;
            lock (random) index = random.NextInt64(count); // renders of one environment may run in parallel
            if (Py.IsDict(v)) return Py.TryGetItem(v, index, out var item) ? item : throw new JinjaRuntimeException(Py.Repr(index), "KeyError");
            return Py.Iterate(v).ElementAt((int)index);
        };
        f["join"] = (c, v, a) =>
        {
            IEnumerable<object?> items = Py.Iterate(v);
            if (a.Get(1, "attribute") is { } attribute) items = items.Select(AttrGetter(c, attribute)).ToList();
            var d = a.Get(0, "d", "");
            if (c.Autoescape)
            {
                // Jinja2: with autoescape, any Markup (separator or item) makes the result Markup and escapes the rest.
                var list = items.ToList();
                if (d is Markup || list.Any(x => x is Markup))
                    return new Markup(string.Join(Py.EscapeText(d), list.Select(Py.EscapeText)));
                return string.Join(Py.ToStr(d), list.Select(Py.ToStr));
            }
            var parts = items.Select(Py.ToStr).ToList();
            return string.Join(Py.ToStr(d), parts);
        };
        f["reverse"] = (_, v, _) =>
        {
            if (v is string s) return Py.Slice(s, null, null, -1L);
            if (v is Markup) return Py.Slice(v, null, null, -1L);
            List<object?> list;
            try
            {
                list = ToList(v);
            }
            catch (JinjaRuntimeException e) when (e.PythonType == "TypeError")
            {
                throw FilterArgumentError("argument must be iterable");
            }
            list.Reverse();
            return list;
        };
        f["sort"] = (c, v, a) =>
        {
            var caseSensitive = Bool(a, 1, "case_sensitive", false);
            var key = MultiAttrGetter(c, a.Get(2, "attribute"), caseSensitive ? null : IgnoreCase);
            return Py.SortValues(ToList(v), new JinjaFunction("key", x => key(x.Positional[0])), Bool(a, 0, "reverse", false));
        };
        f["dictsort"] = (_, v, a) =>
        {
            var caseSensitive = Bool(a, 0, "case_sensitive", false);
            var by = Py.ToStr(a.Get(1, "by", "key"));
            var pos = by switch { "key" => 0, "value" => 1, _ => throw FilterArgumentError("You can only sort by either \"key\" or \"value\"") };
            if (v is Undefined u) throw u.Fail();
            if (v is null || !Py.IsDict(v)) throw new JinjaRuntimeException($"'{Py.TypeName(v)}' object has no attribute 'items'", "AttributeError");
            var items = Py.DictItems(v).Select(kv => (object?)new PyTuple([kv.Key, kv.Value])).ToList();
            var key = new JinjaFunction("key", x =>
            {
                var item = ((PyTuple)x.Positional[0]!)[pos];
                return caseSensitive ? item : IgnoreCase(item);
            });
            return Py.SortValues(items, key, Bool(a, 2, "reverse", false));
        };
        f["items"] = (_, v, _) =>
        {
            if (v is Undefined) return new List<object?>();
            if (v is null || !Py.IsDict(v)) throw Py.TypeError("Can only get item pairs from a mapping.");
            return Py.DictItems(v).Select(kv => (object?)new PyTuple([kv.Key, kv.Value])).ToList();
        };
        f["unique"] = (c, v, a) =>
        {
            var key = AttrGetter(c, a.Get(1, "attribute"), Bool(a, 0, "case_sensitive", false) ? null : IgnoreCase);
            var seen = new HashSet<object>(PyKeyComparer.Instance);
            var result = new List<object?>();
            foreach (var item in Py.Iterate(v))
            {
                var k = key(item) ?? NoneKey.Instance;
                if (seen.Add(k)) result.Add(item);
            }
            return result;
        };
        f["min"] = (c, v, a) => MinOrMax(c, v, a, max: false);
        f["max"] = (c, v, a) => MinOrMax(c, v, a, max: true);
        f["sum"] = (c, v, a) =>
        {
            IEnumerable<object?> items = Py.Iterate(v);
            if (a.Get(0, "attribute") is { } attribute) items = items.Select(AttrGetter(c, attribute));
            var total = a.Get(1, "start", 0L);
            if (total is string or Markup) throw Py.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
            foreach (var item in items) total = Py.Binary("+", total, item);
            return total;
        };
        f["batch"] = (_, v, a) =>
        {
            var size = Py.IntArg(a.Get(0, "linecount"));
            var fill = a.Get(1, "fill_with");
            var result = new List<object?>();
            var current = new List<object?>();
            foreach (var item in Py.Iterate(v))
            {
                if (current.Count == size)
                {
                    result.Add(current);
                    current = [];
                }
                current.Add(item);
            }
            if (current.Count > 0)
            {
                if (fill is not null) while (current.Count < size) current.Add(fill);
                result.Add(current);
            }
            return result;
        };
        f["slice"] = (_, v, a) =>
        {
            var seq = ToList(v);
            var slices = Py.IntArg(a.Get(0, "slices"));
            var fill = a.Get(1, "fill_with");
            if (slices == 0) throw new JinjaRuntimeException("integer division or modulo by zero", "ZeroDivisionError");
            var perSlice = Py.FloorDiv(seq.Count, slices);
            var withExtra = seq.Count - perSlice * slices;
            var result = new List<object?>();
            long offset = 0;
            for (long n = 0; n < slices; n++)
            {
                var start = offset + n * perSlice;
                if (n < withExtra) offset++;
                var end = offset + (n + 1) * perSlice;
                var part = (List<object?>)Py.Slice(seq, start, end, null)!;
                if (fill is not null && n >= withExtra) part.Add(fill);
                result.Add(part);
            }
            return result;
        };
        f["groupby"] = (c, v, a) => GroupBy(c, v, a.Get(0, "attribute"), a.Get(1, "default"), Bool(a, 2, "case_sensitive", false));
        f["map"] = (c, v, a) => Map(c, v, a);
        f["select"] = (c, v, a) => SelectOrReject(c, v, a, select: true, lookupAttribute: false);
        f["reject"] = (c, v, a) => SelectOrReject(c, v, a, select: false, lookupAttribute: false);
        f["selectattr"] = (c, v, a) => SelectOrReject(c, v, a, select: true, lookupAttribute: true);
        f["rejectattr"] = (c, v, a) => SelectOrReject(c, v, a, select: false, lookupAttribute: true);
        f["attr"] = (c, v, a) =>
        {
            var name = Py.ToStr(a.Get(0, "name"));
            if (Py.TryGetAttr(v, name, out var value)) return value;
            return c.MakeUndefined(name, v is null ? $"'None' has no attribute '{name}'" : $"'{Py.TypeName(v)} object' has no attribute '{name}'");
        };
    }

    private static object? MinOrMax(IRenderContext c, object? value, Arguments a, bool max)
    {
        var items = ToList(value);
        if (items.Count == 0) return c.MakeUndefined(null, "No aggregated item, sequence was empty.");
        var key = AttrGetter(c, a.Get(1, "attribute"), Bool(a, 0, "case_sensitive", false) ? null : IgnoreCase);
        var best = items[0];
        var bestKey = key(best);
        foreach (var item in items.Skip(1))
        {
            var k = key(item);
            // Python's min/max keep the first of equal items.
            if (max ? Py.Compare(">", k, bestKey) : Py.Compare("<", k, bestKey))
            {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static List<object?> GroupBy(IRenderContext c, object? value, object? attribute, object? @default, bool caseSensitive)
    {
        var key = AttrGetter(c, attribute, caseSensitive ? null : IgnoreCase, @default);
        var sorted = Py.SortValues(ToList(value), new JinjaFunction("key", x => key(x.Positional[0])), false);
        var output = AttrGetter(c, attribute, null, @default);
        var groups = new List<object?>();
        List<object?>? current = null;
        object? currentKey = null;
        foreach (var item in sorted)
        {
            var k = key(item);
            if (current is null || !Py.Equal(k, currentKey))
            {
                current = [];
                currentKey = k;
                groups.Add(current);
            }
            current.Add(item);
        }
        return groups.Select(g =>
        {
            var items = (List<object?>)g!;
            return (object?)new PyTuple([output(items[0]), items], ["grouper", "list"], "_GroupTuple");
        }).ToList();
    }

    private static List<object?> Map(IRenderContext c, object? value, Arguments a)
    {
        if (!Py.IsTruthy(value)) return [];
        Func<object?, object?> func;
        if (a.Positional.Count == 0 && a.Keyword.ContainsKey("attribute"))
        {
            var extra = a.Keyword.Keys.FirstOrDefault(k => k is not ("attribute" or "default"));
            if (extra is not null) throw FilterArgumentError($"Unexpected keyword argument {Py.Repr(extra)}");
            func = AttrGetter(c, a.Keyword["attribute"], null, a.Keyword.GetValueOrDefault("default"));
        }
        else
        {
            if (a.Positional.Count == 0) throw FilterArgumentError("map requires a filter argument");
            var name = Py.ToStr(a.Positional[0]);
            var rest = new Arguments(a.Positional.Skip(1).ToList(), a.Keyword);
            func = item => c.CallFilter(name, item, rest);
        }
        return Py.Iterate(value).Select(func).ToList();
    }

    private static List<object?> SelectOrReject(IRenderContext c, object? value, Arguments a, bool select, bool lookupAttribute)
    {
        var result = new List<object?>();
        if (!Py.IsTruthy(value)) return result;
        Func<object?, object?> transform = x => x;
        var offset = 0;
        if (lookupAttribute)
        {
            if (a.Positional.Count == 0) throw FilterArgumentError("Missing parameter for attribute name");
            transform = AttrGetter(c, a.Positional[0]);
            offset = 1;
        }
        Func<object?, bool> test;
        if (a.Positional.Count > offset)
        {
            var name = Py.ToStr(a.Positional[offset]);
            var rest = new Arguments(a.Positional.Skip(offset + 1).ToList(), a.Keyword);
            test = item => c.CallTest(name, item, rest);
        }
        else test = Py.IsTruthy;
        foreach (var item in Py.Iterate(value))
            if (test(transform(item)) == select) result.Add(item);
        return result;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JinjaEnvironment, Random> RandomSources = new();

    /// <summary>Make the random filter and lipsum reproducible for an environment (tests, fixtures).</summary>
    public static void SeedRandom(JinjaEnvironment environment, int seed)
    {
        RandomSources.AddOrUpdate(environment, new Random(seed));
        if (environment.Globals.GetValueOrDefault("lipsum") is LipsumFunction lipsum) lipsum.Random = new Random(seed);
    }

    internal static Random RandomFor(JinjaEnvironment environment) => RandomSources.GetValue(environment, _ => new Random());
}
