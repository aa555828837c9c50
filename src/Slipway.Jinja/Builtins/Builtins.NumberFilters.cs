using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Number filters (int, float, abs, round) and default, with Python's int()/float() parsing rules.
public static partial class Builtins
{
    private static void RegisterNumberFilters(IDictionary<string, Filter> f)
    {
        f["int"] = (_, v, a) => ToIntFilter(v, a.Get(0, "default", 0L), Int(a, 1, "base", 10));
        f["float"] = (_, v, a) =>
        {
            if (v is Undefined u) throw u.Fail();
            return ToFloat(v) ?? a.Get(0, "default", 0.0);
        };
        f["abs"] = (_, v, _) => v switch
        {
            double d => (object)Math.Abs(d),
            long or bool => Py.ToLong(v) == long.MinValue ? throw new JinjaRuntimeException("integer result too large (Slipway ints are 64-bit)", "OverflowError") : (object)Math.Abs(Py.ToLong(v)),
            _ => throw Py.TypeError($"bad operand type for abs(): '{Py.TypeName(v)}'"),
        };
        f["round"] = (_, v, a) => Round(v, Int(a, 0, "precision", 0), Py.ToStr(a.Get(1, "method", "common")));
        f["default"] = f["d"] = (_, v, a) =>
            v is Undefined || (Bool(a, 1, "boolean", false) && !Py.IsTruthy(v)) ? a.Get(0, "default_value", "") : v;
    }

    private static object? Round(object? value, long precision, string method)
    {
        if (method is not ("common" or "ceil" or "floor")) throw FilterArgumentError("method must be common, ceil or floor");
        if (method == "common")
        {
            if (!Py.IsNumber(value)) throw Py.TypeError($"type {Py.TypeName(value)} doesn't define __round__ method");
            if (value is double d) return Py.RoundFloat(d, (int)Math.Clamp(precision, -400, 400));
            var n = Py.ToLong(value);
            if (precision >= 0) return n;
            // round(int, -k): to a multiple of 10^k, ties to even.
            if (precision < -18) return 0L;
            var unit = (long)Math.Pow(10, -precision);
            var q = Py.FloorDiv(n, unit);
            var r = n - q * unit;
            if (r * 2 > unit || (r * 2 == unit && q % 2 != 0)) q++;
            return q * unit;
        }
        // Jinja2: math.ceil(value * 10 ** precision) / 10 ** precision — the product comes first, so a str is
        // repeated before math.ceil rejects it.
        var scale = Py.Binary("**", 10L, precision);
        var product = Py.Binary("*", value, scale);
        if (!Py.IsNumber(product)) throw Py.TypeError($"must be real number, not {Py.TypeName(product)}");
        var scaled = Py.ToDouble(product);
        var rounded = method == "ceil" ? Math.Ceiling(scaled) : Math.Floor(scaled);
        if (!double.IsFinite(rounded)) throw new JinjaRuntimeException("cannot convert float infinity to integer", "OverflowError");
        return Py.Binary("/", rounded, scale);
    }

    /// <summary>Jinja2's int filter: int(value[, base]); failing that int(float(value)); failing that the default.</summary>
    private static object? ToIntFilter(object? value, object? @default, long @base)
    {
        switch (value)
        {
            case Undefined u: throw u.Fail();
            case bool or long: return Py.ToLong(value);
            case double d:
                if (double.IsNaN(d)) return @default;
                if (double.IsInfinity(d)) throw new JinjaRuntimeException("cannot convert float infinity to integer", "OverflowError");
                return TruncateToLong(d);
            case string or Markup:
                var s = Py.AsString(value)!;
                // int(s, base) raising ValueError for a bad base is caught like a bad string: float, then default.
                if (@base is 0 or (>= 2 and <= 36) && ParsePythonInt(s, (int)@base) is { } l) return l;
                if (ParsePythonFloat(s) is { } f && double.IsFinite(f)) return TruncateToLong(f);
                return @default;
            default:
                return @default;
        }
    }

    private static long TruncateToLong(double d)
    {
        var t = Math.Truncate(d);
        if (t >= 9.2233720368547758e18 || t < -9.2233720368547758e18)
            throw new JinjaRuntimeException("integer result too large (Slipway ints are 64-bit)", "OverflowError");
        return (long)t;
    }

    /// <summary>Python's float(value), or null where Python raises TypeError/ValueError.</summary>
    internal static double? ToFloat(object? value) => value switch
    {
        double d => d,
        long or bool => Py.ToDouble(value),
        string or Markup => ParsePythonFloat(Py.AsString(value)!),
        Undefined u => throw u.Fail(),
        _ => null,
    };

    [GeneratedRegex(@"^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$")]
    private static partial Regex PythonFloatRegex();

    internal static double? ParsePythonFloat(string s)
    {
        s = Py.Strip(s, null, true, true);
        var lower = s.ToLowerInvariant().TrimStart('+', '-');
        var negative = s.StartsWith('-');
        if (s.Length > 0 && s.Length - lower.Length <= 1)
        {
            if (lower is "inf" or "infinity") return negative ? double.NegativeInfinity : double.PositiveInfinity;
            if (lower == "nan") return double.NaN;
        }
        if (!PythonFloatRegex().IsMatch(s)) return null;
        return double.Parse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Python's int(text, base): optional sign, single underscores between digits, 0x/0o/0b prefixes.</summary>
    internal static long? ParsePythonInt(string s, int @base)
    {
        if (@base != 0 && (@base < 2 || @base > 36)) throw Py.ValueError("int() base must be >= 2 and <= 36, or 0");
        s = Py.Strip(s, null, true, true);
        var negative = false;
        if (s.StartsWith('+') || s.StartsWith('-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var lower = s.ToLowerInvariant();
        if (lower.Length >= 2 && lower[0] == '0' && lower[1] is 'x' or 'o' or 'b')
        {
            var prefixBase = lower[1] switch { 'x' => 16, 'o' => 8, _ => 2 };
            if (@base == 0 || @base == prefixBase)
            {
                @base = prefixBase;
                lower = lower[2..];
                if (lower.StartsWith('_')) lower = lower[1..];
            }
        }
        if (@base == 0)
        {
            @base = 10;
            // Base 0 forbids leading zeros on a non-zero decimal.
            if (lower.Length > 1 && lower[0] == '0' && lower.Replace("_", "").Trim('0').Length > 0) return null;
        }
        if (lower.Length == 0 || lower.StartsWith('_') || lower.EndsWith('_') || lower.Contains("__")) return null;
        long result = 0;
        foreach (var c in lower)
        {
            if (c == '_') continue;
            var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
            if (digit >= @base) return null;
            try
            {
                result = checked(result * @base + digit);
            }
            catch (OverflowException)
            {
                throw new JinjaRuntimeException("integer result too large (Slipway ints are 64-bit)", "OverflowError");
            }
        }
        return negative ? -result : result;
    }
}
