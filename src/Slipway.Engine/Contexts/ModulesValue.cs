using System.Text.RegularExpressions;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>modules</c>: the parts of Python's <c>datetime</c> and <c>re</c> that projects reach for
/// (<c>modules.datetime.datetime.now()</c>, <c>modules.datetime.date.today()</c>, <c>modules.re.sub(...)</c>, …).
/// Python regular expressions run on .NET's engine, which agrees on the common syntax.
/// </summary>
internal sealed class ModulesValue : IJinjaObject
{
    public static readonly ModulesValue Instance = new();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "datetime" => new Namespace("datetime", new()
            {
                ["datetime"] = new Namespace("datetime.datetime", new()
                {
                    ["now"] = new JinjaFunction("now", _ => new DateTimeValue(DateTimeOffset.UtcNow.ToLocalTime())),
                    ["utcnow"] = new JinjaFunction("utcnow", _ => new DateTimeValue(DateTimeOffset.UtcNow)),
                }),
                ["date"] = new Namespace("datetime.date", new()
                {
                    ["today"] = new JinjaFunction("today", _ => DateTimeOffset.UtcNow.ToLocalTime().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                }),
            }),
            "re" => new Namespace("re", new()
            {
                ["IGNORECASE"] = 2L, ["I"] = 2L, ["MULTILINE"] = 8L, ["M"] = 8L, ["DOTALL"] = 16L, ["S"] = 16L,
                ["search"] = new JinjaFunction("search", a => Match(a, anchored: false)),
                ["match"] = new JinjaFunction("match", a => Match(a, anchored: true)),
                ["fullmatch"] = new JinjaFunction("fullmatch", a => Match(a, anchored: true, full: true)),
                ["sub"] = new JinjaFunction("sub", a => Regex(a.Get(0, "pattern"), a.Get(4, "flags")).Replace(Text(a.Get(2, "string")),
                    Text(a.Get(1, "repl")).Replace("\\g<", "${").Replace(">", "}"), (a.Get(3, "count") is long n && n > 0) ? (int)n : -1)),
                ["findall"] = new JinjaFunction("findall", a => Regex(a.Get(0, "pattern"), a.Get(2, "flags")).Matches(Text(a.Get(1, "string")))
                    .Select(m => (object?)(m.Groups.Count > 1 ? m.Groups[1].Value : m.Value)).ToList()),
                ["split"] = new JinjaFunction("split", a => Regex(a.Get(0, "pattern"), a.Get(3, "flags")).Split(Text(a.Get(1, "string"))).Cast<object?>().ToList()),
                ["escape"] = new JinjaFunction("escape", a => System.Text.RegularExpressions.Regex.Escape(Text(a.Get(0, "pattern")))),
            }),
            _ => null,
        };
        return value is not null;
    }

    private static string Text(object? o) => o?.ToString() ?? "";

    private static Regex Regex(object? pattern, object? flags)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags is long f)
        {
            if ((f & 2) != 0) options |= RegexOptions.IgnoreCase;
            if ((f & 8) != 0) options |= RegexOptions.Multiline;
            if ((f & 16) != 0) options |= RegexOptions.Singleline;
        }
        return new Regex(Text(pattern), options, TimeSpan.FromSeconds(1));
    }

    private static object? Match(Arguments a, bool anchored, bool full = false)
    {
        var text = Text(a.Get(1, "string"));
        var m = Regex(a.Get(0, "pattern"), a.Get(2, "flags")).Match(text);
        if (!m.Success || (anchored && m.Index != 0) || (full && m.Length != text.Length)) return null;
        return new MatchValue(m);
    }

    /// <summary>A <c>re.Match</c>: <c>group(n)</c>, <c>groups()</c>, <c>start()</c>, <c>end()</c>.</summary>
    private sealed class MatchValue(Match match) : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch
            {
                "group" => new JinjaFunction("group", a => a.Get(0, "group") switch
                {
                    long n => match.Groups[(int)n].Value,
                    string s => match.Groups[s].Value,
                    _ => match.Value,
                }),
                "groups" => new JinjaFunction("groups", _ => match.Groups.Cast<Group>().Skip(1).Select(g => (object?)(g.Success ? g.Value : null)).ToList()),
                "start" => new JinjaFunction("start", _ => (long)match.Index),
                "end" => new JinjaFunction("end", _ => (long)(match.Index + match.Length)),
                _ => null,
            };
            return value is not null;
        }
    }

    /// <summary>A module-like object with fixed members.</summary>
    private sealed class Namespace(string name, Dictionary<string, object?> members) : IJinjaObject
    {
        public bool TryGetAttribute(string attribute, out object? value) => members.TryGetValue(attribute, out value);
        public override string ToString() => $"<module '{name}'>";
    }
}
