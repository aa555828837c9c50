using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Jinja.Values;

// How host (.NET) values enter the template world, what Python type each value is, and truthiness.
public static partial class Py
{
    public static object? FromHost(object? value)
    {
        switch (value)
        {
            case null or bool or long or double or string or Markup or Undefined or PyTuple or PyDict:
                return value;
            case List<object?>:
                return value;
            case int i: return (long)i;
            case short s: return (long)s;
            case byte b: return (long)b;
            case sbyte sb: return (long)sb;
            case ushort us: return (long)us;
            case uint ui: return (long)ui;
            case ulong ul: return ul <= long.MaxValue ? (object)(long)ul : (double)ul;
            case float f: return (double)f;
            case decimal m: return (double)m;
            case char c: return c.ToString();
            // Dates and times become Python's datetime objects; a UTC DateTime is an aware datetime in UTC.
            case DateTime d: return new PyDateTime(d, d.Kind == DateTimeKind.Utc ? TimeSpan.Zero : null);
            case DateTimeOffset o: return new PyDateTime(o.DateTime, o.Offset);
            case DateOnly d: return new PyDate(d);
            case TimeSpan t: return new PyTimeDelta(t.Ticks / 10);
            case IJinjaCallable or IJinjaObject or IJinjaIndexable or IPyObject: return value;
            // JSON documents (manifests, vars) arrive as System.Text.Json values: read them as Python's json.loads would.
            case JsonElement element: return FromJson(element);
            case JsonNode node: return FromJson(node);
            case IDictionary<string, object?>: return value;
            case IList<object?> list when !list.IsReadOnly: return value;
            case IDictionary dictionary:
            {
                // Other dictionary shapes are copied once so every lookup sees normalised values.
                var dict = new PyDict(dictionary.Count);
                foreach (DictionaryEntry e in dictionary) dict[FromHost(e.Key)!] = FromHost(e.Value);
                return dict;
            }
            case IEnumerable enumerable:
            {
                var list = new List<object?>();
                foreach (var item in enumerable) list.Add(FromHost(item));
                return list;
            }
            default:
                return value;
        }
    }

    private static object? FromJson(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var dict = new PyDict();
                foreach (var p in e.EnumerateObject()) dict[p.Name] = FromJson(p.Value);
                return dict;
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(FromJson).ToList();
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number: return JsonNumber(e.GetRawText());
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }

    private static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.Aggregate(new PyDict(), (d, p) => { d[p.Key] = FromJson(p.Value); return d; }),
        JsonArray a => a.Select(FromJson).ToList(),
        _ => FromJson(node.GetValue<JsonElement>()),
    };

    // json.loads gives an int for a number without fraction or exponent, a float otherwise.
    private static object JsonNumber(string text) =>
        text.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? (object)l
            : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long or int => "int",
        double => "float",
        string => "str",
        Markup => "Markup",
        PyTuple t => t.TypeName,
        IPyObject o => o.PyTypeName,
        Undefined u => u.IsStrict ? "StrictUndefined" : "Undefined",
        Namespace => "Namespace",
        IDictionary<object, object?> or IDictionary<string, object?> => "dict",
        IList<object?> => "list",
        IJinjaCallable => "function",
        _ => value.GetType().Name,
    };

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0.0,
        string s => s.Length > 0,
        Markup m => m.Value.Length > 0,
        Undefined u => u.IsStrict ? throw u.Fail() : false,
        PyTuple t => t.Count > 0,
        PyRange r => r.Count > 0,
        PyComplex c => c.Real != 0 || c.Imaginary != 0,
        PyTimeDelta t => t.Total != 0,
        ICollection<KeyValuePair<object, object?>> d => d.Count > 0,
        ICollection<KeyValuePair<string, object?>> d => d.Count > 0,
        ICollection<object?> c => c.Count > 0,
        IReadOnlyCollection<object?> c => c.Count > 0,
        System.Collections.ICollection c => c.Count > 0,
        int i => i != 0,
        // Other host values (decimal, float, …) count as their normalised form does.
        _ => FromHost(value) is var normal && !ReferenceEquals(normal, value) ? IsTruthy(normal) : true,
    };

    /// <summary>
    /// How Jinja2 names a value's type in "has no attribute" messages (its object_type_repr): "None",
    /// "dict object" for builtins, "module.Class object" for everything else.
    /// </summary>
    public static string ObjectTypeRepr(object? value) => value switch
    {
        null => "None",
        Markup => "markupsafe.Markup object",
        PyTuple { FieldNames: not null } t => $"jinja2.filters.{t.TypeName} object",
        Namespace => "jinja2.utils.Namespace object",
        Undefined u => $"jinja2.runtime.{TypeName(u)} object",
        IPyObject o when o.PyTypeName is "Cycler" or "Joiner" => $"jinja2.utils.{o.PyTypeName} object",
        _ => $"{TypeName(value)} object",
    };

    /// <summary>The text of a str value (str or Markup), or null when the value is not a str.</summary>
    internal static string? AsString(object? value) => value switch
    {
        string s => s,
        Markup m => m.Value,
        _ => null,
    };

    internal static bool IsString(object? value) => value is string or Markup;

    internal static bool IsList(object? value) => value is IList<object?> && value is not PyTuple;

    internal static bool IsDict(object? value) => value is IDictionary<object, object?> or IDictionary<string, object?>;

    /// <summary>A Python int (bool is a subclass of int).</summary>
    internal static bool IsInt(object? value) => value is long or bool or int;

    internal static bool IsNumber(object? value) => value is long or bool or double or int;

    internal static long ToLong(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        _ => throw new InvalidOperationException("not an int"),
    };

    internal static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        int i => i,
        _ => throw new InvalidOperationException("not a number"),
    };

    internal static JinjaRuntimeException TypeError(string message) => new(message, "TypeError");
    internal static JinjaRuntimeException ValueError(string message) => new(message, "ValueError");
}
