namespace Slipway.Jinja.Values;

// How many arguments each str/list/dict/tuple method takes, so a wrong call fails with CPython's own
// TypeError. CPython words these differently depending on how each method parses its arguments.
public static partial class Py
{
    private enum ArgStyle
    {
        /// <summary>"str.lower() takes no arguments (1 given)"</summary>
        None,
        /// <summary>"list.append() takes exactly one argument (2 given)"</summary>
        One,
        /// <summary>"insert expected 2 arguments, got 1" / "strip expected at most 1 argument, got 2"</summary>
        Positional,
        /// <summary>"find() takes at least 1 argument (0 given)" / "find() takes at most 3 arguments (4 given)"</summary>
        Legacy,
        /// <summary>"split() takes at most 2 arguments (3 given)"; keywords allowed: "'x' is an invalid keyword argument for split()"</summary>
        Keywords,
        /// <summary>Anything goes (format, update).</summary>
        Free,
    }

    private sealed record MethodArity(ArgStyle Style, int Min, int Max, string[] Keywords);

    private static MethodArity A(ArgStyle style, int min = 0, int max = 0, params string[] keywords) => new(style, min, max, keywords);

    private static readonly Dictionary<string, MethodArity> MethodArities = new(StringComparer.Ordinal)
    {
        ["str.lower"] = A(ArgStyle.None), ["str.upper"] = A(ArgStyle.None), ["str.title"] = A(ArgStyle.None),
        ["str.capitalize"] = A(ArgStyle.None), ["str.swapcase"] = A(ArgStyle.None), ["str.casefold"] = A(ArgStyle.None),
        ["str.isdigit"] = A(ArgStyle.None), ["str.isalpha"] = A(ArgStyle.None), ["str.isalnum"] = A(ArgStyle.None),
        ["str.islower"] = A(ArgStyle.None), ["str.isupper"] = A(ArgStyle.None), ["str.isspace"] = A(ArgStyle.None),
        ["str.isdecimal"] = A(ArgStyle.None), ["str.isnumeric"] = A(ArgStyle.None), ["str.istitle"] = A(ArgStyle.None),
        ["str.isidentifier"] = A(ArgStyle.None),
        ["str.strip"] = A(ArgStyle.Positional, 0, 1), ["str.lstrip"] = A(ArgStyle.Positional, 0, 1), ["str.rstrip"] = A(ArgStyle.Positional, 0, 1),
        ["str.replace"] = A(ArgStyle.Positional, 2, 3), ["str.center"] = A(ArgStyle.Positional, 1, 2),
        ["str.ljust"] = A(ArgStyle.Positional, 1, 2), ["str.rjust"] = A(ArgStyle.Positional, 1, 2),
        ["str.split"] = A(ArgStyle.Keywords, 0, 2, "sep", "maxsplit"), ["str.rsplit"] = A(ArgStyle.Keywords, 0, 2, "sep", "maxsplit"),
        ["str.splitlines"] = A(ArgStyle.Keywords, 0, 1, "keepends"), ["str.expandtabs"] = A(ArgStyle.Keywords, 0, 1, "tabsize"),
        ["str.startswith"] = A(ArgStyle.Legacy, 1, 3), ["str.endswith"] = A(ArgStyle.Legacy, 1, 3),
        ["str.find"] = A(ArgStyle.Legacy, 1, 3), ["str.rfind"] = A(ArgStyle.Legacy, 1, 3), ["str.index"] = A(ArgStyle.Legacy, 1, 3),
        ["str.rindex"] = A(ArgStyle.Legacy, 1, 3), ["str.count"] = A(ArgStyle.Legacy, 1, 3),
        ["str.join"] = A(ArgStyle.One), ["str.zfill"] = A(ArgStyle.One), ["str.partition"] = A(ArgStyle.One),
        ["str.rpartition"] = A(ArgStyle.One), ["str.removeprefix"] = A(ArgStyle.One), ["str.removesuffix"] = A(ArgStyle.One),
        ["str.format_map"] = A(ArgStyle.One), ["str.format"] = A(ArgStyle.Free),
        ["list.append"] = A(ArgStyle.One), ["list.extend"] = A(ArgStyle.One), ["list.remove"] = A(ArgStyle.One), ["list.count"] = A(ArgStyle.One),
        ["list.insert"] = A(ArgStyle.Positional, 2, 2), ["list.pop"] = A(ArgStyle.Positional, 0, 1), ["list.index"] = A(ArgStyle.Positional, 1, 3),
        ["list.sort"] = A(ArgStyle.Keywords, 0, 2, "key", "reverse"),
        ["list.reverse"] = A(ArgStyle.None), ["list.copy"] = A(ArgStyle.None), ["list.clear"] = A(ArgStyle.None),
        ["dict.items"] = A(ArgStyle.None), ["dict.keys"] = A(ArgStyle.None), ["dict.values"] = A(ArgStyle.None),
        ["dict.popitem"] = A(ArgStyle.None), ["dict.copy"] = A(ArgStyle.None), ["dict.clear"] = A(ArgStyle.None),
        ["dict.get"] = A(ArgStyle.Positional, 1, 2), ["dict.pop"] = A(ArgStyle.Positional, 1, 2), ["dict.setdefault"] = A(ArgStyle.Positional, 1, 2),
        ["dict.update"] = A(ArgStyle.Free, 0, 1),
        ["tuple.index"] = A(ArgStyle.Positional, 1, 3), ["tuple.count"] = A(ArgStyle.One),
    };

    /// <summary>Raise CPython's TypeError when a method call from a template has the wrong arguments.</summary>
    private static void CheckMethodCall(string type, string name, Arguments a)
    {
        if (!MethodArities.TryGetValue(type + "." + name, out var arity)) return;
        var n = a.Positional.Count;
        static string Arguments(int k) => k == 1 ? "argument" : "arguments";
        switch (arity.Style)
        {
            case ArgStyle.Free:
                if (arity.Max > 0 && n > arity.Max) throw TypeError($"{name} expected at most {arity.Max} {Arguments(arity.Max)}, got {n}");
                return;
            case ArgStyle.Keywords:
                foreach (var key in a.Keyword.Keys)
                    if (Array.IndexOf(arity.Keywords, key) < 0) throw TypeError($"'{key}' is an invalid keyword argument for {name}()");
                if (n + a.Keyword.Count > arity.Max) throw TypeError($"{name}() takes at most {arity.Max} {Arguments(arity.Max)} ({n + a.Keyword.Count} given)");
                if (name == "sort" && n > 0) throw TypeError("sort() takes no positional arguments");
                return;
        }
        if (a.Keyword.Count > 0)
            throw TypeError(arity.Style == ArgStyle.Legacy ? $"{name}() takes no keyword arguments" : $"{type}.{name}() takes no keyword arguments");
        switch (arity.Style)
        {
            case ArgStyle.None when n > 0:
                throw TypeError($"{type}.{name}() takes no arguments ({n} given)");
            case ArgStyle.One when n != 1:
                throw TypeError($"{type}.{name}() takes exactly one argument ({n} given)");
            case ArgStyle.Positional when arity.Min == arity.Max && n != arity.Min:
                throw TypeError($"{name} expected {arity.Min} {Arguments(arity.Min)}, got {n}");
            case ArgStyle.Positional when n < arity.Min:
                throw TypeError($"{name} expected at least {arity.Min} {Arguments(arity.Min)}, got {n}");
            case ArgStyle.Positional when n > arity.Max:
                throw TypeError($"{name} expected at most {arity.Max} {Arguments(arity.Max)}, got {n}");
            case ArgStyle.Legacy when n < arity.Min:
                throw TypeError($"{name}() takes at least {arity.Min} {Arguments(arity.Min)} ({n} given)");
            case ArgStyle.Legacy when n > arity.Max:
                throw TypeError($"{name}() takes at most {arity.Max} {Arguments(arity.Max)} ({n} given)");
        }
    }
}
