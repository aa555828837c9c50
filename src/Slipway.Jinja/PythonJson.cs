using System.Collections;
using System.Globalization;
using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Jinja;

/// <summary>
/// Python's <c>json.dumps</c> with its default separators (<c>", "</c>, <c>": "</c>) and <c>ensure_ascii</c>: what the
/// <c>tojson</c> filter writes (always with <c>sort_keys</c>) and what dbt's <c>tojson()</c> and <c>ls --output json</c> print.
/// </summary>
public static class PythonJson
{
    /// <summary>
    /// Serialises <paramref name="value"/>. Strict mode raises Python's TypeError for values json cannot encode;
    /// lenient mode (host data such as manifest dictionaries) writes any other sequence as an array and any other
    /// value as its invariant string.
    /// </summary>
    public static string Dumps(object? value, bool sortKeys = false, string? indent = null, bool strict = false)
    {
        var sb = new StringBuilder();
        new Writer(sb, sortKeys, indent, strict).Write(value, 0);
        return sb.ToString();
    }

    private readonly record struct Writer(StringBuilder Sb, bool SortKeys, string? Indent, bool Strict)
    {
        public void Write(object? value, int level)
        {
            switch (value)
            {
                case null: Sb.Append("null"); return;
                case bool b: Sb.Append(b ? "true" : "false"); return;
                case long or int: Sb.Append(Py.Repr(value)); return;
                case double d: Sb.Append(FloatText(d)); return;
                case string or Markup: WriteString(Py.AsString(value)!); return;
                case PyTuple or List<object?>:
                case IList<object?> when !Py.IsDict(value):
                    WriteArray(Py.Iterate(value).ToList(), level);
                    return;
            }
            if (Py.IsDict(value)) { WriteObject(Py.DictItems(value!).ToList(), level); return; }
            if (!Strict)
            {
                if (value is IEnumerable sequence) { WriteArray(sequence.Cast<object?>().ToList(), level); return; }
                WriteString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
            }
            // json names the class without its module: "Object of type datetime is not JSON serializable".
            var typeName = Py.TypeName(value);
            throw Py.TypeError($"Object of type {typeName[(typeName.LastIndexOf('.') + 1)..]} is not JSON serializable");
        }

        private void WriteObject(List<KeyValuePair<object?, object?>> items, int level)
        {
            if (SortKeys)
                items = Py.SortValues(items.Select(kv => kv.Key).ToList(), null, false)
                    .Select(k => items.First(kv => Py.Equal(kv.Key, k))).ToList();
            if (items.Count == 0) { Sb.Append("{}"); return; }
            Sb.Append('{');
            var first = true;
            foreach (var kv in items)
            {
                if (!first) Sb.Append(Indent is null ? ", " : ",");
                first = false;
                NewLine(level + 1);
                WriteString(KeyText(kv.Key));
                Sb.Append(": ");
                Write(kv.Value, level + 1);
            }
            NewLine(level);
            Sb.Append('}');
        }

        private void WriteArray(List<object?> items, int level)
        {
            if (items.Count == 0) { Sb.Append("[]"); return; }
            Sb.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0) Sb.Append(Indent is null ? ", " : ",");
                NewLine(level + 1);
                Write(items[i], level + 1);
            }
            NewLine(level);
            Sb.Append(']');
        }

        private void NewLine(int level)
        {
            if (Indent is null) return;
            Sb.Append('\n');
            for (var i = 0; i < level; i++) Sb.Append(Indent);
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

        private void WriteString(string s)
        {
            Sb.Append('"');
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': Sb.Append("\\\""); break;
                    case '\\': Sb.Append("\\\\"); break;
                    case '\n': Sb.Append("\\n"); break;
                    case '\r': Sb.Append("\\r"); break;
                    case '\t': Sb.Append("\\t"); break;
                    case '\b': Sb.Append("\\b"); break;
                    case '\f': Sb.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c > 0x7e) Sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else Sb.Append(c);
                        break;
                }
            }
            Sb.Append('"');
        }
    }
}
