using System.Text.Json;

namespace Slipway.Bench.Jinja;

/// <summary>
/// The render context of the benchmark: Templates/context.json plus dbt-like functions (ref, source, config, var,
/// is_incremental, this). Mirrors make_context in tools/jinja-reference/bench.py so both sides render the same text.
/// </summary>
internal static class BenchContext
{
    public static Dictionary<string, object?> Load(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "context.json")));
        var data = (Dictionary<string, object?>)ToValue(document.RootElement)!;
        var target = (Dictionary<string, object?>)data["target"]!;
        var variables = (Dictionary<string, object?>)data["vars"]!;
        data.Remove("vars");
        var relation = $"\"{target["database"]}\".\"{target["schema"]}\".";
        data["ref"] = new Slipway.Jinja.JinjaFunction("ref", a => relation + "\"" + a.Positional[^1] + "\"");
        data["source"] = new Slipway.Jinja.JinjaFunction("source", a => $"\"raw\".\"{a.Get(0, "source_name")}\".\"{a.Get(1, "table")}\"");
        data["config"] = new Slipway.Jinja.JinjaFunction("config", _ => "");
        data["var"] = new Slipway.Jinja.JinjaFunction("var", a =>
            variables.TryGetValue((string)a.Get(0, "name")!, out var v) ? v : a.Get(1, "default"));
        data["is_incremental"] = new Slipway.Jinja.JinjaFunction("is_incremental", _ => true);
        data["this"] = relation + "\"this_model\"";
        return data;
    }

    /// <summary>JSON as Python's json.loads reads it: int unless the literal has '.'/'e', dicts in key order.</summary>
    private static object? ToValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 ? e.GetDouble() : (object)e.GetInt64(),
        JsonValueKind.Array => e.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        _ => throw new InvalidDataException($"unexpected JSON value {e.ValueKind}"),
    };
}
