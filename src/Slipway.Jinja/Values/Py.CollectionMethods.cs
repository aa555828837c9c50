namespace Slipway.Jinja.Values;

// The methods of Python's list, tuple and dict, bound to a value when a template writes items.append(x).
public static partial class Py
{
    private static bool TryGetListMethod(IList<object?> self, string name, out object? value)
    {
        Func<Arguments, object?>? body = name switch
        {
            "append" => a => { self.Add(a.Get(0, "object")); return null; },
            "extend" => a => { foreach (var x in Iterate(a.Get(0, "iterable")).ToList()) self.Add(x); return null; },
            "insert" => a =>
            {
                var i = IntArg(a.Get(0, "index"));
                if (i < 0) i = Math.Max(0, i + self.Count);
                self.Insert((int)Math.Min(i, self.Count), a.Get(1, "object"));
                return null;
            },
            "pop" => a =>
            {
                if (self.Count == 0) throw new JinjaRuntimeException("pop from empty list", "IndexError");
                var i = IntArg(a.Get(0, "index", -1L));
                if (i < 0) i += self.Count;
                if (i < 0 || i >= self.Count) throw new JinjaRuntimeException("pop index out of range", "IndexError");
                var item = FromHost(self[(int)i]);
                self.RemoveAt((int)i);
                return item;
            },
            "remove" => a =>
            {
                var x = a.Get(0, "value");
                for (var i = 0; i < self.Count; i++)
                    if (Equal(FromHost(self[i]), x)) { self.RemoveAt(i); return null; }
                throw ValueError("list.remove(x): x not in list");
            },
            "index" => a => SequenceIndex(self.Select(FromHost).ToList(), a, "list"),
            "count" => a => (long)self.Count(x => Equal(FromHost(x), a.Get(0, "value"))),
            "sort" => a =>
            {
                var sorted = SortValues(self.Select(FromHost).ToList(), a.Keyword.GetValueOrDefault("key"), IsTruthy(a.Keyword.GetValueOrDefault("reverse", false)));
                for (var i = 0; i < sorted.Count; i++) self[i] = sorted[i];
                return null;
            },
            "reverse" => _ =>
            {
                var copy = self.ToList();
                copy.Reverse();
                for (var i = 0; i < copy.Count; i++) self[i] = copy[i];
                return null;
            },
            "copy" => _ => self.Select(FromHost).ToList(),
            "clear" => _ => { self.Clear(); return null; },
            _ => null,
        };
        value = body is null ? null : new BoundMethod("list", name, a =>
        {
            CheckMethodCall("list", name, a);
            return body(a);
        });
        return body is not null;
    }

    private static bool TryGetTupleMethod(PyTuple self, string name, out object? value)
    {
        Func<Arguments, object?>? body = name switch
        {
            "index" => a => SequenceIndex(self, a, "tuple"),
            "count" => a => (long)self.Count(x => Equal(x, a.Get(0, "value"))),
            _ => null,
        };
        if (body is null && self.FieldNames is { } fields && Array.IndexOf(fields, name) is var field and >= 0)
        {
            value = self[field];
            return true;
        }
        value = body is null ? null : new BoundMethod("tuple", name, a =>
        {
            CheckMethodCall("tuple", name, a);
            return body(a);
        });
        return body is not null;
    }

    private static long SequenceIndex(IReadOnlyList<object?> items, Arguments a, string type)
    {
        var x = a.Get(0, "value");
        // list.index and tuple.index take no None bounds, and say so.
        static long Bound(object? v) => IsInt(v) ? ToLong(v) : throw TypeError("slice indices must be integers or have an __index__ method");
        long start = a.Has(1, "start") ? Bound(a.Get(1, "start")) : 0, stop = a.Has(2, "stop") ? Bound(a.Get(2, "stop")) : items.Count;
        if (start < 0) start = Math.Max(0, start + items.Count);
        if (stop < 0) stop = Math.Max(0, stop + items.Count);
        for (var i = start; i < Math.Min(stop, items.Count); i++)
            if (Equal(items[(int)i], x)) return i;
        throw ValueError(type == "list" ? $"{Repr(x)} is not in list" : "tuple.index(x): x not in tuple");
    }

    /// <summary>
    /// Python's sorted(): stable, comparing only with "&lt;". Small lists are sorted the way CPython's timsort
    /// sorts them (a natural run, then binary insertion), so a failing comparison fails between the same two
    /// items Python would compare; longer lists use a merge sort with the same result.
    /// </summary>
    internal static List<object?> SortValues(List<object?> items, object? key, bool reverse)
    {
        var keys = key is null ? items : items.Select(x => Call(key, new Arguments([x]))).ToList();
        var order = Enumerable.Range(0, items.Count).ToArray();
        // CPython sorts a reversed list and reverses the result, which keeps equal items in their original order.
        if (reverse) Array.Reverse(order);
        bool Less(int x, int y) => Order("<", keys[x], keys[y]) < 0;
        if (order.Length < 64) BinaryInsertionSort(order, Less);
        else MergeSort(order, new int[order.Length], 0, order.Length, Less);
        if (reverse) Array.Reverse(order);
        return order.Select(i => items[i]).ToList();
    }

    private static void BinaryInsertionSort(int[] a, Func<int, int, bool> less)
    {
        if (a.Length < 2) return;
        // The leading run: strictly descending runs are reversed, ascending ones kept.
        var run = 2;
        if (less(a[1], a[0]))
        {
            while (run < a.Length && less(a[run], a[run - 1])) run++;
            Array.Reverse(a, 0, run);
        }
        else
        {
            while (run < a.Length && !less(a[run], a[run - 1])) run++;
        }
        for (var start = run; start < a.Length; start++)
        {
            var pivot = a[start];
            int lo = 0, hi = start;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (less(pivot, a[mid])) hi = mid;
                else lo = mid + 1;
            }
            Array.Copy(a, lo, a, lo + 1, start - lo);
            a[lo] = pivot;
        }
    }

    private static void MergeSort(int[] a, int[] buffer, int start, int end, Func<int, int, bool> less)
    {
        if (end - start < 2) return;
        var mid = (start + end) / 2;
        MergeSort(a, buffer, start, mid, less);
        MergeSort(a, buffer, mid, end, less);
        int i = start, j = mid, k = start;
        while (i < mid && j < end) buffer[k++] = less(a[j], a[i]) ? a[j++] : a[i++];
        while (i < mid) buffer[k++] = a[i++];
        while (j < end) buffer[k++] = a[j++];
        Array.Copy(buffer, start, a, start, end - start);
    }

    private static bool TryGetDictMethod(object self, string name, out object? value)
    {
        Func<Arguments, object?>? body = name switch
        {
            "items" => _ => new DictView("dict_items", DictItems(self).Select(kv => (object?)new PyTuple([kv.Key, kv.Value])).ToList()),
            "keys" => _ => new DictView("dict_keys", DictItems(self).Select(kv => kv.Key).ToList()),
            "values" => _ => new DictView("dict_values", DictItems(self).Select(kv => kv.Value).ToList()),
            "get" => a => DictTryGet(self, a.Get(0, "key"), out var v) ? v : a.Get(1, "default"),
            "update" => a =>
            {
                if (a.Positional.Count > 0) UpdateDict(self, a.Positional[0]);
                foreach (var kv in a.Keyword) DictSet(self, kv.Key, kv.Value);
                return null;
            },
            "pop" => a =>
            {
                var key = a.Get(0, "key");
                if (DictRemove(self, key, out var v)) return v;
                if (a.Has(1, "default")) return a.Get(1, "default");
                throw new JinjaRuntimeException(Repr(key), "KeyError");
            },
            "popitem" => _ =>
            {
                var last = DictItems(self).LastOrDefault();
                if (DictCount(self) == 0) throw new JinjaRuntimeException("'popitem(): dictionary is empty'", "KeyError");
                DictRemove(self, last.Key, out object? _);
                return new PyTuple([last.Key, last.Value]);
            },
            "setdefault" => a =>
            {
                var key = a.Get(0, "key");
                if (DictTryGet(self, key, out var v)) return v;
                var d = a.Get(1, "default");
                DictSet(self, key, d);
                return d;
            },
            "copy" => _ => CopyDict(self),
            "clear" => _ => { DictClear(self); return null; },
            _ => null,
        };
        value = body is null ? null : new BoundMethod("dict", name, a =>
        {
            CheckMethodCall("dict", name, a);
            return body(a);
        });
        return body is not null;
    }

    internal static PyDict CopyDict(object dict)
    {
        var copy = new PyDict(DictCount(dict));
        foreach (var kv in DictItems(dict)) copy[kv.Key ?? NoneKey.Instance] = kv.Value;
        return copy;
    }

    /// <summary>dict.update(other): another dict, or an iterable of key/value pairs.</summary>
    internal static void UpdateDict(object self, object? other)
    {
        if (other is not null && IsDict(other))
        {
            foreach (var kv in DictItems(other)) DictSet(self, kv.Key, kv.Value);
            return;
        }
        var index = 0;
        foreach (var pair in Iterate(other).ToList())
        {
            if (pair is null or bool or long or double || pair is IJinjaCallable)
                throw TypeError($"cannot convert dictionary update sequence element #{index} to a sequence");
            var items = Iterate(pair).ToList();
            if (items.Count != 2)
                throw ValueError($"dictionary update sequence element #{index} has length {items.Count}; 2 is required");
            DictSet(self, items[0], items[1]);
            index++;
        }
    }
}

/// <summary>The result of dict.items()/keys()/values(): iterable, sized, printed as <c>dict_items([...])</c>.</summary>
internal sealed class DictView(string typeName, List<object?> items) : IPyObject, IReadOnlyList<object?>
{
    public string PyTypeName { get; } = typeName;
    public List<object?> Items { get; } = items;
    public int Count => Items.Count;
    public object? this[int index] => Items[index];
    public string PyRepr() => $"{PyTypeName}({Py.Repr(Items)})";
    public IEnumerator<object?> GetEnumerator() => Items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Items.GetEnumerator();
}
