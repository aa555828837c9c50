using System.Collections;
using System.Globalization;
using System.Text;

namespace Slipway.Engine.Artifacts;

/// <summary>
/// Python's <c>json.dumps</c> with its defaults (separators <c>", "</c> and <c>": "</c>, <c>ensure_ascii</c>), the
/// format dbt prints for <c>ls --output json</c> and returns from <c>tojson()</c>.
/// </summary>
public static class PythonJson
{
    public static string Dumps(object? value, bool sortKeys = false)
    {
        var sb = new StringBuilder();
        Write(sb, value, sortKeys);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case string s: WriteString(sb, s); break;
            case long or int: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : Parsing.PythonText.FloatRepr(d));
                break;
            case IDictionary<string, object?> dict:
                sb.Append('{');
                var first = true;
                foreach (var key in sortKeys ? dict.Keys.Order(StringComparer.Ordinal) : (IEnumerable<string>)dict.Keys)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    WriteString(sb, key);
                    sb.Append(": ");
                    Write(sb, dict[key], sortKeys);
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
                    Write(sb, item, sortKeys);
                }
                sb.Append(']');
                break;
            default: WriteString(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
