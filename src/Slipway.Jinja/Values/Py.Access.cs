using System.Text;

namespace Slipway.Jinja.Values;

// Attribute access (getattr), subscripts and slices.
public static partial class Py
{
    public static bool TryGetAttr(object? obj, string name, out object? value)
    {
        value = null;
        if (obj is Undefined u) throw u.Fail();
        // The sandbox Jinja2 runs dbt in hides private and dunder attributes.
        if (name.StartsWith('_')) return false;
        switch (obj)
        {
            case string s: return TryGetStrMethod(s, false, name, out value);
            case Markup m: return TryGetStrMethod(m.Value, true, name, out value);
            case PyTuple t: return TryGetTupleMethod(t, name, out value);
            case IJinjaObject o:
                if (!o.TryGetAttribute(name, out value)) return false;
                value = FromHost(value);
                return true;
            case IDictionary<object, object?> or IDictionary<string, object?>: return TryGetDictMethod(obj, name, out value);
            case IList<object?> list: return TryGetListMethod(list, name, out value);
            case long or bool or int:
                value = name switch
                {
                    "real" or "numerator" => ToLong(obj),
                    "imag" => 0L,
                    "denominator" => 1L,
                    _ => null,
                };
                return value is not null;
            case double d:
                value = name switch
                {
                    "real" => d,
                    "imag" => 0.0,
                    "is_integer" => new BoundMethod("float", "is_integer", _ => double.IsFinite(d) && d == Math.Floor(d)),
                    _ => null,
                };
                return value is not null;
        }
        return false;
    }

    public static bool TryGetItem(object? obj, object? key, out object? value)
    {
        value = null;
        if (obj is Undefined u) throw u.Fail();
        switch (obj)
        {
            case IJinjaIndexable indexable:
                if (!indexable.TryGetItem(key, out value)) return false;
                value = FromHost(value);
                return true;
            case string or Markup:
            {
                if (!IsInt(key)) return false;
                var s = AsString(obj)!;
                if (!HasSurrogates(s))
                {
                    if (!NormalizeIndex(ToLong(key), s.Length, out var k)) return false;
                    value = obj is Markup ? new Markup(s[k].ToString()) : s[k].ToString();
                    return true;
                }
                var runes = s.EnumerateRunes().ToArray();
                if (!NormalizeIndex(ToLong(key), runes.Length, out var r)) return false;
                value = obj is Markup ? new Markup(runes[r].ToString()) : runes[r].ToString();
                return true;
            }
            case PyTuple t:
            {
                if (!IsInt(key) || !NormalizeIndex(ToLong(key), t.Count, out var k)) return false;
                value = t[k];
                return true;
            }
            case PyRange range:
            {
                if (!IsInt(key)) return false;
                var i = ToLong(key);
                if (i < 0) i += range.Count;
                if (i < 0 || i >= range.Count) return false;
                value = range[i];
                return true;
            }
            case IDictionary<object, object?> or IDictionary<string, object?>:
                if (key is IList<object?> || IsDict(key)) return false;
                return DictTryGet(obj, key, out value);
            case IList<object?> list:
            {
                if (!IsInt(key) || !NormalizeIndex(ToLong(key), list.Count, out var k)) return false;
                value = FromHost(list[k]);
                return true;
            }
        }
        return false;
    }

    private static bool NormalizeIndex(long index, int count, out int result)
    {
        if (index < 0) index += count;
        result = (int)Math.Clamp(index, -1, int.MaxValue);
        return index >= 0 && index < count;
    }

    internal static bool HasSurrogates(string s)
    {
        foreach (var c in s) if (char.IsSurrogate(c)) return true;
        return false;
    }

    public static object? Slice(object? obj, object? start, object? stop, object? step)
    {
        if (obj is Undefined u) throw u.Fail();
        long? Bound(object? b)
        {
            if (b is null) return null;
            if (IsInt(b)) return ToLong(b);
            if (b is Undefined ub && ub.IsStrict) throw ub.Fail();
            throw TypeError("slice indices must be integers or None or have an __index__ method");
        }
        var st = Bound(step) ?? 1;
        if (st == 0) throw ValueError("slice step cannot be zero");
        var b0 = Bound(start);
        var b1 = Bound(stop);
        switch (obj)
        {
            case string or Markup:
            {
                var s = AsString(obj)!;
                string result;
                if (!HasSurrogates(s))
                {
                    var idx = SliceIndices(s.Length, b0, b1, st);
                    if (st == 1) result = idx.Count == 0 ? "" : s.Substring((int)idx.First, idx.Count);
                    else
                    {
                        var sb = new StringBuilder(idx.Count);
                        foreach (var i in idx.All()) sb.Append(s[(int)i]);
                        result = sb.ToString();
                    }
                }
                else
                {
                    var runes = s.EnumerateRunes().ToArray();
                    var sb = new StringBuilder();
                    foreach (var i in SliceIndices(runes.Length, b0, b1, st).All()) sb.Append(runes[(int)i].ToString());
                    result = sb.ToString();
                }
                return obj is Markup ? new Markup(result) : result;
            }
            case PyTuple t:
                return new PyTuple([.. SliceIndices(t.Count, b0, b1, st).All().Select(i => t[(int)i])]);
            case PyRange r:
            {
                var idx = SliceIndices(r.Count, b0, b1, st);
                return new PyRange(r[idx.First], r[idx.Stop], r.Step * st);
            }
            case IList<object?> list when !IsDict(obj):
                return SliceIndices(list.Count, b0, b1, st).All().Select(i => FromHost(list[(int)i])).ToList();
            case IDictionary<object, object?> or IDictionary<string, object?>:
                throw TypeError("unhashable type: 'slice'");
        }
        throw TypeError($"'{TypeName(obj)}' object is not subscriptable");
    }

    private readonly record struct SliceRange(long First, long Stop, long Step, int Count)
    {
        public IEnumerable<long> All()
        {
            for (var k = 0; k < Count; k++) yield return First + k * Step;
        }
    }

    /// <summary>Python's PySlice_AdjustIndices: clamp the bounds to the sequence and count the items.</summary>
    private static SliceRange SliceIndices(long length, long? start, long? stop, long step)
    {
        long Adjust(long? bound, long whenMissing)
        {
            if (bound is null) return whenMissing;
            var b = bound.Value;
            if (b < 0)
            {
                b += length;
                if (b < 0) b = step < 0 ? -1 : 0;
            }
            else if (b >= length) b = step < 0 ? length - 1 : length;
            return b;
        }
        var first = Adjust(start, step < 0 ? length - 1 : 0);
        var last = Adjust(stop, step < 0 ? -1 : length);
        long count = 0;
        if (step < 0) { if (last < first) count = (first - last - 1) / -step + 1; }
        else if (first < last) count = (last - first - 1) / step + 1;
        return new SliceRange(first, last, step, (int)count);
    }
}
