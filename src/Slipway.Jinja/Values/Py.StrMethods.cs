using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

// The methods of Python's str, bound to a value when a template writes 'abc'.upper().
public static partial class Py
{
    private static bool TryGetStrMethod(string self, bool markup, string name, out object? value)
    {
        Func<Arguments, object?>? body = name switch
        {
            "lower" => _ => self.ToLowerInvariant(),
            "upper" => _ => Upper(self),
            "casefold" => _ => self.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal),
            "swapcase" => _ => SwapCase(self),
            "title" => _ => Title(self),
            "capitalize" => _ => Capitalize(self),
            "strip" => a => Strip(self, StripChars(a, name), true, true),
            "lstrip" => a => Strip(self, StripChars(a, name), true, false),
            "rstrip" => a => Strip(self, StripChars(a, name), false, true),
            "split" => a => Split(self, a.Get(0, "sep"), MaxSplit(a)),
            "rsplit" => a => RSplit(self, a.Get(0, "sep"), MaxSplit(a)),
            "splitlines" => a => SplitLines(self, IntArg(a.Get(0, "keepends", false)) != 0),
            "replace" => a => Replace(self, StrArg(a.Get(0, "old"), "replace", 1), StrArg(a.Get(1, "new"), "replace", 2), IntArg(a.Get(2, "count", -1L))),
            "startswith" => a => AffixMatch(self, a, true),
            "endswith" => a => AffixMatch(self, a, false),
            "find" => a => Find(self, a, false),
            "rfind" => a => Find(self, a, true),
            "index" => a => Find(self, a, false) is var i && i >= 0 ? i : throw ValueError("substring not found"),
            "rindex" => a => Find(self, a, true) is var i && i >= 0 ? i : throw ValueError("substring not found"),
            "count" => a => CountSub(self, a),
            "join" => a => Join(self, a.Get(0, "iterable")),
            "format" => a => StrFormat(self, a),
            "format_map" => a => StrFormat(self, new Arguments([], MappingArgs(a.Get(0, "mapping")))),
            "isdecimal" => _ => self.Length > 0 && self.EnumerateRunes().All(Rune.IsDigit),
            "isdigit" => _ => self.Length > 0 && self.EnumerateRunes().All(IsDigitChar),
            "isnumeric" => _ => self.Length > 0 && self.EnumerateRunes().All(r => Rune.IsNumber(r) || Rune.GetNumericValue(r) >= 0),
            "isalpha" => _ => self.Length > 0 && self.EnumerateRunes().All(Rune.IsLetter),
            "isalnum" => _ => self.Length > 0 && self.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber),
            "isspace" => _ => self.Length > 0 && self.All(IsPyWhitespace),
            "islower" => _ => self.Any(c => char.IsUpper(c) || char.IsLower(c)) && !self.Any(c => char.IsUpper(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter),
            "isupper" => _ => self.Any(c => char.IsUpper(c) || char.IsLower(c)) && !self.Any(c => char.IsLower(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter),
            "istitle" => _ => self.Length > 0 && Title(self) == self && self.Any(char.IsLetter),
            "isidentifier" => _ => self.Length > 0 && (char.IsLetter(self[0]) || self[0] == '_') && self.All(c => char.IsLetterOrDigit(c) || c == '_'),
            "zfill" => a => ZFill(self, IntArg(a.Get(0, "width"))),
            "center" => a => Pad(self, IntArg(a.Get(0, "width")), FillChar(a), 'c'),
            "ljust" => a => Pad(self, IntArg(a.Get(0, "width")), FillChar(a), 'l'),
            "rjust" => a => Pad(self, IntArg(a.Get(0, "width")), FillChar(a), 'r'),
            "partition" => a => Partition(self, PlainStrArg(a.Get(0, "sep")), false),
            "rpartition" => a => Partition(self, PlainStrArg(a.Get(0, "sep")), true),
            "expandtabs" => a => ExpandTabs(self, IntArg(a.Get(0, "tabsize", 8L))),
            "removeprefix" => a => StrArg(a.Get(0, "prefix"), "removeprefix", 0) is var p && self.StartsWith(p, StringComparison.Ordinal) ? self[p.Length..] : self,
            "removesuffix" => a => StrArg(a.Get(0, "suffix"), "removesuffix", 0) is var p && p.Length > 0 && self.EndsWith(p, StringComparison.Ordinal) ? self[..^p.Length] : self,
            _ => null,
        };
        if (body is null)
        {
            value = null;
            return false;
        }
        // Markup's methods return Markup where str's return str.
        value = new BoundMethod(markup ? "Markup" : "str", name, markup ? a => ToMarkup(body(a)) : a =>
        {
            CheckMethodCall("str", name, a);
            return body(a);
        });
        return true;
    }

    private static object? ToMarkup(object? result) => result switch
    {
        string s => new Markup(s),
        List<object?> list => list.Select(x => x is string s ? new Markup(s) : x).ToList(),
        PyTuple t => new PyTuple([.. t.Select(x => x is string s ? new Markup(s) : x)]),
        _ => result,
    };

    // Python's isdigit: decimal digits plus digits written other ways (superscripts, circled digits).
    private static bool IsDigitChar(Rune r)
    {
        if (Rune.IsDigit(r)) return true;
        var v = Rune.GetNumericValue(r);
        return Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherNumber && v >= 0 && v <= 9 && v == Math.Floor(v);
    }

    private static IReadOnlyDictionary<string, object?> MappingArgs(object? mapping)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (mapping is not null && IsDict(mapping))
            foreach (var kv in DictItems(mapping)) if (AsString(kv.Key) is { } k) d[k] = kv.Value;
        return d;
    }

    /// <summary>A str argument checked as Argument Clinic does: "replace() argument 2 must be str, not int" (None for None).</summary>
    internal static string StrArg(object? value, string method, int position) =>
        AsString(value) ?? throw TypeError(position == 0
            ? $"{method}() argument must be str, not {ClinicTypeName(value)}"
            : $"{method}() argument {position} must be str, not {ClinicTypeName(value)}");

    private static string ClinicTypeName(object? value) => value is null ? "None" : TypeName(value);

    /// <summary>A str argument of the older methods: "must be str, not int".</summary>
    internal static string PlainStrArg(object? value) => AsString(value) ?? throw TypeError($"must be str, not {TypeName(value)}");

    internal static long SliceIndexArg(object? value) =>
        IsInt(value) ? ToLong(value) : throw TypeError("slice indices must be integers or None or have an __index__ method");

    internal static long IntArg(object? value)
    {
        if (IsInt(value)) return ToLong(value);
        throw TypeError($"'{TypeName(value)}' object cannot be interpreted as an integer");
    }

    private static string? StripChars(Arguments a, string method)
    {
        var c = a.Get(0, "chars");
        if (c is null) return null;
        return AsString(c) ?? throw TypeError($"{method} arg must be None or str");
    }

    private static long MaxSplit(Arguments a)
    {
        var m = a.Get(1, "maxsplit", -1L);
        return IntArg(m);
    }

    private static char FillChar(Arguments a)
    {
        var f = a.Get(1, "fillchar", " ");
        var s = AsString(f) ?? throw TypeError($"The fill character must be a unicode character, not {TypeName(f)}");
        if (s.Length != 1) throw TypeError("The fill character must be exactly one character long");
        return s[0];
    }

    /// <summary>Python's str.isspace characters (what split() and strip() with no argument remove).</summary>
    internal static bool IsPyWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85' || (c > 127 && char.IsWhiteSpace(c));

    internal static string Strip(string s, string? chars, bool left, bool right)
    {
        Func<char, bool> remove = chars is null ? IsPyWhitespace : chars.Contains;
        int start = 0, end = s.Length;
        if (left) while (start < end && remove(s[start])) start++;
        if (right) while (end > start && remove(s[end - 1])) end--;
        return s[start..end];
    }

    internal static List<object?> Split(string s, object? sepValue, long maxsplit)
    {
        var result = new List<object?>();
        if (sepValue is null)
        {
            var i = 0;
            while (true)
            {
                while (i < s.Length && IsPyWhitespace(s[i])) i++;
                if (i >= s.Length) break;
                if (maxsplit >= 0 && result.Count >= maxsplit)
                {
                    result.Add(s[i..]);
                    break;
                }
                var start = i;
                while (i < s.Length && !IsPyWhitespace(s[i])) i++;
                result.Add(s[start..i]);
            }
            return result;
        }
        var sep = AsString(sepValue) ?? throw TypeError($"must be str or None, not {TypeName(sepValue)}");
        if (sep.Length == 0) throw ValueError("empty separator");
        var pos = 0;
        while (maxsplit < 0 || result.Count < maxsplit)
        {
            var found = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (found < 0) break;
            result.Add(s[pos..found]);
            pos = found + sep.Length;
        }
        result.Add(s[pos..]);
        return result;
    }

    private static List<object?> RSplit(string s, object? sepValue, long maxsplit)
    {
        if (maxsplit < 0) return Split(s, sepValue, maxsplit);
        var result = new List<object?>();
        if (sepValue is null)
        {
            var i = s.Length;
            while (true)
            {
                while (i > 0 && IsPyWhitespace(s[i - 1])) i--;
                if (i <= 0) break;
                if (result.Count >= maxsplit)
                {
                    result.Add(s[..i]);
                    break;
                }
                var end = i;
                while (i > 0 && !IsPyWhitespace(s[i - 1])) i--;
                result.Add(s[i..end]);
            }
            result.Reverse();
            return result;
        }
        var sep = AsString(sepValue) ?? throw TypeError($"must be str or None, not {TypeName(sepValue)}");
        if (sep.Length == 0) throw ValueError("empty separator");
        var pos = s.Length;
        while (result.Count < maxsplit && pos > 0)
        {
            var found = s.LastIndexOf(sep, pos - 1, pos, StringComparison.Ordinal);
            if (found < 0) break;
            result.Add(s[(found + sep.Length)..pos]);
            pos = found;
        }
        result.Add(s[..pos]);
        result.Reverse();
        return result;
    }

    internal static List<object?> SplitLines(string s, bool keepEnds)
    {
        var result = new List<object?>();
        var start = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var breakLen = c switch
            {
                '\r' when i + 1 < s.Length && s[i + 1] == '\n' => 2,
                '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029' => 1,
                _ => 0,
            };
            if (breakLen == 0) { i++; continue; }
            result.Add(keepEnds ? s[start..(i + breakLen)] : s[start..i]);
            i += breakLen;
            start = i;
        }
        if (start < s.Length) result.Add(s[start..]);
        return result;
    }

    internal static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            if (old.Length > 0) return s.Replace(old, replacement, StringComparison.Ordinal);
        }
        var sb = new StringBuilder();
        var done = 0L;
        if (old.Length == 0)
        {
            var runes = s.EnumerateRunes().ToList();
            for (var k = 0; k <= runes.Count; k++)
            {
                if (count < 0 || done < count) { sb.Append(replacement); done++; }
                if (k < runes.Count) sb.Append(runes[k].ToString());
            }
            return sb.ToString();
        }
        var pos = 0;
        while (done < count)
        {
            var found = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (found < 0) break;
            sb.Append(s, pos, found - pos).Append(replacement);
            pos = found + old.Length;
            done++;
        }
        sb.Append(s, pos, s.Length - pos);
        return sb.ToString();
    }

    /// <summary>The [start:end] window of str methods like find and startswith, in UTF-16 offsets.</summary>
    private static (int Start, int End) Window(string s, Arguments a, int firstIndex)
    {
        var len = s.Length;
        int Clamp(object? v, int whenNone)
        {
            if (v is null) return whenNone;
            var i = SliceIndexArg(v);
            if (i < 0) i = Math.Max(0, i + len);
            return (int)Math.Min(i, len);
        }
        return (Clamp(a.Get(firstIndex, "start"), 0), Clamp(a.Get(firstIndex + 1, "end"), len));
    }

    private static bool AffixMatch(string s, Arguments a, bool prefix)
    {
        var what = a.Get(0, prefix ? "prefix" : "suffix");
        var (start, end) = Window(s, a, 1);
        if (start > end) return false;
        var window = s[start..end];
        IEnumerable<object?> candidates = what is PyTuple t ? t : [what];
        foreach (var c in candidates)
        {
            var text = AsString(c) ?? throw TypeError($"{(prefix ? "startswith" : "endswith")} first arg must be str or a tuple of str, not {TypeName(c)}");
            if (prefix ? window.StartsWith(text, StringComparison.Ordinal) : window.EndsWith(text, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static long Find(string s, Arguments a, bool fromRight)
    {
        // The bounds are read before the needle's type is checked.
        var (start, end) = Window(s, a, 1);
        var sub = PlainStrArg(a.Get(0, "sub"));
        if (start > end) return -1;
        var window = s[start..end];
        var i = fromRight ? window.LastIndexOf(sub, StringComparison.Ordinal) : window.IndexOf(sub, StringComparison.Ordinal);
        if (fromRight && sub.Length == 0) i = window.Length;
        return i < 0 ? -1 : i + start;
    }

    private static long CountSub(string s, Arguments a)
    {
        // The bounds are read before the needle's type is checked.
        var (start, end) = Window(s, a, 1);
        var sub = PlainStrArg(a.Get(0, "sub"));
        if (start > end) return 0;
        var window = s[start..end];
        if (sub.Length == 0) return StringLength(window) + 1;
        long n = 0;
        var pos = 0;
        while ((pos = window.IndexOf(sub, pos, StringComparison.Ordinal)) >= 0) { n++; pos += sub.Length; }
        return n;
    }

    private static string Join(string sep, object? iterable)
    {
        var parts = new List<string>();
        var i = 0;
        foreach (var item in Iterate(iterable))
        {
            parts.Add(AsString(item) ?? throw TypeError($"sequence item {i}: expected str instance, {TypeName(item)} found"));
            i++;
        }
        return string.Join(sep, parts);
    }

    internal static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousCased = false;
        foreach (var c in s)
        {
            var cased = char.IsUpper(c) || char.IsLower(c) || char.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;
            if (previousCased) sb.Append(char.ToLowerInvariant(c));
            else if (c == 'ß') sb.Append("Ss"); // titlecase mapping grows
            else sb.Append(char.ToUpperInvariant(c));
            previousCased = cased;
        }
        return sb.ToString();
    }

    /// <summary>str.upper with Python's full case mapping for the characters that grow (ß → SS, ligatures).</summary>
    internal static string Upper(string s)
    {
        var upper = s.ToUpperInvariant();
        if (upper.AsSpan().IndexOfAny("ßﬀﬁﬂﬃﬄﬅﬆŉ") < 0) return upper;
        var sb = new StringBuilder(upper.Length + 4);
        foreach (var c in upper)
        {
            sb.Append(c switch
            {
                'ß' => "SS",
                'ﬀ' => "FF",
                'ﬁ' => "FI",
                'ﬂ' => "FL",
                'ﬃ' => "FFI",
                'ﬄ' => "FFL",
                'ﬅ' or 'ﬆ' => "ST",
                'ŉ' => "ʼN",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    internal static string Capitalize(string s) =>
        s.Length == 0 ? s : (s[0] == 'ß' ? "Ss" : char.ToUpperInvariant(s[0]).ToString()) + s[1..].ToLowerInvariant();

    private static string SwapCase(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.IsLower(chars[i]) ? char.ToUpperInvariant(chars[i]) : chars[i];
        return new string(chars);
    }

    private static string ZFill(string s, long width)
    {
        if (s.Length >= width) return s;
        var pad = new string('0', (int)width - s.Length);
        if (s.Length > 0 && s[0] is '+' or '-') return s[0] + pad + s[1..];
        return pad + s;
    }

    /// <summary>center/ljust/rjust; center puts the odd extra space where CPython does.</summary>
    internal static string Pad(string s, long width, char fill, char how)
    {
        var len = (int)StringLength(s);
        if (width <= len) return s;
        var total = (int)width - len;
        int left = how switch
        {
            'l' => 0,
            'r' => total,
            _ => total / 2 + (total & (int)width & 1),
        };
        return new string(fill, left) + s + new string(fill, total - left);
    }

    private static PyTuple Partition(string s, string sep, bool fromRight)
    {
        if (sep.Length == 0) throw ValueError("empty separator");
        var i = fromRight ? s.LastIndexOf(sep, StringComparison.Ordinal) : s.IndexOf(sep, StringComparison.Ordinal);
        if (i < 0) return fromRight ? new PyTuple(["", "", s]) : new PyTuple([s, "", ""]);
        return new PyTuple([s[..i], sep, s[(i + sep.Length)..]]);
    }

    private static string ExpandTabs(string s, long tabSize)
    {
        var sb = new StringBuilder();
        var column = 0;
        foreach (var c in s)
        {
            if (c == '\t')
            {
                if (tabSize > 0)
                {
                    var spaces = (int)(tabSize - column % tabSize);
                    sb.Append(' ', spaces);
                    column += spaces;
                }
            }
            else
            {
                sb.Append(c);
                column = c is '\n' or '\r' ? 0 : column + 1;
            }
        }
        return sb.ToString();
    }
}
