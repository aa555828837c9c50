using System.Text;
using System.Text.RegularExpressions;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// The urlize filter: turn URLs and e-mail addresses in text into links, the way Jinja2's utils.urlize does.
public static partial class Builtins
{
    [GeneratedRegex(@"^((https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})|([\w%-]{2,63}\.)+(com|net|int|edu|gov|org|info|mil)|(https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|(\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}])))(?::[\d]{1,5})?(?:[/?#]\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HttpRegex();

    [GeneratedRegex(@"^\S+@\w[\w.-]*\.\w+$")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(\s+)")]
    private static partial Regex WhitespaceSplitRegex();

    [GeneratedRegex(@"^([(<]|&lt;)+")]
    private static partial Regex UrlHeadRegex();

    [GeneratedRegex(@"([)>.,\n]|&gt;)+$")]
    private static partial Regex UrlTailRegex();

    [GeneratedRegex(@"^[a-zA-Z][\w+.-]*:(//)?$")]
    private static partial Regex UriSchemeRegex();

    private static string Urlize(string text, Arguments a)
    {
        var trimLimit = a.Get(0, "trim_url_limit") is { } t ? Py.IntArg(t) : (long?)null;
        var relParts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in Py.ToStr(a.Get(3, "rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) relParts.Add(r);
        if (Bool(a, 1, "nofollow", false)) relParts.Add("nofollow");
        relParts.Add("noopener"); // Jinja2's default urlize.rel policy
        var rel = string.Join(' ', relParts);
        var target = a.Get(2, "target") is { } tg ? Py.ToStr(tg) : null;
        var extraSchemes = a.Get(4, "extra_schemes") is { } es ? Py.Iterate(es).Select(Py.ToStr).ToList() : null;
        foreach (var scheme in extraSchemes ?? [])
            if (!UriSchemeRegex().IsMatch(scheme)) throw FilterArgumentError($"{Py.Repr(scheme)} is not a valid URI scheme prefix.");

        string Trim(string x) => trimLimit is { } n && x.Length > n ? x[..(int)n] + "..." : x;
        var relAttr = rel.Length > 0 ? $" rel=\"{Py.Escape(rel)}\"" : "";
        var targetAttr = !string.IsNullOrEmpty(target) ? $" target=\"{Py.Escape(target)}\"" : "";
        var words = WhitespaceSplitRegex().Split(Py.Escape(text));
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            string head = "", middle = word, tail = "";
            var m = UrlHeadRegex().Match(middle);
            if (m.Success)
            {
                head = m.Value;
                middle = middle[m.Length..];
            }
            if (middle.EndsWith(')') || middle.EndsWith('>') || middle.EndsWith('.') || middle.EndsWith(',') || middle.EndsWith('\n') || middle.EndsWith("&gt;", StringComparison.Ordinal))
            {
                var tm = UrlTailRegex().Match(middle);
                if (tm.Success)
                {
                    tail = tm.Value;
                    middle = middle[..tm.Index];
                }
            }
            foreach (var (open, close) in new[] { ("(", ")"), ("<", ">"), ("&lt;", "&gt;") })
            {
                var opens = CountOf(middle, open);
                if (opens <= CountOf(middle, close)) continue;
                for (var k = 0; k < Math.Min(opens, CountOf(tail, close)); k++)
                {
                    var end = tail.IndexOf(close, StringComparison.Ordinal) + close.Length;
                    middle += tail[..end];
                    tail = tail[end..];
                }
            }
            if (HttpRegex().IsMatch(middle))
            {
                var href = middle.StartsWith("https://", StringComparison.Ordinal) || middle.StartsWith("http://", StringComparison.Ordinal) ? middle : "https://" + middle;
                middle = $"<a href=\"{href}\"{relAttr}{targetAttr}>{Trim(middle)}</a>";
            }
            else if (middle.StartsWith("mailto:", StringComparison.Ordinal) && EmailRegex().IsMatch(middle[7..]))
                middle = $"<a href=\"{middle}\">{middle[7..]}</a>";
            else if (middle.Contains('@') && !middle.StartsWith("www.", StringComparison.Ordinal) && !middle.StartsWith('@') && !middle.Contains(':') && EmailRegex().IsMatch(middle))
                middle = $"<a href=\"mailto:{middle}\">{middle}</a>";
            else if (extraSchemes is not null)
            {
                foreach (var scheme in extraSchemes)
                    if (middle != scheme && middle.StartsWith(scheme, StringComparison.Ordinal))
                        middle = $"<a href=\"{middle}\"{relAttr}{targetAttr}>{middle}</a>";
            }
            sb.Append(head).Append(middle).Append(tail);
        }
        return sb.ToString();
    }

    private static int CountOf(string s, string sub)
    {
        var n = 0;
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
