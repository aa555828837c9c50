using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Slipway.Engine.Artifacts;

/// <summary>Writes plain data values (the YAML/Jinja value model: string, numbers, bool, null, lists, dicts) as JSON.</summary>
internal static class JsonData
{
    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d:
                if (double.IsFinite(d)) w.WriteNumberValue(d); else w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f: w.WriteNumberValue(f); break;
            case decimal m: w.WriteNumberValue(m); break;
            case System.Numerics.BigInteger big: w.WriteRawValue(big.ToString(CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: w.WriteStringValue(dto.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)); break;
            case DateTime dt: w.WriteStringValue(dt.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case IDictionary<string, object?> dict:
                w.WriteStartObject();
                foreach (var (k, v) in dict) { w.WritePropertyName(k); Write(w, v); }
                w.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<object, object?>> pairs:
                w.WriteStartObject();
                foreach (var (k, v) in pairs) { w.WritePropertyName(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "None"); Write(w, v); }
                w.WriteEndObject();
                break;
            case IDictionary dict:
                w.WriteStartObject();
                var e = dict.GetEnumerator();
                while (e.MoveNext()) { w.WritePropertyName(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "None"); Write(w, e.Value); }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static void WriteStringList(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    public static void WriteOptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    public static void WriteData(Utf8JsonWriter w, string name, object? value)
    {
        w.WritePropertyName(name);
        Write(w, value);
    }
}
