using System.Globalization;
using System.Text;

namespace Slipway.Engine.Project;

/// <summary>
/// A reader for the literals Python's <c>ast.literal_eval</c> accepts that dbt's native rendering meets in practice:
/// ints, floats, <c>True</c>/<c>False</c>/<c>None</c>, quoted strings, lists, tuples (as lists) and dicts.
/// </summary>
internal static class PythonLiteral
{
    public static bool TryParse(string text, out object? value)
    {
        var p = 0;
        value = null;
        try
        {
            Skip(text, ref p);
            if (p == text.Length) return false;
            value = ReadValue(text, ref p);
            Skip(text, ref p);
            return p == text.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static object? ReadValue(string s, ref int p)
    {
        Skip(s, ref p);
        if (p >= s.Length) throw new FormatException();
        var c = s[p];
        if (c is '[' or '(') return ReadList(s, ref p, c == '[' ? ']' : ')');
        if (c == '{') return ReadDict(s, ref p);
        if (c is '\'' or '"') return ReadString(s, ref p);
        var start = p;
        while (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || s[p] is '_' or '.' or '+' or '-')) p++;
        var word = s[start..p];
        switch (word)
        {
            case "True": return true;
            case "False": return false;
            case "None": return null;
        }
        var digits = word.Replace("_", "");
        if (digits.Length > 0 && digits.TrimStart('+', '-').All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (digits.Any(char.IsAsciiDigit) && !digits.Any(char.IsAsciiLetter) || digits.Contains('e') || digits.Contains('E'))
            if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        throw new FormatException();
    }

    private static List<object?> ReadList(string s, ref int p, char close)
    {
        p++;
        var list = new List<object?>();
        while (true)
        {
            Skip(s, ref p);
            if (p < s.Length && s[p] == close) { p++; return list; }
            list.Add(ReadValue(s, ref p));
            Skip(s, ref p);
            if (p < s.Length && s[p] == ',') { p++; continue; }
            if (p < s.Length && s[p] == close) { p++; return list; }
            throw new FormatException();
        }
    }

    private static OrderedDictionary<string, object?> ReadDict(string s, ref int p)
    {
        p++;
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            Skip(s, ref p);
            if (p < s.Length && s[p] == '}') { p++; return dict; }
            var key = ReadValue(s, ref p);
            Skip(s, ref p);
            if (p >= s.Length || s[p] != ':') throw new FormatException();
            p++;
            dict[Convert.ToString(key, CultureInfo.InvariantCulture) ?? "None"] = ReadValue(s, ref p);
            Skip(s, ref p);
            if (p < s.Length && s[p] == ',') { p++; continue; }
            if (p < s.Length && s[p] == '}') { p++; return dict; }
            throw new FormatException();
        }
    }

    private static string ReadString(string s, ref int p)
    {
        var quote = s[p++];
        var sb = new StringBuilder();
        while (p < s.Length && s[p] != quote)
        {
            if (s[p] == '\\' && p + 1 < s.Length)
            {
                p++;
                sb.Append(s[p] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
            }
            else sb.Append(s[p]);
            p++;
        }
        if (p >= s.Length) throw new FormatException();
        p++;
        return sb.ToString();
    }

    private static void Skip(string s, ref int p)
    {
        while (p < s.Length && char.IsWhiteSpace(s[p])) p++;
    }
}
