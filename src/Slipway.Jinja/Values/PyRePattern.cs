using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Jinja.Values;

/// <summary>A compiled Python pattern (re.compile) and the methods shared with the re module's functions.</summary>
internal sealed class PyRePattern : IPyObject, IJinjaObject
{
    public PyRePattern(string pattern, long flags)
    {
        Pattern = pattern;
        Flags = flags;
        var options = RegexOptions.CultureInvariant;
        if ((flags & PyReModule.IgnoreCase) != 0) options |= RegexOptions.IgnoreCase;
        if ((flags & PyReModule.Multiline) != 0) options |= RegexOptions.Multiline;
        if ((flags & PyReModule.DotAll) != 0) options |= RegexOptions.Singleline;
        if ((flags & PyReModule.Verbose) != 0) options |= RegexOptions.IgnorePatternWhitespace;
        try
        {
            Translated = Translate(pattern);
            Regex = new Regex(Translated, options, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            throw new JinjaRuntimeException(e.Message, "re.error");
        }
    }

    private Regex? _atStart, _whole;
    private string Translated { get; } = "";

    public string Pattern { get; }
    public long Flags { get; }
    public Regex Regex { get; }

    /// <summary>Python-only syntax to .NET's: named groups and named back-references.</summary>
    /// <summary>
    /// Python's pattern in .NET's syntax. Named groups become plain groups (with the names kept in
    /// <see cref="GroupNames"/>) because .NET numbers named groups after the unnamed ones, Python left to right.
    /// </summary>
    private string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        var groups = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') sb.Append(pattern[++i]);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') sb.Append(pattern[++i]);
                continue;
            }
            if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                var close = pattern.IndexOf('>', i);
                GroupNames[pattern[(i + 4)..close]] = ++groups;
                sb.Append('(');
                i = close;
                continue;
            }
            if (c == '(' && string.CompareOrdinal(pattern, i, "(?P=", 0, 4) == 0)
            {
                var close = pattern.IndexOf(')', i);
                var name = pattern[(i + 4)..close];
                if (!GroupNames.TryGetValue(name, out var number)) throw new JinjaRuntimeException($"unknown group name '{name}'", "re.error");
                sb.Append("\\k<").Append(number).Append('>');
                i = close;
                continue;
            }
            if (c == '(' && (i + 1 >= pattern.Length || pattern[i + 1] != '?')) groups++;
            sb.Append(c);
        }
        GroupCount = groups;
        return sb.ToString();
    }

    /// <summary>Named groups of the Python pattern and their numbers.</summary>
    public Dictionary<string, int> GroupNames { get; } = new(StringComparer.Ordinal);
    public int GroupCount { get; private set; }

    /// <summary>A group number from a Python group reference (number or name), or -1.</summary>
    public int GroupNumber(object? key) => key switch
    {
        _ when Py.IsInt(key) => Py.ToLong(key) >= 0 && Py.ToLong(key) <= GroupCount ? (int)Py.ToLong(key) : -1,
        string name => GroupNames.TryGetValue(name, out var n) ? n : -1,
        _ => -1,
    };

    public string PyTypeName => "re.Pattern";

    public string PyRepr()
    {
        var flags = Flags == 0 ? "" : ", " + new PyReFlag(Flags).PyRepr();
        return $"re.compile({Py.StringRepr(Pattern)}{flags})";
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "pattern" => Pattern,
            "flags" => Flags,
            "groups" => (long)GroupCount,
            "match" or "search" or "fullmatch" or "findall" or "finditer" or "split" or "sub" or "subn" =>
                new BoundMethod("re.Pattern", name, a => Invoke(name, a)),
            _ => null,
        };
        return value is not null;
    }

    public object? Invoke(string name, Arguments a)
    {
        switch (name)
        {
            case "match" or "search" or "fullmatch":
            {
                var text = Py.PlainStrArg(a.Get(0, "string"));
                // match anchors at the start, fullmatch at both ends; the group numbering is unchanged.
                var regex = name switch
                {
                    "match" => _atStart ??= new Regex("\\G(?:" + Translated + ")", Regex.Options, TimeSpan.FromSeconds(5)),
                    "fullmatch" => _whole ??= new Regex("\\G(?:" + Translated + ")\\z", Regex.Options, TimeSpan.FromSeconds(5)),
                    _ => Regex,
                };
                var m = regex.Match(text);
                return m.Success ? new PyReMatch(m, text, this) : null;
            }
            case "findall":
            {
                var text = Py.PlainStrArg(a.Get(0, "string"));
                var groups = GroupCount;
                return Regex.Matches(text).Select(m => groups switch
                {
                    0 => (object?)m.Value,
                    1 => m.Groups[1].Value,
                    _ => new PyTuple([.. Enumerable.Range(1, groups).Select(g => (object?)m.Groups[g].Value)]),
                }).ToList();
            }
            case "finditer":
            {
                var text = Py.PlainStrArg(a.Get(0, "string"));
                return Regex.Matches(text).Select(m => (object?)new PyReMatch(m, text, this)).ToList();
            }
            case "split":
            {
                var text = Py.PlainStrArg(a.Get(0, "string"));
                var max = Py.IntArg(a.Get(1, "maxsplit", 0L));
                var result = new List<object?>();
                var last = 0;
                var count = 0;
                foreach (Match m in Regex.Matches(text))
                {
                    if (max > 0 && count >= max) break;
                    result.Add(text[last..m.Index]);
                    for (var g = 1; g < m.Groups.Count; g++) result.Add(m.Groups[g].Success ? m.Groups[g].Value : null);
                    last = m.Index + m.Length;
                    count++;
                }
                result.Add(text[last..]);
                return result;
            }
            case "sub" or "subn":
            {
                var repl = a.Get(0, "repl");
                var text = Py.PlainStrArg(a.Get(1, "string"));
                var max = Py.IntArg(a.Get(2, "count", 0L));
                var n = 0;
                var output = Regex.Replace(text, m =>
                {
                    if (max > 0 && n >= max) return m.Value;
                    n++;
                    return repl is IJinjaCallable f
                        ? Py.ToStr(f.Call(new Arguments([new PyReMatch(m, text, this)])))
                        : Expand(Py.PlainStrArg(repl), m, this);
                });
                return name == "sub" ? output : new PyTuple([output, (long)n]);
            }
        }
        return null;
    }

    /// <summary>A Python replacement template: \1, \g&lt;1&gt;, \g&lt;name&gt; and the usual escapes.</summary>
    private static string Expand(string template, Match m, PyRePattern pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '\\' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }
            var d = template[++i];
            if (char.IsAsciiDigit(d))
            {
                var j = i;
                while (j < template.Length && j < i + 2 && char.IsAsciiDigit(template[j])) j++;
                sb.Append(m.Groups[int.Parse(template.AsSpan(i, j - i))].Value);
                i = j - 1;
            }
            else if (d == 'g' && i + 1 < template.Length && template[i + 1] == '<')
            {
                var close = template.IndexOf('>', i);
                var group = template[(i + 2)..close];
                var number = int.TryParse(group, out var n) ? n : pattern.GroupNumber(group);
                if (number < 0) throw new JinjaRuntimeException($"unknown group name '{group}'", "IndexError");
                sb.Append(m.Groups[number].Value);
                i = close;
            }
            else sb.Append(d switch { 'n' => "\n", 't' => "\t", 'r' => "\r", '\\' => "\\", _ => "\\" + d });
        }
        return sb.ToString();
    }
}

/// <summary>A match (re.Match): group(), groups(), groupdict(), start(), end(), span(); truthy.</summary>
internal sealed class PyReMatch(Match match, string text, PyRePattern pattern) : IPyObject, IJinjaObject
{
    public string PyTypeName => "re.Match";
    public string PyRepr() => $"<re.Match object; span=({match.Index}, {match.Index + match.Length}), match={Py.StringRepr(match.Value)}>";

    private Group GroupOf(object? key) =>
        pattern.GroupNumber(key ?? 0L) is var n and >= 0 ? match.Groups[n] : throw new JinjaRuntimeException("no such group", "IndexError");

    private static object? Value(Group g) => g.Success ? g.Value : null;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "string" => text,
            "re" => pattern,
            "group" => new BoundMethod("re.Match", name, a => a.Positional.Count <= 1
                ? Value(GroupOf(a.Positional.Count == 0 ? 0L : a.Positional[0]))
                : new PyTuple([.. a.Positional.Select(k => Value(GroupOf(k)))])),
            "groups" => new BoundMethod("re.Match", name, a => new PyTuple([.. Enumerable.Range(1, pattern.GroupCount)
                .Select(g => match.Groups[g].Success ? match.Groups[g].Value : a.Get(0, "default"))])),
            "groupdict" => new BoundMethod("re.Match", name, a =>
            {
                var d = new PyDict();
                foreach (var (groupName, number) in pattern.GroupNames) d[groupName] = Value(match.Groups[number]);
                return d;
            }),
            "start" => new BoundMethod("re.Match", name, a => (long)GroupOf(a.Get(0, "group", 0L)).Index),
            "end" => new BoundMethod("re.Match", name, a => GroupOf(a.Get(0, "group", 0L)) is var g ? (long)(g.Index + g.Length) : 0L),
            "span" => new BoundMethod("re.Match", name, a => GroupOf(a.Get(0, "group", 0L)) is var g
                ? new PyTuple([(long)g.Index, (long)(g.Index + g.Length)]) : null),
            _ => null,
        };
        return value is not null;
    }
}
