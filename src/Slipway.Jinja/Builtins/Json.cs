using System.Globalization;
using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

/// <summary>Python's json.dumps(sort_keys=True) as the tojson filter calls it, plus Jinja2's HTML-safe escapes.</summary>
internal static class Json
{
    public static string HtmlSafe(string json) =>
        json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").Replace("'", "\\u0027");

    public static string Dumps(object? value, object? indent)
    {
        string? indentText = indent switch
        {
            null => null,
            string s => s,
            Markup m => m.Value,
            _ => new string(' ', (int)Math.Max(0, Py.IntArg(indent))),
        };
        var sb = new StringBuilder();
        Write(sb, value, indentText, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, string? indent, int level)
    {
        switch (value)
        {
            case null: sb.Append("null"); return;
            case bool b: sb.Append(b ? "true" : "false"); return;
            case long or int: sb.Append(Py.Repr(value)); return;
            case double d: sb.Append(FloatText(d)); return;
            case string or Markup: WriteString(sb, Py.AsString(value)!); return;
            case PyTuple or List<object?>:
            case IList<object?> when !Py.IsDict(value):
                WriteArray(sb, Py.Iterate(value).ToList(), indent, level);
                return;
        }
        if (Py.IsDict(value))
        {
            var items = Py.DictItems(value!).ToList();
            items = Py.SortValues(items.Select(kv => (object?)kv.Key).ToList(), null, false)
                .Select(k => items.First(kv => Py.Equal(kv.Key, k))).ToList();
            if (items.Count == 0) { sb.Append("{}"); return; }
            sb.Append('{');
            var first = true;
            foreach (var kv in items)
            {
                if (!first) sb.Append(indent is null ? ", " : ",");
                first = false;
                NewLine(sb, indent, level + 1);
                WriteString(sb, KeyText(kv.Key));
                sb.Append(": ");
                Write(sb, kv.Value, indent, level + 1);
            }
            NewLine(sb, indent, level);
            sb.Append('}');
            return;
        }
        // json names the class without its module: "Object of type datetime is not JSON serializable".
        var typeName = Py.TypeName(value);
        throw Py.TypeError($"Object of type {typeName[(typeName.LastIndexOf('.') + 1)..]} is not JSON serializable");
    }

    private static void WriteArray(StringBuilder sb, List<object?> items, string? indent, int level)
    {
        if (items.Count == 0) { sb.Append("[]"); return; }
        sb.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(indent is null ? ", " : ",");
            NewLine(sb, indent, level + 1);
            Write(sb, items[i], indent, level + 1);
        }
        NewLine(sb, indent, level);
        sb.Append(']');
    }

    private static void NewLine(StringBuilder sb, string? indent, int level)
    {
        if (indent is null) return;
        sb.Append('\n');
        for (var i = 0; i < level; i++) sb.Append(indent);
    }

    private static string KeyText(object? key) => key switch
    {
        string or Markup => Py.AsString(key)!,
        null => "null",
        bool b => b ? "true" : "false",
        long or int => Py.Repr(key),
        double d => FloatText(d),
        _ => throw Py.TypeError($"keys must be str, int, float, bool or None, not {Py.TypeName(key)}"),
    };

    private static string FloatText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : Py.FloatRepr(d);

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
