using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// The subset of Python's pathlib glob that the path: method relies on, matched against the project's own
/// paths rather than the disk: <c>*</c> and <c>?</c> stay within one path segment, <c>**</c> spans any number of
/// segments, <c>[…]</c> sets as in fnmatch.
/// </summary>
internal static class PathGlob
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>A selector path in the form the index uses: forward slashes, no "./" prefix, no trailing "/".</summary>
    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }
        while (normalized.Contains("//", StringComparison.Ordinal))
        {
            normalized = normalized.Replace("//", "/", StringComparison.Ordinal);
        }
        normalized = normalized.Replace("/./", "/", StringComparison.Ordinal);
        if (normalized.EndsWith("/.", StringComparison.Ordinal))
        {
            normalized = normalized[..^2];
        }
        normalized = normalized.TrimEnd('/');
        return normalized.Length == 0 ? "." : normalized;
    }

    public static bool IsMatch(string path, string pattern) =>
        Cache.GetOrAdd(pattern, p => new Regex(Translate(p), RegexOptions.CultureInvariant | RegexOptions.Singleline)).IsMatch(path);

    private static string Translate(string pattern)
    {
        var segments = pattern.Split('/');
        var result = new StringBuilder("\\A");
        for (var s = 0; s < segments.Length; s++)
        {
            var last = s == segments.Length - 1;
            if (segments[s] == "**")
            {
                // Zero or more whole segments.
                result.Append(last ? "(?:[^/]+(?:/[^/]+)*)?" : "(?:[^/]+/)*");
                continue;
            }
            var segment = Wildcard.Translate(segments[s]);
            segment = ReplaceSingleDot(segment[2..^2]);
            result.Append(segment);
            if (!last)
            {
                result.Append('/');
            }
        }
        return result.Append("\\z").ToString();
    }

    // fnmatch's "*" and "?" became an unescaped "." (".*"); within a path segment they must not match "/".
    private static string ReplaceSingleDot(string regex)
    {
        var result = new StringBuilder(regex.Length);
        for (var i = 0; i < regex.Length; i++)
        {
            if (regex[i] == '\\' && i + 1 < regex.Length)
            {
                result.Append(regex, i, 2);
                i++;
            }
            else if (regex[i] == '.')
            {
                result.Append("[^/]");
            }
            else
            {
                result.Append(regex[i]);
            }
        }
        return result.ToString();
    }
}
