using System.Text;
using System.Text.RegularExpressions;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

/// <summary>Python's pprint.pformat (width 80, indent 1, dicts sorted) for the pprint filter.</summary>
internal static partial class PrettyPrinter
{
    private const int Width = 80;

    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        FormatValue(sb, value, 0, 0, 0);
        return sb.ToString();
    }

    private static void FormatValue(StringBuilder sb, object? value, int indent, int allowance, int level)
    {
        var rep = Repr(value);
        if (rep.Length > Width - indent - allowance)
        {
            switch (value)
            {
                case PyTuple t:
                    sb.Append('(');
                    var end = t.Count == 1 ? ",)" : ")";
                    FormatItems(sb, t.ToList(), indent, allowance + end.Length, level + 1);
                    sb.Append(end);
                    return;
                case string s when s.Length > 0:
                    FormatString(sb, s, indent, allowance, level + 1);
                    return;
                case IList<object?> list when !Py.IsDict(value):
                    sb.Append('[');
                    FormatItems(sb, list.Select(Py.FromHost).ToList(), indent, allowance + 1, level + 1);
                    sb.Append(']');
                    return;
            }
            if (Py.IsDict(value))
            {
                sb.Append('{');
                var items = SortedItems(value!);
                indent += 1;
                for (var i = 0; i < items.Count; i++)
                {
                    var last = i == items.Count - 1;
                    var keyRep = Repr(items[i].Key);
                    sb.Append(keyRep).Append(": ");
                    FormatValue(sb, items[i].Value, indent + keyRep.Length + 2, last ? allowance + 1 : 1, level + 1);
                    if (!last) sb.Append(",\n").Append(' ', indent);
                }
                sb.Append('}');
                return;
            }
        }
        sb.Append(rep);
    }

    private static void FormatItems(StringBuilder sb, List<object?> items, int indent, int allowance, int level)
    {
        indent += 1;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(",\n").Append(' ', indent);
            FormatValue(sb, items[i], indent, i == items.Count - 1 ? allowance : 1, level);
        }
    }

    [GeneratedRegex(@"\S*\s*")]
    private static partial Regex WordAndSpaceRegex();

    private static void FormatString(StringBuilder sb, string s, int indent, int allowance, int level)
    {
        var chunks = new List<string>();
        var lines = Py.SplitLines(s, true).Select(x => (string)x!).ToList();
        if (level == 1)
        {
            indent += 1;
            allowance += 1;
        }
        int maxWidth1 = Width - indent, maxWidth = maxWidth1;
        var rep = "";
        for (var i = 0; i < lines.Count; i++)
        {
            rep = Py.StringRepr(lines[i]);
            if (i == lines.Count - 1) maxWidth1 -= allowance;
            if (rep.Length <= maxWidth1)
            {
                chunks.Add(rep);
                continue;
            }
            var parts = WordAndSpaceRegex().Matches(lines[i]).Select(m => m.Value).Where(p => p.Length > 0).ToList();
            var maxWidth2 = maxWidth;
            var current = "";
            for (var j = 0; j < parts.Count; j++)
            {
                var candidate = current + parts[j];
                if (j == parts.Count - 1 && i == lines.Count - 1) maxWidth2 -= allowance;
                if (Py.StringRepr(candidate).Length > maxWidth2)
                {
                    if (current.Length > 0) chunks.Add(Py.StringRepr(current));
                    current = parts[j];
                }
                else current = candidate;
            }
            if (current.Length > 0) chunks.Add(Py.StringRepr(current));
        }
        if (chunks.Count == 1)
        {
            sb.Append(rep);
            return;
        }
        if (level == 1) sb.Append('(');
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0) sb.Append('\n').Append(' ', indent);
            sb.Append(chunks[i]);
        }
        if (level == 1) sb.Append(')');
    }

    /// <summary>repr with every dict's items sorted by key, as pprint prints them.</summary>
    private static string Repr(object? value)
    {
        switch (value)
        {
            case PyTuple t:
                return t.Count == 1 ? $"({Repr(t[0])},)" : "(" + string.Join(", ", t.Select(Repr)) + ")";
            case IList<object?> list when !Py.IsDict(value):
                return "[" + string.Join(", ", list.Select(x => Repr(Py.FromHost(x)))) + "]";
        }
        if (value is not null && Py.IsDict(value))
            return "{" + string.Join(", ", SortedItems(value).Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}";
        return Py.Repr(value);
    }

    // pprint's _safe_key: order by value when comparable, else by type name.
    private static List<KeyValuePair<object?, object?>> SortedItems(object dict)
    {
        var items = Py.DictItems(dict).ToList();
        var comparer = Comparer<KeyValuePair<object?, object?>>.Create((a, b) =>
        {
            try
            {
                if (Py.Compare("<", a.Key, b.Key)) return -1;
                if (Py.Compare("<", b.Key, a.Key)) return 1;
                return 0;
            }
            catch (JinjaRuntimeException)
            {
                return string.CompareOrdinal(Py.TypeName(a.Key), Py.TypeName(b.Key));
            }
        });
        return items.OrderBy(kv => kv, comparer).ToList();
    }
}
