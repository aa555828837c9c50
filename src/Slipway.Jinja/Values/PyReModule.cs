using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Jinja.Values;

/// <summary>
/// Python's <c>re</c> module as dbt exposes it (<c>modules.re</c>): match, search, fullmatch, findall, finditer,
/// split, sub, subn, escape, compile and the flags, on .NET's regex engine with Python's pattern and
/// replacement syntax translated ((?P&lt;name&gt;…), (?P=name), \g&lt;1&gt;).
/// </summary>
public sealed class PyReModule : IJinjaObject
{
    internal const long IgnoreCase = 2, Multiline = 8, DotAll = 16, Verbose = 64, Ascii = 256;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "I" or "IGNORECASE" => new PyReFlag(IgnoreCase),
            "M" or "MULTILINE" => new PyReFlag(Multiline),
            "S" or "DOTALL" => new PyReFlag(DotAll),
            "X" or "VERBOSE" => new PyReFlag(Verbose),
            "A" or "ASCII" => new PyReFlag(Ascii),
            "compile" => new JinjaFunction("compile", a => Compile(a.Get(0, "pattern"), a.Get(1, "flags", 0L))),
            "escape" => new JinjaFunction("escape", a => Escape(Py.PlainStrArg(a.Get(0, "pattern")))),
            "match" or "search" or "fullmatch" or "findall" or "finditer" or "split" or "sub" or "subn" =>
                new JinjaFunction(name, a => PatternCall(name, a)),
            _ => null,
        };
        return value is not null;
    }

    // The module functions take the pattern first and flags last: re.sub(pattern, repl, string, count=0, flags=0).
    private static object? PatternCall(string name, Arguments a)
    {
        var flagIndex = name switch { "sub" or "subn" => 4, "split" => 3, _ => 2 };
        var pattern = Compile(a.Get(0, "pattern"), a.Get(flagIndex, "flags", 0L));
        var rest = a.Positional.Skip(1).Take(flagIndex - 1).ToList();
        var keywords = a.Keyword.Where(kv => kv.Key is not ("pattern" or "flags")).ToDictionary(kv => kv.Key, kv => kv.Value);
        return pattern.Invoke(name, new Arguments(rest, keywords));
    }

    internal static PyRePattern Compile(object? pattern, object? flags)
    {
        if (pattern is PyRePattern p) return p;
        var text = Py.AsString(pattern) ?? throw Py.TypeError("first argument must be string or compiled pattern");
        var f = flags is PyReFlag rf ? rf.Value : Py.IntArg(flags);
        return new PyRePattern(text, f);
    }

    /// <summary>re.escape: a backslash before each character that is special in a pattern.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (var c in s)
        {
            if ("()[]{}?*+-|^$\\.&~# \t\n\r\v\f".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

/// <summary>A flag of the re module (re.IGNORECASE, …); flags combine with |.</summary>
internal sealed class PyReFlag(long value) : IPyObject
{
    public long Value { get; } = value;
    public string PyTypeName => "RegexFlag";

    public string PyRepr()
    {
        var names = new List<string>();
        if ((Value & PyReModule.IgnoreCase) != 0) names.Add("re.IGNORECASE");
        if ((Value & PyReModule.Multiline) != 0) names.Add("re.MULTILINE");
        if ((Value & PyReModule.DotAll) != 0) names.Add("re.DOTALL");
        if ((Value & PyReModule.Verbose) != 0) names.Add("re.VERBOSE");
        if ((Value & PyReModule.Ascii) != 0) names.Add("re.ASCII");
        return names.Count == 0 ? "re.NOFLAG" : string.Join("|", names);
    }
}
