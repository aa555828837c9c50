using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

// printf-style formatting: 'str' % args, as Python's PyUnicode_Format does it.
public static partial class Py
{
    internal static string PercentFormat(string format, object? args, bool escape = false)
    {
        IReadOnlyList<object?> positional = args is PyTuple tuple ? tuple : [args];
        var argCount = args is PyTuple ? positional.Count : -1; // -1: a single non-tuple argument
        // Python treats anything with __getitem__ that is not a tuple or str as a mapping (lists too).
        var mapping = args is not PyTuple && args is not string && args is not Markup && (IsDict(args) || IsList(args) || args is PyRange or Undefined) ? args : null;
        var next = 0;
        var sb = new StringBuilder(format.Length + 16);
        var i = 0;

        object? NextArg()
        {
            if (argCount < 0)
            {
                if (next > 0) throw TypeError("not enough arguments for format string");
                next++;
                return args;
            }
            if (next >= argCount) throw TypeError("not enough arguments for format string");
            return positional[next++];
        }

        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%') { sb.Append(c); i++; continue; }
            i++;
            if (i >= format.Length) throw ValueError("incomplete format");
            object? value = null;
            var haveValue = false;
            if (format[i] == '(')
            {
                if (mapping is null || !IsDict(mapping)) throw TypeError("format requires a mapping");
                var depth = 1;
                var start = ++i;
                while (i < format.Length && depth > 0)
                {
                    if (format[i] == '(') depth++;
                    else if (format[i] == ')') depth--;
                    i++;
                }
                if (depth > 0) throw ValueError("incomplete format key");
                var key = format[start..(i - 1)];
                if (!DictTryGet(mapping, key, out value)) throw new JinjaRuntimeException(StringRepr(key), "KeyError");
                haveValue = true;
            }
            bool left = false, plus = false, space = false, alt = false, zero = false;
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '-': left = true; continue;
                    case '+': plus = true; continue;
                    case ' ': space = true; continue;
                    case '#': alt = true; continue;
                    case '0': zero = true; continue;
                }
                break;
            }
            var width = -1;
            if (i < format.Length && format[i] == '*')
            {
                var w = NextArg();
                if (!IsInt(w)) throw TypeError("* wants int");
                width = (int)ToLong(w);
                if (width < 0) { left = true; width = -width; }
                i++;
            }
            else width = ReadNumber(format, ref i);
            var precision = -1;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                if (i < format.Length && format[i] == '*')
                {
                    var p = NextArg();
                    if (!IsInt(p)) throw TypeError("* wants int");
                    precision = Math.Max(0, (int)ToLong(p));
                    i++;
                }
                else precision = Math.Max(0, ReadNumber(format, ref i));
            }
            while (i < format.Length && format[i] is 'h' or 'l' or 'L') i++;
            if (i >= format.Length) throw ValueError("incomplete format");
            var conversion = format[i++];
            if (conversion == '%') { sb.Append('%'); continue; }
            if (!haveValue) value = NextArg();
            if (escape) value = EscapeArg(value);

            string body;
            var sign = "";
            var numeric = false;
            switch (conversion)
            {
                case 's': body = ToStr(value); break;
                case 'r': body = Repr(value); break;
                case 'a': body = AsciiRepr(value); break;
                case 'c':
                    if (AsString(value) is { } cs)
                    {
                        if (cs.Length != 1) throw TypeError("%c requires int or char");
                        body = cs;
                    }
                    else if (IsInt(value))
                    {
                        var code = ToLong(value);
                        if (code < 0 || code > 0x10FFFF) throw new JinjaRuntimeException("%c arg not in range(0x110000)", "OverflowError");
                        body = char.ConvertFromUtf32((int)code);
                    }
                    else throw TypeError("%c requires int or char");
                    break;
                case 'd' or 'i' or 'u' or 'o' or 'x' or 'X':
                {
                    numeric = true;
                    long n;
                    if (IsInt(value)) n = ToLong(value);
                    else if (value is double dv && conversion is 'd' or 'i' or 'u')
                    {
                        if (!double.IsFinite(dv)) throw new JinjaRuntimeException(double.IsNaN(dv) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer", double.IsNaN(dv) ? "ValueError" : "OverflowError");
                        var whole = Math.Truncate(dv);
                        if (Math.Abs(whole) >= 9.2e18)
                        {
                            // Beyond 64 bits: Python prints the float's exact integer value.
                            var big = new System.Numerics.BigInteger(whole);
                            var bigDigits = System.Numerics.BigInteger.Abs(big).ToString(CultureInfo.InvariantCulture);
                            if (precision >= 0 && bigDigits.Length < precision) bigDigits = new string('0', precision - bigDigits.Length) + bigDigits;
                            sign = big.Sign < 0 ? "-" : plus ? "+" : space ? " " : "";
                            body = bigDigits;
                            break;
                        }
                        n = (long)whole;
                    }
                    // %d/%f call Undefined's __int__/__float__, which raise its UndefinedError; %x/%o want __index__.
                    else if (value is Undefined ud && conversion is 'd' or 'i' or 'u') throw ud.Fail();
                    else if (conversion is 'd' or 'i' or 'u') throw TypeError($"%{conversion} format: a real number is required, not {TypeName(value)}");
                    else throw TypeError($"%{conversion} format: an integer is required, not {TypeName(value)}");
                    var magnitude = n < 0 ? (n == long.MinValue ? "9223372036854775808" : (-n).ToString(CultureInfo.InvariantCulture)) : n.ToString(CultureInfo.InvariantCulture);
                    if (conversion is 'o' or 'x' or 'X')
                    {
                        var u = n < 0 ? (ulong)(-(n + 1)) + 1 : (ulong)n;
                        magnitude = conversion == 'o' ? Convert.ToString((long)u, 8) : u.ToString(conversion == 'x' ? "x" : "X", CultureInfo.InvariantCulture);
                        if (alt) sign = conversion == 'o' ? "0o" : conversion == 'x' ? "0x" : "0X";
                    }
                    if (precision >= 0 && magnitude.Length < precision) magnitude = new string('0', precision - magnitude.Length) + magnitude;
                    sign = (n < 0 ? "-" : plus ? "+" : space ? " " : "") + sign;
                    body = magnitude;
                    break;
                }
                case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                {
                    numeric = true;
                    if (value is Undefined uf) throw uf.Fail();
                    if (!IsNumber(value)) throw TypeError($"must be real number, not {TypeName(value)}");
                    var dv = ToDouble(value);
                    var p = precision < 0 ? 6 : precision;
                    var upper = char.IsUpper(conversion);
                    body = char.ToLowerInvariant(conversion) switch
                    {
                        'e' => FormatExponent(dv, p, alt, upper),
                        'f' => FormatFixed(dv, p, alt, upper),
                        _ => FormatGeneral(dv, p, alt, upper),
                    };
                    sign = double.IsNegative(dv) && !double.IsNaN(dv) ? "-" : plus ? "+" : space ? " " : "";
                    if (!double.IsFinite(dv)) zero = false;
                    break;
                }
                default:
                    throw ValueError($"unsupported format character '{conversion}' (0x{(int)conversion:x}) at index {i - 1}");
            }
            if (conversion is 's' or 'r' or 'a' && precision >= 0 && body.Length > precision) body = body[..precision];
            var total = sign.Length + body.Length;
            if (width > total)
            {
                if (left) sb.Append(sign).Append(body).Append(' ', width - total);
                else if (zero && numeric) sb.Append(sign).Append('0', width - total).Append(body);
                else sb.Append(' ', width - total).Append(sign).Append(body);
            }
            else sb.Append(sign).Append(body);
        }
        var allUsed = argCount >= 0 ? next >= argCount : next > 0;
        if (!allUsed && mapping is null) throw TypeError("not all arguments converted during string formatting");
        return sb.ToString();
    }

    private static int ReadNumber(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i == start ? -1 : int.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
    }

    /// <summary>Python's ascii(): repr with every non-ASCII character escaped.</summary>
    internal static string AsciiRepr(object? value)
    {
        var r = Repr(value);
        var sb = new StringBuilder(r.Length);
        foreach (var rune in r.EnumerateRunes())
        {
            var c = rune.Value;
            if (c < 0x80) sb.Append((char)c);
            else if (c < 0x100) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x10000) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
