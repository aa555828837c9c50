using System.Text;
using System.Text.RegularExpressions;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// The wordwrap filter: Python's textwrap.wrap (no tab expansion, whitespace kept) applied to each line.
public static partial class Builtins
{
    // textwrap's chunking: whitespace runs, em-dashes, and words split after hyphens between letters.
    [GeneratedRegex(@"([\t\n\x0b\x0c\r ]+|(?<=[\w!""'&.,?])-{2,}(?=\w)|[^\t\n\x0b\x0c\r ]+?(?:-(?:(?<=[^\d\W]{2}-)|(?<=[^\d\W]-[^\d\W]-))(?=[^\d\W]-?[^\d\W])|(?=[\t\n\x0b\x0c\r ]|\z)|(?<=[\w!""'&.,?])(?=-{2,}\w)))")]
    private static partial Regex WordSeparatorRegex();

    [GeneratedRegex(@"([\t\n\x0b\x0c\r ]+)")]
    private static partial Regex SimpleWordSeparatorRegex();

    private static string WordWrap(string s, long width, bool breakLongWords, string wrapString, bool breakOnHyphens)
    {
        if (width <= 0) throw Py.ValueError($"invalid width {width} (must be > 0)");
        var lines = Py.SplitLines(s, false).Select(line => string.Join(wrapString, Wrap((string)line!, (int)width, breakLongWords, breakOnHyphens)));
        return string.Join(wrapString, lines);
    }

    private static List<string> Wrap(string text, int width, bool breakLongWords, bool breakOnHyphens)
    {
        var regex = breakOnHyphens ? WordSeparatorRegex() : SimpleWordSeparatorRegex();
        var chunks = regex.Split(text).Where(c => c.Length > 0).ToList();
        chunks.Reverse(); // consumed from the end, like a stack
        var lines = new List<string>();
        static bool IsBlank(string c) => c.Trim('\t', '\n', '\x0b', '\x0c', '\r', ' ').Length == 0;
        while (chunks.Count > 0)
        {
            var current = new List<string>();
            var length = 0;
            // Leading whitespace is dropped on every line but the first.
            if (IsBlank(chunks[^1]) && lines.Count > 0) chunks.RemoveAt(chunks.Count - 1);
            while (chunks.Count > 0)
            {
                var l = chunks[^1].Length;
                if (length + l <= width)
                {
                    current.Add(chunks[^1]);
                    chunks.RemoveAt(chunks.Count - 1);
                    length += l;
                }
                else break;
            }
            if (chunks.Count > 0 && chunks[^1].Length > width)
            {
                var spaceLeft = width < 1 ? 1 : width - length;
                if (breakLongWords)
                {
                    var chunk = chunks[^1];
                    var end = spaceLeft;
                    if (breakOnHyphens && chunk.Length > spaceLeft)
                    {
                        var hyphen = chunk.LastIndexOf('-', spaceLeft - 1 < 0 ? 0 : Math.Min(spaceLeft - 1, chunk.Length - 1));
                        if (hyphen > 0 && chunk[..hyphen].Any(c => c != '-')) end = hyphen + 1;
                    }
                    current.Add(chunk[..end]);
                    chunks[^1] = chunk[end..];
                    length += end;
                }
                else if (current.Count == 0)
                {
                    current.Add(chunks[^1]);
                    chunks.RemoveAt(chunks.Count - 1);
                }
            }
            if (current.Count > 0 && IsBlank(current[^1]))
            {
                length -= current[^1].Length;
                current.RemoveAt(current.Count - 1);
            }
            if (current.Count > 0) lines.Add(string.Concat(current));
        }
        return lines;
    }
}
