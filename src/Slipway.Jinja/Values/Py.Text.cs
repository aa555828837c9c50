using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

// str() and repr() exactly as Python prints them.
public static partial class Py
{
    public static string ToStr(object? value) => value switch
    {
        string s => s,
        Markup m => m.Value,
        Undefined u => u.IsStrict ? throw u.Fail() : "",
        IPyObject o => o.PyStr(),
        _ => Repr(value),
    };

    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value, 0);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, object? value, int depth)
    {
        // Python prints '[...]' for a list that contains itself; a depth cap keeps us from looping forever.
        if (depth > 200) { sb.Append("..."); return; }
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FloatRepr(d)); break;
            case string s: AppendStringRepr(sb, s); break;
            case Markup m: sb.Append("Markup("); AppendStringRepr(sb, m.Value); sb.Append(')'); break;
            case Undefined:
                // repr() is one of the few things even StrictUndefined allows.
                sb.Append("Undefined");
                break;
            case PyTuple t:
                sb.Append('(');
                for (var k = 0; k < t.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    AppendRepr(sb, t[k], depth + 1);
                }
                if (t.Count == 1) sb.Append(',');
                sb.Append(')');
                break;
            case IPyObject o: sb.Append(o.PyRepr()); break;
            case Namespace ns:
                sb.Append("<Namespace {");
                var firstAttr = true;
                foreach (var kv in ns.Attributes)
                {
                    if (!firstAttr) sb.Append(", ");
                    firstAttr = false;
                    AppendStringRepr(sb, kv.Key);
                    sb.Append(": ");
                    AppendRepr(sb, kv.Value, depth + 1);
                }
                sb.Append("}>");
                break;
            case IDictionary<object, object?> or IDictionary<string, object?>:
                sb.Append('{');
                var first = true;
                foreach (var kv in DictItems(value))
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendRepr(sb, kv.Key, depth + 1);
                    sb.Append(": ");
                    AppendRepr(sb, kv.Value, depth + 1);
                }
                sb.Append('}');
                break;
            case IList<object?> list:
                sb.Append('[');
                for (var k = 0; k < list.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    AppendRepr(sb, FromHost(list[k]), depth + 1);
                }
                sb.Append(']');
                break;
            default:
                sb.Append(value.ToString());
                break;
        }
    }

    /// <summary>Python's repr of a str: single quotes unless the text has ' and no ", escapes for the unprintable.</summary>
    internal static void AppendStringRepr(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (IsPrintable(rune)) sb.Append(rune.ToString());
            else if (c < 0x100) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x10000) sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
    }

    internal static string StringRepr(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendStringRepr(sb, s);
        return sb.ToString();
    }

    /// <summary>Python's str.isprintable for one character: everything but controls, formats, separators (except space), unassigned.</summary>
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or
            UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or
            UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>Python's repr(float): the shortest round-tripping digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var (negative, digits, pointPos) = ShortestDigits(d);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        // pointPos: the value is 0.DIGITS × 10^pointPos; Python's exponent is pointPos - 1.
        var exponent = pointPos - 1;
        if (exponent < -4 || exponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        return sb.ToString();
    }

    /// <summary>The shortest round-trip decimal digits of a finite non-zero double and where the point goes.</summary>
    internal static (bool Negative, string Digits, int PointPos) ShortestDigits(double d)
    {
        // "R" gives the shortest round-trip digits (since .NET Core 3.0), so read digits and exponent back out of it.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var mantissa = shortest;
        var exp = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        var dot = mantissa.IndexOf('.');
        string intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        string fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = intPart + fracPart;
        var pointPos = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0') { lead++; pointPos--; }
        all = all[lead..].TrimEnd('0');
        if (all.Length == 0) all = "0";
        return (d < 0, all, pointPos);
    }
}
