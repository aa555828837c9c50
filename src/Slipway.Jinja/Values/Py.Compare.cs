namespace Slipway.Jinja.Values;

// Python's == and ordering, with its TypeErrors for values that have no order.
public static partial class Py
{
    public static bool Equal(object? a, object? b)
    {
        if (a is Undefined ua)
        {
            if (ua.IsStrict) throw ua.Fail();
            // Jinja2's Undefined.__eq__: equal to any undefined of the same kind.
            return b is Undefined ub && (ub.IsStrict ? throw ub.Fail() : true);
        }
        if (b is Undefined u2) return u2.IsStrict ? throw u2.Fail() : false;
        if (a is null || b is null) return a is null && b is null;
        if (IsNumber(a) && IsNumber(b)) return NumericCompare(a, b) == 0;
        if (a is PyComplex || b is PyComplex) return a is PyComplex ca ? ca.Equals(b) : b!.Equals(a);
        if (AsString(a) is { } sa) return AsString(b) is { } sb && string.Equals(sa, sb, StringComparison.Ordinal);
        if (a is PyTuple ta) return b is PyTuple tb && SequenceEqual(ta, tb);
        if (a is IList<object?> la) return b is IList<object?> lb && SequenceEqual(la, lb);
        if (IsDict(a))
        {
            if (!IsDict(b) || DictCount(a) != DictCount(b)) return false;
            foreach (var kv in DictItems(a))
                if (!DictTryGet(b, kv.Key, out var other) || !Equal(kv.Value, other)) return false;
            return true;
        }
        if (a is PyRange ra) return b is PyRange rb && ra.SameSequence(rb);
        return ReferenceEquals(a, b) || a.Equals(b);
    }

    private static bool SequenceEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!ReferenceEquals(a[i], b[i]) && !Equal(FromHost(a[i]), FromHost(b[i]))) return false;
        return true;
    }

    private static bool SequenceEqual(IList<object?> a, IList<object?> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!ReferenceEquals(a[i], b[i]) && !Equal(FromHost(a[i]), FromHost(b[i]))) return false;
        return true;
    }

    public static bool Compare(string op, object? a, object? b)
    {
        switch (op)
        {
            case "==": return Equal(a, b);
            case "!=": return !Equal(a, b);
        }
        var c = Order(op, a, b);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => throw new ArgumentException($"unknown comparison '{op}'", nameof(op)),
        };
    }

    /// <summary>Three-way order as Python's rich comparisons define it; <paramref name="op"/> names the operator for errors.</summary>
    internal static int Order(string op, object? a, object? b)
    {
        if (a is Undefined ua) throw ua.Fail();
        if (b is Undefined ub) throw ub.Fail();
        if (IsNumber(a) && IsNumber(b))
        {
            var n = NumericCompare(a!, b!);
            // NaN is unordered: every ordering comparison is false, which "2" achieves for < and <= but not > or >=.
            if (n == 2) return op is ">" or ">=" ? -1 : 1;
            return n;
        }
        if (AsString(a) is { } sa && AsString(b) is { } sb) return CompareCodePoints(sa, sb);
        if (a is PyTuple ta && b is PyTuple tb) return SequenceOrder(op, ta, tb);
        if (a is IPyOperand pa && pa.CompareTo(b, op) is { } ca) return ca;
        if (b is IPyOperand pb && pb.CompareTo(a, op) is { } cb) return -cb;
        if (a is IList<object?> la && b is IList<object?> lb && a is not PyTuple && b is not PyTuple) return SequenceOrder(op, la.ToList(), lb.ToList());
        throw TypeError($"'{op}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static int SequenceOrder(string op, IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        var n = Math.Min(a.Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            var x = FromHost(a[i]);
            var y = FromHost(b[i]);
            if (!Equal(x, y)) return Order(op, x, y);
        }
        return a.Count.CompareTo(b.Count);
    }

    /// <summary>Compares two numbers exactly (an int and a float compare by value, not after rounding); 2 means NaN was involved.</summary>
    internal static int NumericCompare(object a, object b)
    {
        if (a is not double && b is not double) return ToLong(a).CompareTo(ToLong(b));
        var x = ToDouble(a);
        var y = ToDouble(b);
        if (double.IsNaN(x) || double.IsNaN(y)) return 2;
        if (a is double && b is double) return x.CompareTo(y);
        if (a is not double) return CompareIntFloat(ToLong(a), y);
        if (b is not double) return -CompareIntFloat(ToLong(b), x);
        return x.CompareTo(y);
    }

    // Exact even for ints above 2^53, where converting the int to a double would round.
    private static int CompareIntFloat(long l, double d)
    {
        if (d >= 9.3e18) return -1;
        if (d <= -9.3e18) return 1;
        var floor = Math.Floor(d);
        var f = (long)floor;
        if (l != f) return l.CompareTo(f);
        return floor == d ? 0 : -1;
    }

    /// <summary>Python orders str by code point; .NET's ordinal compares UTF-16 units, which differs only around surrogates.</summary>
    internal static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] == b[i]) continue;
            var ca = char.IsSurrogate(a[i]) ? 0x10000 + a[i] : a[i];
            var cb = char.IsSurrogate(b[i]) ? 0x10000 + b[i] : b[i];
            return ca.CompareTo(cb);
        }
        return a.Length.CompareTo(b.Length);
    }
}
