using System.Text;
using System.Text.RegularExpressions;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Filters over text: case, trimming, padding, truncation, HTML escaping and tag stripping.
public static partial class Builtins
{
    private static void RegisterTextFilters(IDictionary<string, Filter> f)
    {
        f["lower"] = (_, v, _) => Text(v, s => s.ToLowerInvariant());
        f["upper"] = (_, v, _) => Text(v, Py.Upper);
        f["capitalize"] = (_, v, _) => Text(v, Py.Capitalize);
        // Jinja2 joins the title-cased words into a plain str, so even Markup comes back unsafe.
        f["title"] = (_, v, _) => TitleWords(v is Markup m ? m.Value : Py.ToStr(v));
        f["trim"] = (_, v, a) => Text(v, s => Py.Strip(s, a.Get(0, "chars") is { } c
            ? Py.AsString(c) ?? throw Py.TypeError("strip arg must be None or str")
            : null, true, true));
        f["center"] = (_, v, a) => Text(v, s => Py.Pad(s, Int(a, 0, "width", 80), ' ', 'c'));
        f["string"] = (_, v, _) => v is Markup ? v : Py.ToStr(v);
        f["safe"] = (_, v, _) => v is Markup ? v : new Markup(Py.ToStr(v));
        f["escape"] = f["e"] = (_, v, _) => Py.EscapeValue(v);
        f["forceescape"] = (_, v, _) => new Markup(Py.Escape(Py.ToStr(v)));
        f["replace"] = (c, v, a) =>
        {
            var count = a.Get(2, "count") is { } n ? Py.IntArg(n) : -1;
            object? old = a.Get(0, "old"), @new = a.Get(1, "new");
            if (!c.Autoescape) return Py.Replace(Py.ToStr(v), Py.ToStr(old), Py.ToStr(@new), count);
            // With autoescape, Markup in the arguments makes the result Markup: the text is escaped, then
            // Markup.replace escapes the replacement (not the searched text).
            if (v is Markup || old is Markup || @new is Markup)
                return new Markup(Py.Replace(Py.EscapeText(v), Py.ToStr(old), Py.EscapeText(@new), count));
            return Py.Replace(Py.ToStr(v), Py.ToStr(old), Py.ToStr(@new), count);
        };
        f["truncate"] = (_, v, a) => Truncate(v, Int(a, 0, "length", 255), Bool(a, 1, "killwords", false),
            Py.ToStr(a.Get(2, "end", "...")), a.Get(3, "leeway") is { } l ? Py.IntArg(l) : 5);
        f["wordcount"] = (_, v, _) => (long)WordRegex().Count(Py.ToStr(v));
        f["indent"] = (_, v, a) => Indent(v, a.Get(0, "width", 4L), Bool(a, 1, "first", false), Bool(a, 2, "blank", false));
        f["striptags"] = (_, v, _) => StripTags(Py.ToStr(v));
        f["format"] = (_, v, a) =>
        {
            if (a.Positional.Count > 0 && a.Keyword.Count > 0)
                throw FilterArgumentError("can't handle positional and keyword arguments at the same time");
            object? args = a.Keyword.Count > 0 ? KeywordDict(a) : new PyTuple([.. a.Positional]);
            return Py.Binary("%", v is Markup ? v : Py.ToStr(v), args);
        };
        f["wordwrap"] = (_, v, a) => WordWrap(RequireStr(v, "splitlines"), Int(a, 0, "width", 79), Bool(a, 1, "break_long_words", true),
            a.Get(2, "wrapstring") is { } w ? Py.ToStr(w) : "\n", Bool(a, 3, "break_on_hyphens", true));
        f["filesizeformat"] = (_, v, a) => FileSizeFormat(v, Bool(a, 0, "binary", false));
        f["urlencode"] = (_, v, _) => UrlEncode(v);
        f["urlize"] = (c, v, a) => MarkupIf(c.Autoescape, Urlize(Py.ToStr(v), a));
        f["xmlattr"] = (c, v, a) => MarkupIf(c.Autoescape, XmlAttr(v, Bool(a, 0, "autospace", true)));
        f["pprint"] = (_, v, _) => PrettyPrinter.Format(v);
        f["tojson"] = (_, v, a) => new Markup(Json.HtmlSafe(Json.Dumps(v, a.Get(0, "indent"))));
    }

    /// <summary>A filter that calls a str method on its value: anything but a str fails as Python's attribute lookup does.</summary>
    private static string RequireStr(object? value, string method) => value switch
    {
        string s => s,
        Markup m => m.Value,
        Undefined u => throw u.Fail(),
        _ => throw new JinjaRuntimeException($"'{Py.TypeName(value)}' object has no attribute '{method}'", "AttributeError"),
    };

    private static object MarkupIf(bool autoescape, string text) => autoescape ? new Markup(text) : text;

    private static PyDict KeywordDict(Arguments a)
    {
        var d = new PyDict(a.Keyword.Count);
        foreach (var kv in a.Keyword) d[kv.Key] = kv.Value;
        return d;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"([-\s({\[<]+)")]
    private static partial Regex WordBeginningRegex();

    /// <summary>Jinja2's title: upper-case the first letter after a dash, space or opening bracket, lower-case the rest.</summary>
    private static string TitleWords(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var item in WordBeginningRegex().Split(s))
        {
            if (item.Length == 0) continue;
            sb.Append(char.ToUpperInvariant(item[0])).Append(item[1..].ToLowerInvariant());
        }
        return sb.ToString();
    }

    private static object? Truncate(object? value, long length, bool killWords, string end, long leeway)
    {
        if (length < end.Length) throw new JinjaRuntimeException($"expected length >= {end.Length}, got {length}", "AssertionError");
        if (leeway < 0) throw new JinjaRuntimeException($"expected leeway >= 0, got {leeway}", "AssertionError");
        // Jinja2 measures and slices the value itself: a short enough value (of any sized type) comes back unchanged.
        if (Py.Length(value) <= length + leeway) return value;
        var head = Py.Slice(value, null, length - end.Length, null);
        if (killWords) return Py.Binary("+", head, end);
        if (Py.AsString(head) is not { } s)
            throw new JinjaRuntimeException($"'{Py.TypeName(head)}' object has no attribute 'rsplit'", "AttributeError");
        var space = s.LastIndexOf(' ');
        return (space >= 0 ? s[..space] : s) + end;
    }

    private static object Indent(object? value, object? width, bool first, bool blank)
    {
        var indentation = Py.AsString(width) ?? new string(' ', (int)Math.Max(0, Py.IntArg(width)));
        // Jinja2 does `s += "\n"` and then `s.splitlines()`: only str gets through.
        if (value is Undefined u) throw u.Fail();
        if (Py.IsList(value)) throw new JinjaRuntimeException($"'{Py.TypeName(value)}' object has no attribute 'splitlines'", "AttributeError");
        if (value is PyTuple) throw Py.TypeError("can only concatenate tuple (not \"str\") to tuple");
        if (!Py.IsString(value)) throw Py.TypeError($"unsupported operand type(s) for +=: '{Py.TypeName(value)}' and 'str'");
        var s = Py.ToStr(value) + "\n";
        var lines = Py.SplitLines(s, false).Select(x => (string)x!).ToList();
        string result;
        if (blank) result = string.Join("\n" + indentation, lines);
        else
        {
            var sb = new StringBuilder(lines[0]);
            for (var i = 1; i < lines.Count; i++)
            {
                sb.Append('\n');
                if (lines[i].Length > 0) sb.Append(indentation);
                sb.Append(lines[i]);
            }
            result = sb.ToString();
        }
        if (first) result = indentation + result;
        return value is Markup ? new Markup(result) : result;
    }

    /// <summary>markupsafe's striptags: drop comments, then tags (each up to its first end mark), collapse whitespace, unescape.</summary>
    private static string StripTags(string s)
    {
        s = RemoveSpans(s, "<!--", "-->");
        s = RemoveSpans(s, "<", ">");
        s = string.Join(' ', Py.Split(s, null, -1).Select(x => (string)x!));
        return System.Net.WebUtility.HtmlDecode(s);
    }

    // An opening mark without a closing one ends the search, leaving the rest of the text alone.
    private static string RemoveSpans(string s, string open, string close)
    {
        int start;
        while ((start = s.IndexOf(open, StringComparison.Ordinal)) >= 0)
        {
            var end = s.IndexOf(close, start, StringComparison.Ordinal);
            if (end < 0) break;
            s = s[..start] + s[(end + close.Length)..];
        }
        return s;
    }

    private static string FileSizeFormat(object? value, bool binary)
    {
        var bytes = ToFloat(value) ?? (value is string or Markup
            ? throw Py.ValueError($"could not convert string to float: {Py.Repr(value)}")
            : throw Py.TypeError($"float() argument must be a string or a real number, not '{Py.TypeName(value)}'"));
        double b = binary ? 1024 : 1000;
        string[] prefixes = binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        if (bytes == 1) return "1 Byte";
        if (bytes < b) return $"{(long)bytes} Bytes";
        double unit = 0;
        string prefix = "";
        for (var i = 0; i < prefixes.Length; i++)
        {
            unit = Math.Pow(b, i + 2);
            prefix = prefixes[i];
            if (bytes < unit) break;
        }
        var scaled = b * bytes / unit;
        return (scaled < 0 ? "-" : "") + Py.FormatFixed(scaled, 1) + " " + prefix;
    }

    /// <summary>Python's urllib quote of UTF-8 bytes: letters, digits and _.-~ stay, '/' too unless in a query string.</summary>
    private static string UrlQuote(object? value, bool forQuery)
    {
        var s = Py.ToStr(value);
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' || (c == '/' && !forQuery)) sb.Append(c);
            else if (c == ' ' && forQuery) sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string UrlEncode(object? value)
    {
        if (value is string or Markup || value is null or bool or long or double || value is Undefined)
            return UrlQuote(value, false);
        IEnumerable<object?> items = Py.IsDict(value) ? Py.DictItems(value!).Select(kv => (object?)new PyTuple([kv.Key, kv.Value])) : Py.Iterate(value);
        return string.Join('&', items.Select(item =>
        {
            if (item is null or bool or long or double) throw Py.TypeError($"cannot unpack non-iterable {Py.TypeName(item)} object");
            var pair = Py.Iterate(item).ToList();
            if (pair.Count < 2) throw Py.ValueError($"not enough values to unpack (expected 2, got {pair.Count})");
            if (pair.Count > 2) throw Py.ValueError("too many values to unpack (expected 2)");
            return UrlQuote(pair[0], true) + "=" + UrlQuote(pair[1], true);
        }));
    }

    [GeneratedRegex(@"[ \t\n\r\f\v/>=]")]
    private static partial Regex XmlAttrKeyRegex();

    private static string XmlAttr(object? value, bool autospace)
    {
        if (value is Undefined u) throw u.Fail();
        if (value is null || !Py.IsDict(value)) throw new JinjaRuntimeException($"'{Py.TypeName(value)}' object has no attribute 'items'", "AttributeError");
        var parts = new List<string>();
        foreach (var kv in Py.DictItems(value))
        {
            if (kv.Value is null or Undefined) continue;
            var key = Py.ToStr(kv.Key);
            if (XmlAttrKeyRegex().IsMatch(key)) throw Py.ValueError($"Invalid character in attribute name: {Py.Repr(kv.Key)}");
            parts.Add($"{Py.EscapeText(kv.Key)}=\"{Py.EscapeText(kv.Value)}\"");
        }
        var result = string.Join(' ', parts);
        return autospace && result.Length > 0 ? " " + result : result;
    }
}
