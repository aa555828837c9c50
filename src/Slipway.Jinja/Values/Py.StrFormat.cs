using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

// str.format: replacement fields with positional, keyword, index and attribute lookups and format specs.
public static partial class Py
{
    internal static string StrFormat(string format, Arguments arguments)
    {
        var sb = new StringBuilder(format.Length + 16);
        var autoIndex = 0;
        var numbering = 0; // 0 unknown, 1 automatic, 2 manual
        FormatInto(sb, format, arguments, ref autoIndex, ref numbering, 2);
        return sb.ToString();
    }

    private static void FormatInto(StringBuilder sb, string format, Arguments arguments, ref int autoIndex, ref int numbering, int depth)
    {
        if (depth < 0) throw ValueError("Max string recursion exceeded");
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i += 2; continue; }
                throw ValueError("Single '}' encountered in format string");
            }
            if (c != '{') { sb.Append(c); i++; continue; }
            if (i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i += 2; continue; }
            // Find the matching close brace, allowing one level of nested fields in the spec.
            var nest = 1;
            var j = i + 1;
            for (; j < format.Length; j++)
            {
                if (format[j] == '{') nest++;
                else if (format[j] == '}' && --nest == 0) break;
            }
            if (j >= format.Length) throw ValueError(nest > 1 ? "expected '}' before end of string" : "Single '{' encountered in format string");
            var field = format[(i + 1)..j];
            i = j + 1;

            // Split "name!conv:spec"; the name part ends at the first '!' or ':' outside brackets.
            var end = 0;
            var inBracket = false;
            for (; end < field.Length; end++)
            {
                if (field[end] == '[') inBracket = true;
                else if (field[end] == ']') inBracket = false;
                else if (!inBracket && field[end] is '!' or ':') break;
            }
            var name = field[..end];
            char? conversion = null;
            var spec = "";
            if (end < field.Length && field[end] == '!')
            {
                if (end + 1 >= field.Length) throw ValueError("end of string while looking for conversion specifier");
                conversion = field[end + 1];
                if (end + 2 < field.Length && field[end + 2] != ':') throw ValueError("expected ':' after conversion specifier");
                end += 2;
            }
            if (end < field.Length && field[end] == ':') spec = field[(end + 1)..];

            var value = ResolveField(name, arguments, ref autoIndex, ref numbering);
            value = conversion switch
            {
                null => value,
                's' => ToStr(value),
                'r' => Repr(value),
                'a' => AsciiRepr(value),
                _ => throw ValueError($"Unknown conversion specifier {conversion}"),
            };
            if (spec.Contains('{'))
            {
                var inner = new StringBuilder();
                FormatInto(inner, spec, arguments, ref autoIndex, ref numbering, depth - 1);
                spec = inner.ToString();
            }
            sb.Append(FormatValue(value, spec));
        }
    }

    private static object? ResolveField(string name, Arguments arguments, ref int autoIndex, ref int numbering)
    {
        var k = 0;
        while (k < name.Length && name[k] is not ('.' or '[')) k++;
        var first = name[..k];
        object? value;
        if (first.Length == 0 || first.All(char.IsAsciiDigit))
        {
            int index;
            if (first.Length == 0)
            {
                if (numbering == 2) throw ValueError("cannot switch from manual field specification to automatic field numbering");
                numbering = 1;
                index = autoIndex++;
            }
            else
            {
                if (numbering == 1) throw ValueError("cannot switch from automatic field numbering to manual field specification");
                numbering = 2;
                index = int.Parse(first, CultureInfo.InvariantCulture);
            }
            if (index >= arguments.Positional.Count)
                throw new JinjaRuntimeException($"Replacement index {index} out of range for positional args tuple", "IndexError");
            value = arguments.Positional[index];
        }
        else if (!arguments.Keyword.TryGetValue(first, out value))
        {
            throw new JinjaRuntimeException(StringRepr(first), "KeyError");
        }

        // The sandbox resolves .attr and [key] with the template's own lookup rules (attribute, then item).
        while (k < name.Length)
        {
            if (name[k] == '.')
            {
                var start = ++k;
                while (k < name.Length && name[k] is not ('.' or '[')) k++;
                var attr = name[start..k];
                if (attr.Length == 0) throw ValueError("Empty attribute in format string");
                value = TryGetAttr(value, attr, out var a) ? a : TryGetItem(value, attr, out var b) ? b : new Undefined(attr);
            }
            else
            {
                var close = name.IndexOf(']', k);
                if (close < 0) throw ValueError("Missing ']' in format string");
                var key = name[(k + 1)..close];
                k = close + 1;
                object? keyValue = key.Length > 0 && key.All(char.IsAsciiDigit) ? long.Parse(key, CultureInfo.InvariantCulture) : key;
                value = TryGetItem(value, keyValue, out var item) ? item
                    : keyValue is string s && TryGetAttr(value, s, out var attrValue) ? attrValue : new Undefined(key);
            }
        }
        return value;
    }

    /// <summary>Python's format(value, spec) for the built-in types.</summary>
    public static string FormatValue(object? value, string spec)
    {
        if (value is Undefined u && u.IsStrict) throw u.Fail();
        if (spec.Length == 0) return ToStr(value);
        if (value is not (string or Markup or bool or long or int or double))
            throw TypeError($"unsupported format string passed to {TypeName(value)}.__format__");
        var s = FormatSpec.Parse(spec);
        // Each type has its default presentation; a grouping separator must suit the effective one.
        s = s with { Type = s.Type ?? value switch { string or Markup => 's', bool or long or int => 'd', _ => null } };
        if (s.Grouping is { } separator)
        {
            var allowed = s.Type is null or 'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F'
                || (separator == '_' && s.Type is 'b' or 'o' or 'x' or 'X');
            if (!allowed) throw ValueError($"Cannot specify '{separator}' with '{s.Type}'.");
        }
        switch (value)
        {
            case string or Markup:
                if (s.Type is not (null or 's')) throw ValueError($"Unknown format code '{s.Type}' for object of type 'str'");
                if (s.Sign is not null) throw ValueError(s.Sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
                if (s.Alternate) throw ValueError("Alternate form (#) not allowed in string format specifier");
                if (s.Align == '=') throw ValueError("'=' alignment not allowed in string format specifier");
                var text = AsString(value)!;
                if (s.Precision is { } p && text.Length > p) text = text[..p];
                return s.Pad("", text, '<');
            case bool or long or int:
                if (s.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%') return FormatFloatSpec(ToDouble(value), s);
                return FormatIntSpec(ToLong(value), s);
            case double d:
                return FormatFloatSpec(d, s);
            default:
                throw TypeError($"unsupported format string passed to {TypeName(value)}.__format__");
        }
    }

    private static string FormatIntSpec(long n, FormatSpec s)
    {
        if (s.Type is not ('b' or 'c' or 'd' or 'o' or 'x' or 'X' or 'n'))
            throw ValueError($"Unknown format code '{s.Type}' for object of type 'int'");
        if (s.Precision is not null) throw ValueError("Precision not allowed in integer format specifier");
        if (s.NoNegativeZero) throw ValueError("Negative zero coercion (z) not allowed in integer format specifier");
        var magnitude = n < 0 ? (n == long.MinValue ? 9223372036854775808UL : (ulong)(-n)) : (ulong)n;
        string digits;
        var prefix = "";
        switch (s.Type)
        {
            case null or 'd' or 'n': digits = magnitude.ToString(CultureInfo.InvariantCulture); break;
            case 'x': digits = magnitude.ToString("x", CultureInfo.InvariantCulture); prefix = s.Alternate ? "0x" : ""; break;
            case 'X': digits = magnitude.ToString("X", CultureInfo.InvariantCulture); prefix = s.Alternate ? "0X" : ""; break;
            case 'o': digits = Convert.ToString((long)magnitude, 8); prefix = s.Alternate ? "0o" : ""; break;
            case 'b': digits = Convert.ToString((long)magnitude, 2); prefix = s.Alternate ? "0b" : ""; break;
            case 'c':
                if (s.Sign is not null) throw ValueError("Sign not allowed with integer format specifier 'c'");
                if (s.Alternate) throw ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
                if (n < 0 || n > 0x10FFFF) throw new JinjaRuntimeException("%c arg not in range(0x110000)", "OverflowError");
                return s.Pad("", char.ConvertFromUtf32((int)n), '>');
            default: throw ValueError($"Unknown format code '{s.Type}' for object of type 'int'");
        }
        if (s.Grouping is { } g) digits = Group(digits, g, s.Type is 'x' or 'X' or 'o' or 'b' ? 4 : 3);
        var sign = n < 0 ? "-" : s.Sign is '+' ? "+" : s.Sign is ' ' ? " " : "";
        return s.Pad(sign + prefix, digits, '>');
    }

    private static string FormatFloatSpec(double d, FormatSpec s)
    {
        string body;
        var precision = s.Precision;
        var upper = s.Type is 'E' or 'F' or 'G';
        switch (s.Type)
        {
            case 'e' or 'E': body = FormatExponent(d, precision ?? 6, s.Alternate, upper); break;
            case 'f' or 'F': body = FormatFixed(d, precision ?? 6, s.Alternate, upper); break;
            case 'g' or 'G' or 'n': body = FormatGeneral(d, precision ?? 6, s.Alternate, upper); break;
            case '%': body = FormatFixed(d * 100, precision ?? 6, s.Alternate) + "%"; break;
            case null:
                if (precision is null)
                {
                    body = FloatRepr(Math.Abs(d));
                }
                else
                {
                    // Like 'g', but fixed notation keeps a ".0" and exponent notation starts one digit earlier.
                    var p = Math.Max(1, precision.Value);
                    body = FormatGeneral(d, p, s.Alternate, false, keepPointZero: true);
                }
                break;
            default: throw ValueError($"Unknown format code '{s.Type}' for object of type 'float'");
        }
        if (s.Grouping is { } g && double.IsFinite(d))
        {
            var dot = body.IndexOfAny(['.', 'e', 'E', '%']);
            var intPart = dot < 0 ? body : body[..dot];
            body = Group(intPart, g, 3) + (dot < 0 ? "" : body[dot..]);
        }
        var negative = double.IsNegative(d) && !double.IsNaN(d);
        // 'z' turns a negative zero (after rounding) into a positive one.
        if (negative && s.NoNegativeZero && double.IsFinite(d) && !body.Any(c => c is >= '1' and <= '9')) negative = false;
        var sign = negative ? "-" : s.Sign is '+' ? "+" : s.Sign is ' ' ? " " : "";
        return s.Pad(sign, body, '>');
    }

    private static string Group(string digits, char separator, int size)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % size == 0) sb.Append(separator);
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    /// <summary>A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].</summary>
    private sealed record FormatSpec(char Fill, char? Align, char? Sign, bool Alternate, int Width, char? Grouping, int? Precision, char? Type)
    {
        /// <summary>A '0' before the width: pads with zeros (unless a fill was given), between sign and digits for numbers.</summary>
        public bool ZeroPad { get; init; }
        public bool FillSpecified { get; init; }
        /// <summary>'z': a negative zero prints as a positive one.</summary>
        public bool NoNegativeZero { get; init; }

        public static FormatSpec Parse(string spec)
        {
            var i = 0;
            char fill = ' ';
            char? align = null;
            var fillSpecified = false;
            if (spec.Length >= 2 && spec[1] is '<' or '>' or '^' or '=') { fill = spec[0]; align = spec[1]; i = 2; fillSpecified = true; }
            else if (spec.Length >= 1 && spec[0] is '<' or '>' or '^' or '=') { align = spec[0]; i = 1; }
            char? sign = null;
            if (i < spec.Length && spec[i] is '+' or '-' or ' ') sign = spec[i++];
            var noNegativeZero = false;
            if (i < spec.Length && spec[i] == 'z') { noNegativeZero = true; i++; }
            var alternate = false;
            if (i < spec.Length && spec[i] == '#') { alternate = true; i++; }
            var zeroPad = false;
            if (i < spec.Length && spec[i] == '0' && !fillSpecified)
            {
                zeroPad = true;
                fill = '0';
                i++;
            }
            var start = i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
            var width = i > start ? int.Parse(spec.AsSpan(start, i - start), CultureInfo.InvariantCulture) : 0;
            char? grouping = null;
            if (i < spec.Length && spec[i] is ',' or '_') grouping = spec[i++];
            int? precision = null;
            if (i < spec.Length && spec[i] == '.')
            {
                start = ++i;
                while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
                if (i == start) throw ValueError("Format specifier missing precision");
                precision = int.Parse(spec.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            }
            char? type = null;
            if (i < spec.Length) type = spec[i++];
            if (i < spec.Length) throw ValueError("Invalid format specifier");
            return new FormatSpec(fill, align, sign, alternate, width, grouping, precision, type)
            {
                ZeroPad = zeroPad,
                FillSpecified = fillSpecified,
                NoNegativeZero = noNegativeZero,
            };
        }

        /// <summary>Pad sign+body to the width; '=' puts the padding between the sign and the digits.</summary>
        public string Pad(string sign, string body, char defaultAlign)
        {
            var length = sign.Length + body.Length;
            if (Width <= length) return sign + body;
            var pad = Width - length;
            // Numbers (right-aligned by default) put zero padding after the sign.
            var align = Align ?? (ZeroPad && defaultAlign == '>' ? '=' : defaultAlign);
            return align switch
            {
                '<' => sign + body + new string(Fill, pad),
                '^' => new string(Fill, pad / 2) + sign + body + new string(Fill, pad - pad / 2),
                '=' => sign + new string(Fill, pad) + body,
                _ => new string(Fill, pad) + sign + body,
            };
        }
    }
}
