using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Engine.Project;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>modules</c>: a small, documented subset of Python's <c>datetime</c> (<c>datetime.now/utcnow</c>,
/// <c>date.today</c>), <c>re</c> (<c>match</c>, <c>search</c>, <c>fullmatch</c>, <c>findall</c>, <c>sub</c>,
/// <c>split</c>, <c>escape</c>, <c>compile</c>, flag <c>IGNORECASE</c>; .NET regex syntax, which agrees with
/// Python's for common patterns) and <c>pytz</c> (<c>utc</c>, <c>timezone(name)</c> naming a zone), plus the
/// YAML helpers behind <c>fromyaml</c>/<c>toyaml</c>.
/// </summary>
internal sealed class RuntimeModules : IJinjaObject
{
    public static readonly RuntimeModules Instance = new();

    private static readonly Module Datetime = new("datetime", new()
    {
        ["datetime"] = new Module("datetime.datetime", new()
        {
            ["now"] = new JinjaFunction("now", _ => new DateTimeValue(DateTimeOffset.Now)),
            ["utcnow"] = new JinjaFunction("utcnow", _ => new DateTimeValue(DateTimeOffset.UtcNow)),
        }),
        ["date"] = new Module("datetime.date", new()
        {
            ["today"] = new JinjaFunction("today", _ => DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        }),
    });

    private static readonly Module Re = new("re", new()
    {
        ["IGNORECASE"] = 2L,
        ["I"] = 2L,
        ["MULTILINE"] = 8L,
        ["M"] = 8L,
        ["DOTALL"] = 16L,
        ["S"] = 16L,
        ["match"] = new JinjaFunction("match", a => Match(a, m => m.Success && m.Index == 0)),
        ["search"] = new JinjaFunction("search", a => Match(a, m => m.Success)),
        ["fullmatch"] = new JinjaFunction("fullmatch", a => Match(a, m => m.Success && m.Index == 0 && m.Length == Text(a, 1, "string").Length)),
        ["findall"] = new JinjaFunction("findall", a => Regex(a).Matches(Text(a, 1, "string"))
            .Select(m => m.Groups.Count > 1 ? (object?)m.Groups[1].Value : m.Value).ToList()),
        ["sub"] = new JinjaFunction("sub", a => Regex(a).Replace(Text(a, 2, "string"), PythonReplacement(Text(a, 1, "repl")))),
        ["split"] = new JinjaFunction("split", a => Regex(a).Split(Text(a, 1, "string")).Cast<object?>().ToList()),
        ["escape"] = new JinjaFunction("escape", a => System.Text.RegularExpressions.Regex.Escape(Text(a, 0, "pattern"))),
        ["compile"] = new JinjaFunction("compile", a => Text(a, 0, "pattern")),
    });

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
            "datetime" => Datetime,
            "re" => Re,
            "pytz" => Pytz,
            _ => null,
        };
        return value is not null;
    }

    private static string Text(Arguments a, int index, string name) => a.Get(index, name) is { } v ? Py.ToStr(v) : "";

    private static Regex Regex(Arguments a)
    {
        var flags = a.Keyword.GetValueOrDefault("flags") is long f ? f : 0;
        var options = RegexOptions.CultureInvariant;
        if ((flags & 2) != 0) options |= RegexOptions.IgnoreCase;
        if ((flags & 8) != 0) options |= RegexOptions.Multiline;
        if ((flags & 16) != 0) options |= RegexOptions.Singleline;
        return new Regex(Text(a, 0, "pattern"), options);
    }

    private static object? Match(Arguments a, Func<System.Text.RegularExpressions.Match, bool> accept)
    {
        var m = Regex(a).Match(Text(a, 1, "string"));
        return accept(m) ? new MatchValue(m) : null;
    }

    // Python writes group references as \1; .NET as $1.
    private static string PythonReplacement(string repl) =>
        System.Text.RegularExpressions.Regex.Replace(repl.Replace("$", "$$"), @"\\(\d+)", "$${$1}");

    /// <summary>A match object: <c>group(n)</c>, <c>groups()</c>, <c>start()</c>, <c>end()</c>.</summary>
    private sealed class MatchValue(System.Text.RegularExpressions.Match m) : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch
            {
                "group" => new JinjaFunction("group", a => m.Groups[(int)(a.Get(0, "index", 0L) as long? ?? 0)].Value),
                "groups" => new JinjaFunction("groups", _ => new PyTuple(m.Groups.Cast<Group>().Skip(1).Select(g => (object?)(g.Success ? g.Value : null)).ToArray())),
                "start" => new JinjaFunction("start", _ => (long)m.Index),
                "end" => new JinjaFunction("end", _ => (long)(m.Index + m.Length)),
                _ => null,
            };
            return value is not null;
        }
    }

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
        return serializer.Serialize(Plain(value));
    }

    private static object? Plain(object? value) => value switch
    {
        IDictionary<string, object?> d => d.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)),
        string s => s,
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}
