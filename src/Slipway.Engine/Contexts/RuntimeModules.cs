using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Engine.Project;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>modules</c> at run time: <c>datetime</c> and <c>re</c> as at compile time (<see cref="ModulesValue"/>)
/// plus a minimal <c>pytz</c> (<c>utc</c>, <c>timezone(name)</c> naming a zone), and the YAML helpers behind
/// <c>fromyaml</c>/<c>toyaml</c>.
/// </summary>
internal sealed class RuntimeModules : IJinjaObject
{
    public static readonly RuntimeModules Instance = new();

    private static readonly Module Pytz = new("pytz", new()
    {
        ["utc"] = "UTC",
        ["UTC"] = "UTC",
        ["timezone"] = new JinjaFunction("timezone", a => Text(a, 0, "zone")),
    });

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "pytz" => Pytz,
            _ => null,
        };
        // datetime and re are the compile-time ModulesValue's; run time adds pytz.
        return value is not null || ModulesValue.Instance.TryGetAttribute(name, out value);
    }

    private static string Text(Arguments a, int index, string name) => a.Get(index, name) is { } v ? Py.ToStr(v) : "";

    /// <summary>A Python module or class seen from templates: named attributes.</summary>
    private sealed class Module(string name, Dictionary<string, object?> attributes) : IJinjaObject
    {
        public bool TryGetAttribute(string attribute, out object? value) => attributes.TryGetValue(attribute, out value);
        public override string ToString() => $"<module '{name}'>";
    }

    public static object? FromYaml(string? text, object? @default)
    {
        if (text is null) return @default;
        try { return YamlValues.Parse(text, "fromyaml").Root; }
        catch (ProjectException) { return @default; }
    }

    public static string ToYaml(object? value)
    {
        var serializer = new YamlDotNet.Serialization.SerializerBuilder().Build();
        // A template dict (PyDict) is first made plain data, or YamlDotNet would list its key/value pairs.
        return serializer.Serialize(Plain(PlainData.FromJinja(value)));
    }

    private static object? Plain(object? value) => value switch
    {
        IDictionary<string, object?> d => d.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)),
        string s => s,
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}
