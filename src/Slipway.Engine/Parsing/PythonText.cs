using System.Collections;
using System.Globalization;
using System.Text;

namespace Slipway.Engine.Parsing;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> of plain YAML values, because dbt builds test names and test
/// unique-id hashes from exactly that text; a difference of one quote changes the id.
/// </summary>
internal static class PythonText
{
    public static string Str(object? value) => value switch
    {
        string s => s,
        _ => Repr(value),
    };

    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value);
        return sb.ToString();
    }

    private static void AppendRepr(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("None"); break;
            case bool b: sb.Append(b ? "True" : "False"); break;
            case string s: AppendStringRepr(sb, s); break;
            case long or int: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(FloatRepr(d)); break;
            case IDictionary<string, object?> dict:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in dict)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    AppendStringRepr(sb, k);
                    sb.Append(": ");
                    AppendRepr(sb, v);
                }
                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(", ");
                    firstItem = false;
                    AppendRepr(sb, item);
                }
                sb.Append(']');
                break;
            default: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>Python's float repr: shortest round-trip digits, always with a dot or exponent.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            // .NET "1E+16" → Python "1e+16"; Python pads the exponent to two digits.
            var mantissa = r[..r.IndexOf('E')];
            var exp = int.Parse(r[(r.IndexOf('E') + 1)..], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }
        if (Math.Abs(d) >= 1e16) return (d / Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(d))))).ToString("R", CultureInfo.InvariantCulture) + "e+" + Math.Floor(Math.Log10(Math.Abs(d)));
        return r.Contains('.') ? r : r + ".0";
    }

    /// <summary>Python's str repr: single quotes unless the text has a single quote and no double quote.</summary>
    public static void AppendStringRepr(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append(quote);
    }

    public static string Md5Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
