using System.Text.Json;

namespace Slipway.Jinja.Tests.Conformance;

/// <summary>
/// Turns a JSON context into the values Python's json.loads gives Jinja2: int (no '.'/'e' in the literal),
/// float, str, bool, None, list, dict (in key order). The reserved key <c>__templates__</c> is split off.
/// </summary>
internal static class JsonContext
{
    public const string TemplatesKey = "__templates__";

    public static (Dictionary<string, object?> Context, Dictionary<string, string> Templates) Read(string json)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return (context, templates);
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Name == TemplatesKey)
            {
                foreach (var t in property.Value.EnumerateObject()) templates[t.Name] = t.Value.GetString() ?? "";
            }
            else
            {
                context[property.Name] = ToValue(property.Value);
            }
        }
        return (context, templates);
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => IsFloatLiteral(element.GetRawText()) ? element.GetDouble() : (object)element.GetInt64(),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        _ => throw new InvalidOperationException($"unexpected JSON value {element.ValueKind}"),
    };

    private static bool IsFloatLiteral(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0;
}
