using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// Python's fnmatch on POSIX, which dbt uses for selector values: <c>*</c> any run of characters (including
/// dots and slashes), <c>?</c> one character, <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> sets; case-sensitive.
/// </summary>
internal static class Wildcard
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny("*?[]") >= 0;

    public static bool IsMatch(string text, string pattern)
    {
        if (!HasWildcard(pattern))
        {
            return string.Equals(text, pattern, StringComparison.Ordinal);
        }
        return Cache.GetOrAdd(pattern, p => new Regex(Translate(p), RegexOptions.CultureInvariant | RegexOptions.Singleline)).IsMatch(text);
    }

    /// <summary>The regular expression equivalent to an fnmatch pattern, anchored at both ends.</summary>
    internal static string Translate(string pattern)
    {
        var result = new StringBuilder("\\A");
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i++];
            switch (c)
            {
                case '*':
                    result.Append(".*");
                    break;
                case '?':
                    result.Append('.');
                    break;
                case '[':
                    var j = i;
                    if (j < pattern.Length && pattern[j] == '!')
                    {
                        j++;
                    }
                    if (j < pattern.Length && pattern[j] == ']')
                    {
                        j++;
                    }
                    while (j < pattern.Length && pattern[j] != ']')
                    {
                        j++;
                    }
                    if (j >= pattern.Length)
                    {
                        // No closing bracket: Python treats the "[" literally.
                        result.Append("\\[");
                        break;
                    }
                    var set = pattern[i..j].Replace("\\", "\\\\", StringComparison.Ordinal);
                    i = j + 1;
                    if (set.Length == 0)
                    {
                        // "[]" can never match in Python.
                        result.Append("(?!)");
                        break;
                    }
                    if (set[0] == '!')
                    {
                        set = "^" + set[1..];
                    }
                    else if (set[0] == '^')
                    {
                        set = "\\" + set;
                    }
                    result.Append('[').Append(set.Replace("[", "\\[", StringComparison.Ordinal)).Append(']');
                    break;
                default:
                    result.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return result.Append("\\z").ToString();
    }
}
