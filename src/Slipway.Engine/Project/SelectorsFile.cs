using System.Globalization;

namespace Slipway.Engine.Project;

/// <summary>
/// Reads selectors.yml (<c>selectors: [{name, description, default, definition}]</c>) into
/// <see cref="SelectorEntry"/> values. Names are unique and at most one selector is the default, as dbt requires.
/// A missing file is no selectors.
/// </summary>
public static class SelectorsFile
{
    public const string FileName = "selectors.yml";

    private static readonly HashSet<string> MethodKeys =
        ["method", "value", "parents", "children", "parents_depth", "children_depth", "childrens_parents", "indirect_selection", "exclude"];

    public static IReadOnlyList<SelectorEntry> Read(string projectRoot, IConfigRenderContext? context = null)
    {
        var file = Path.Combine(projectRoot, FileName);
        if (!File.Exists(file)) return [];
        var yaml = YamlValues.Load(file);
        if (yaml.Root is null) return [];
        if (yaml.Root is not IDictionary<string, object?> root || !root.TryGetValue("selectors", out var raw) || raw is not IList<object?> list)
            throw yaml.Error("must be a mapping with a 'selectors:' list");
        if (context is not null) list = (IList<object?>)NativeRenderer.Render(list, context, $"{file} 'selectors'")!;

        var entries = new List<SelectorEntry>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = new[] { "selectors", i.ToString(CultureInfo.InvariantCulture) };
            if (list[i] is not IDictionary<string, object?> d || Get(d, "name") is not string name)
                throw yaml.Error("has a selector without 'name'", at);
            if (!d.TryGetValue("definition", out var definition) || definition is null)
                throw yaml.Error($"has selector '{name}' without 'definition'", at);
            if (entries.Any(e => e.Name == name)) throw yaml.Error($"defines selector '{name}' twice", at);
            var isDefault = Get(d, "default") switch
            {
                null => false,
                bool b => b,
                var other => throw yaml.Error($"has selector '{name}' with default '{other}', expected true or false", [.. at, "default"]),
            };
            entries.Add(new SelectorEntry(name, Get(d, "description") as string, isDefault,
                Definition(definition, yaml, [.. at, "definition"], name)));
        }
        var defaults = entries.Where(e => e.IsDefault).Select(e => e.Name).ToList();
        if (defaults.Count > 1)
            throw yaml.Error($"marks more than one selector with 'default: true' ({string.Join(", ", defaults)}); at most one may be the default", "selectors");
        return entries;
    }

    private static SelectorDefinition Definition(object? raw, YamlValues yaml, string[] at, string selector)
    {
        switch (raw)
        {
            case string s:
                return new SelectorText(s);
            case IDictionary<string, object?> d when d.Count == 1 && d.ContainsKey("union"):
                return new SelectorUnion(Items(d["union"], yaml, [.. at, "union"], selector));
            case IDictionary<string, object?> d when d.Count == 1 && d.ContainsKey("intersection"):
                return new SelectorIntersection(Items(d["intersection"], yaml, [.. at, "intersection"], selector));
            case IDictionary<string, object?> d when d.Count == 1 && d.ContainsKey("exclude"):
                return new SelectorExclude(Items(d["exclude"], yaml, [.. at, "exclude"], selector));
            case IDictionary<string, object?> d when d.ContainsKey("method"):
                return Method(d, yaml, at, selector);
            case IDictionary<string, object?> d when d.Count == 1:
                // Short form {tag: nightly}: the key is the method, the value its argument.
                var (method, value) = d.First();
                return new SelectorMethod(method, Scalar(value, yaml, at, selector, method));
            default:
                throw yaml.Error($"has selector '{selector}' with a definition that is not a selection string, a method mapping, union or intersection", at);
        }
    }

    private static SelectorMethod Method(IDictionary<string, object?> d, YamlValues yaml, string[] at, string selector)
    {
        foreach (var key in d.Keys)
            if (!MethodKeys.Contains(key))
                throw yaml.Error($"has selector '{selector}' with unknown key '{key}' (expected one of {string.Join(", ", MethodKeys)})", [.. at, key]);
        var method = d["method"] as string ?? throw yaml.Error($"has selector '{selector}' with a method that is not a string", [.. at, "method"]);
        if (!d.TryGetValue("value", out var value)) throw yaml.Error($"has selector '{selector}' method '{method}' without 'value'", at);
        bool Flag(string k) => d.TryGetValue(k, out var v) && v is true;
        int? Depth(string k) => d.TryGetValue(k, out var v) && v is not null
            ? v is long l && l >= 0 ? (int)l : throw yaml.Error($"has selector '{selector}' with {k} '{v}', expected a whole number", [.. at, k])
            : null;
        var indirect = Get(d, "indirect_selection") as string;
        if (indirect is not null and not ("eager" or "cautious" or "buildable" or "empty"))
            throw yaml.Error($"has selector '{selector}' with indirect_selection '{indirect}', expected eager, cautious, buildable or empty", [.. at, "indirect_selection"]);
        var parents = Flag("parents");
        var children = Flag("children");
        var childrensParents = Flag("childrens_parents");
        if (childrensParents && children)
            throw yaml.Error($"has selector '{selector}' with both childrens_parents and children (dbt's '@' cannot be combined with '+')", at);
        SelectorDefinition? exclude = null;
        if (d.TryGetValue("exclude", out var ex) && ex is not null)
            exclude = new SelectorUnion(Items(ex, yaml, [.. at, "exclude"], selector));
        return new SelectorMethod(method, Scalar(value, yaml, at, selector, method), parents, children,
            Depth("parents_depth"), Depth("children_depth"), childrensParents, indirect, exclude);
    }

    private static object? Get(IDictionary<string, object?> d, string key) => d.TryGetValue(key, out var v) ? v : null;

    private static List<SelectorDefinition> Items(object? raw, YamlValues yaml, string[] at, string selector)
    {
        if (raw is not IList<object?> list)
            throw yaml.Error($"has selector '{selector}' where a list of definitions was expected", at);
        return [.. list.Select((item, i) => Definition(item, yaml, [.. at, i.ToString(CultureInfo.InvariantCulture)], selector))];
    }

    private static string Scalar(object? value, YamlValues yaml, string[] at, string selector, string method) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw yaml.Error($"has selector '{selector}' method '{method}' whose value is not a string", at),
    };
}
