namespace Slipway.Engine.Parsing;

/// <summary>A top-level block found in a file: <c>{% macro x(...) %}…{% endmacro %}</c>, <c>{% docs %}</c>, …</summary>
internal sealed record ExtractedBlock(
    string BlockType,
    string Name,
    /// <summary>What follows the name inside the opening tag (arguments, materialization options).</summary>
    string Header,
    /// <summary>From the opening tag's <c>{%</c> to the end tag's <c>%}</c>.</summary>
    string FullBlock,
    /// <summary>Between the opening and the end tag.</summary>
    string Contents,
    int Line,
    int Column);

/// <summary>
/// Finds top-level blocks of the allowed kinds without rendering anything, as dbt's block lexer does:
/// text outside blocks is ignored; <c>{% raw %}</c> sections and <c>{# comments #}</c> are skipped so tags inside
/// them do not count; string literals inside tags are skipped so a <c>%}</c> in a string does not end a tag.
/// </summary>
internal static class BlockExtractor
{
    public static List<ExtractedBlock> Extract(string text, string file, IReadOnlySet<string> allowed)
    {
        var blocks = new List<ExtractedBlock>();
        var pos = 0;
        while (true)
        {
            var tag = NextTag(text, file, pos);
            if (tag is null) break;
            var (start, end, name, rest) = tag.Value;
            pos = end;
            if (name == "raw")
            {
                pos = SkipRaw(text, file, end, start);
                continue;
            }
            if (!allowed.Contains(name)) continue;

            var (blockName, header) = SplitName(rest);
            var endName = "end" + name;
            var depth = 1;
            int contentEnd = -1, blockEnd = -1;
            while (true)
            {
                var inner = NextTag(text, file, pos);
                if (inner is null)
                {
                    var (l, c) = LineColumn(text, start);
                    throw new ParseException(file, l, c, $"the '{name}' block '{blockName}' is never closed: expected '{{% {endName} %}}'");
                }
                pos = inner.Value.End;
                if (inner.Value.Name == "raw") { pos = SkipRaw(text, file, inner.Value.End, inner.Value.Start); continue; }
                if (inner.Value.Name == name) depth++;
                else if (inner.Value.Name == endName && --depth == 0)
                {
                    contentEnd = inner.Value.Start;
                    blockEnd = inner.Value.End;
                    break;
                }
            }
            var (line, column) = LineColumn(text, start);
            blocks.Add(new ExtractedBlock(name, blockName, header, text[start..blockEnd], text[end..contentEnd], line, column));
        }
        return blocks;
    }

    /// <summary>The next <c>{% name … %}</c> at or after <paramref name="from"/>, skipping comments.</summary>
    private static (int Start, int End, string Name, string Args)? NextTag(string text, string file, int from)
    {
        var i = from;
        while (true)
        {
            var open = text.IndexOf('{', i);
            if (open < 0 || open + 1 >= text.Length) return null;
            var next = text[open + 1];
            if (next == '#')
            {
                var close = text.IndexOf("#}", open + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    var (l, c) = LineColumn(text, open);
                    throw new ParseException(file, l, c, "a comment '{#' is never closed: expected '#}'");
                }
                i = close + 2;
                continue;
            }
            if (next != '%') { i = open + 1; continue; }
            var p = open + 2;
            if (p < text.Length && (text[p] == '-' || text[p] == '+')) p++;
            while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
            var nameStart = p;
            while (p < text.Length && (char.IsLetterOrDigit(text[p]) || text[p] == '_')) p++;
            var name = text[nameStart..p];
            // Find the closing %} outside string literals.
            var q = p;
            char quote = '\0';
            while (q < text.Length)
            {
                var c = text[q];
                if (quote != '\0')
                {
                    if (c == '\\') { q += 2; continue; }
                    if (c == quote) quote = '\0';
                }
                else if (c is '\'' or '"') quote = c;
                else if (c == '%' && q + 1 < text.Length && text[q + 1] == '}') break;
                q++;
            }
            if (q >= text.Length)
            {
                var (l, c) = LineColumn(text, open);
                throw new ParseException(file, l, c, $"the tag '{{% {name}' is never closed: expected '%}}'");
            }
            var restEnd = q;
            if (restEnd > p && text[restEnd - 1] is '-' or '+') restEnd--;
            return (open, q + 2, name, text[p..restEnd].Trim());
        }
    }

    private static int SkipRaw(string text, string file, int from, int rawStart)
    {
        var i = from;
        while (true)
        {
            var tag = NextTagRaw(text, i);
            if (tag < 0)
            {
                var (l, c) = LineColumn(text, rawStart);
                throw new ParseException(file, l, c, "a '{% raw %}' block is never closed: expected '{% endraw %}'");
            }
            var close = text.IndexOf("%}", tag, StringComparison.Ordinal);
            var inner = text[(tag + 2)..close].Trim('-', '+', ' ', '\t', '\r', '\n');
            if (inner == "endraw") return close + 2;
            i = close + 2;
        }
    }

    private static int NextTagRaw(string text, int from)
    {
        var i = text.IndexOf("{%", from, StringComparison.Ordinal);
        return i < 0 || text.IndexOf("%}", i, StringComparison.Ordinal) < 0 ? -1 : i;
    }

    private static (string Name, string Header) SplitName(string rest)
    {
        var i = 0;
        while (i < rest.Length && (char.IsLetterOrDigit(rest[i]) || rest[i] == '_')) i++;
        return (rest[..i], rest[i..].Trim());
    }

    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, lastNewline = -1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; lastNewline = i; }
        }
        return (line, offset - lastNewline);
    }
}
