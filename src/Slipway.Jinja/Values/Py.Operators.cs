namespace Slipway.Jinja.Values;

// Python's arithmetic operators, `~`, and `in`. Ints are 64-bit: a result that does not fit raises
// OverflowError instead of growing into a big integer (a documented difference from Python).
public static partial class Py
{
    public static object? Binary(string op, object? a, object? b)
    {
        if (a is Undefined ua) throw ua.Fail();
        // str % x formats before x is consulted (an undefined is taken as an empty mapping); other operators
        // end up in the undefined's reflected method, which fails.
        if (b is Undefined ub && !(op == "%" && a is string or Markup) && !(op == "*" && a is Markup)) throw ub.Fail();
        if (IsNumber(a) && IsNumber(b)) return Arithmetic(op, a!, b!);
        switch (op)
        {
            case "+":
                if (a is Markup ma && AsString(b) is { } sb) return new Markup(ma.Value + EscapeText(b));
                if (b is Markup mb && a is string sa0) return new Markup(Escape(sa0) + mb.Value);
                if (a is string sa)
                {
                    if (b is string s2) return sa + s2;
                    throw TypeError($"can only concatenate str (not \"{TypeName(b)}\") to str");
                }
                if (a is PyTuple ta)
                {
                    if (b is PyTuple tb) return new PyTuple([.. ta, .. tb]);
                    throw TypeError($"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
                }
                if (a is IList<object?> la)
                {
                    if (b is IList<object?> lb && b is not PyTuple) return new List<object?>([.. la, .. lb]);
                    throw TypeError($"can only concatenate list (not \"{TypeName(b)}\") to list");
                }
                break;
            case "*":
                if (IsInt(b) && IsSequence(a)) return Repeat(a!, ToLong(b));
                // Markup.__mul__ (and __rmul__) hands its operand straight to str.__mul__, which wants an index.
                if (a is Markup) throw TypeError($"'{TypeName(b)}' object cannot be interpreted as an integer");
                if (b is Markup && !IsInt(a)) throw TypeError($"'{TypeName(a)}' object cannot be interpreted as an integer");
                if (IsInt(a) && IsSequence(b)) return Repeat(b!, ToLong(a));
                if (IsSequence(a)) throw TypeError($"can't multiply sequence by non-int of type '{TypeName(b)}'");
                if (IsSequence(b)) throw TypeError($"can't multiply sequence by non-int of type '{TypeName(a)}'");
                break;
            case "%":
                if (a is Markup fm) return new Markup(PercentFormat(fm.Value, b, escape: true));
                if (a is string fmt) return PercentFormat(fmt, b);
                break;
        }
        if (a is IPyOperand left && left.TryBinary(op, b, false, out var result)) return result;
        if (b is IPyOperand right && right.TryBinary(op, a, true, out result)) return result;
        throw TypeError($"unsupported operand type(s) for {PyOpName(op)}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static string PyOpName(string op) => op == "**" ? "** or pow()" : op;

    private static bool IsSequence(object? v) => v is string or Markup or PyTuple || IsList(v);

    private static object Repeat(object seq, long times)
    {
        var n = (int)Math.Max(0, Math.Min(times, int.MaxValue));
        switch (seq)
        {
            case string s:
                if ((long)s.Length * n > 100_000_000) throw new JinjaRuntimeException("repeated string is too long", "MemoryError");
                return string.Concat(Enumerable.Repeat(s, n));
            case Markup m: return new Markup(string.Concat(Enumerable.Repeat(m.Value, n)));
            case PyTuple t: return new PyTuple([.. Enumerable.Range(0, n).SelectMany(_ => t)]);
            default:
                var list = (IList<object?>)seq;
                var result = new List<object?>(list.Count * n);
                for (var i = 0; i < n; i++) result.AddRange(list);
                return result;
        }
    }

    private static object Arithmetic(string op, object a, object b)
    {
        if (a is not double && b is not double)
        {
            long x = ToLong(a), y = ToLong(b);
            try
            {
                checked
                {
                    switch (op)
                    {
                        case "+": return x + y;
                        case "-": return x - y;
                        case "*": return x * y;
                        case "/":
                            if (y == 0) throw ZeroDivision("division by zero");
                            return (double)x / y;
                        case "//":
                            if (y == 0) throw ZeroDivision("integer division or modulo by zero");
                            return FloorDiv(x, y);
                        case "%":
                            if (y == 0) throw ZeroDivision("integer modulo by zero");
                            return x - FloorDiv(x, y) * y;
                        case "**":
                            if (y < 0)
                            {
                                if (x == 0) throw ZeroDivision("0.0 cannot be raised to a negative power");
                                return Math.Pow(x, y);
                            }
                            return IntPow(x, y);
                    }
                }
            }
            catch (OverflowException)
            {
                throw new JinjaRuntimeException("integer result too large (Slipway ints are 64-bit)", "OverflowError");
            }
        }
        else
        {
            double x = ToDouble(a), y = ToDouble(b);
            switch (op)
            {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/":
                    if (y == 0) throw ZeroDivision("float division by zero");
                    return x / y;
                case "//":
                    if (y == 0) throw ZeroDivision("float floor division by zero");
                    return FloatFloorDiv(x, y);
                case "%":
                    if (y == 0) throw ZeroDivision("float modulo");
                    return FloatMod(x, y);
                case "**":
                    if (x == 0 && y < 0) throw ZeroDivision("0.0 cannot be raised to a negative power");
                    if (x < 0 && y != Math.Floor(y) && !double.IsInfinity(y)) return PyComplex.Power(x, y);
                    var r = Math.Pow(x, y);
                    if (double.IsInfinity(r) && !double.IsInfinity(x) && !double.IsInfinity(y))
                        throw new JinjaRuntimeException("(34, 'Numerical result out of range')", "OverflowError");
                    return r;
            }
        }
        throw new ArgumentException($"unknown operator '{op}'", nameof(op));
    }

    private static JinjaRuntimeException ZeroDivision(string message) => new(message, "ZeroDivisionError");

    internal static long FloorDiv(long x, long y)
    {
        if (x == long.MinValue && y == -1) throw new OverflowException();
        var q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        return q;
    }

    private static long IntPow(long x, long y)
    {
        long result = 1;
        checked
        {
            while (y > 0)
            {
                if ((y & 1) == 1) result *= x;
                y >>= 1;
                if (y > 0) x *= x;
            }
        }
        return result;
    }

    // Python's float_divmod: the remainder takes the divisor's sign, and the quotient is exact-ish floor.
    private static double FloatMod(double x, double y)
    {
        var mod = x % y;
        if (mod != 0)
        {
            if ((y < 0) != (mod < 0)) mod += y;
        }
        else
        {
            mod = y < 0 ? -0.0 : 0.0;
        }
        return mod;
    }

    private static double FloatFloorDiv(double x, double y)
    {
        var mod = x % y;
        var div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1.0;
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else
        {
            floordiv = Math.CopySign(0.0, x / y);
        }
        return floordiv;
    }

    public static object? Unary(string op, object? a)
    {
        if (a is Undefined u) throw u.Fail();
        if (op == "not") return !IsTruthy(a);
        if (a is PyTimeDelta td) return op == "-" ? new PyTimeDelta(-td.Total) : td;
        if (a is double d) return op == "-" ? -d : d;
        if (IsInt(a))
        {
            var l = ToLong(a);
            if (op == "+") return l;
            if (l == long.MinValue) throw new JinjaRuntimeException("integer result too large (Slipway ints are 64-bit)", "OverflowError");
            return -l;
        }
        throw TypeError($"bad operand type for unary {op}: '{TypeName(a)}'");
    }

    public static string Concat(object? a, object? b) => ToStr(a) + ToStr(b);

    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case Undefined u:
                if (u.IsStrict) throw u.Fail();
                return false;
            case string or Markup:
                if (AsString(item) is not { } needle) throw TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}");
                return AsString(container)!.Contains(needle, StringComparison.Ordinal);
            case PyTuple t:
                return t.Any(x => Equal(FromHost(x), item));
            case PyRange r:
                return r.Contains(item);
            case IDictionary<object, object?> or IDictionary<string, object?>:
                return DictTryGet(container, item, out _);
            case IList<object?> list:
                foreach (var x in list) if (Equal(FromHost(x), item)) return true;
                return false;
            case Namespace or IJinjaObject or IJinjaCallable or null or bool or long or double:
                throw TypeError($"argument of type '{TypeName(container)}' is not iterable");
            default:
                foreach (var x in Iterate(container)) if (Equal(x, item)) return true;
                return false;
        }
    }
}
