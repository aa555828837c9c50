using System.Globalization;
using System.Text;

namespace Slipway.Engine.Parsing;

/// <summary>
/// The fast path for the common model: plain SQL plus <c>{{ ref(…) }}</c>, <c>{{ source(…) }}</c> and
/// <c>{{ config(…) }}</c> calls with literal arguments (dbt's "static parser" idea). Such a model needs no
/// Jinja at parse time, and at compile time its calls are replaced by relation names directly. Anything
/// else (a statement tag, another expression) makes <see cref="TryParse"/> return null and the model goes
/// through the Jinja engine.
/// </summary>
internal sealed class StaticTemplate
{
    private StaticTemplate(List<object> segments) => Segments = segments;

    /// <summary>Text (<see cref="string"/>) and calls (<see cref="StaticCall"/>) in order.</summary>
    public List<object> Segments { get; }

    public IEnumerable<StaticCall> Calls => Segments.OfType<StaticCall>();

    /// <summary>Code that is not Jinja at all (Python models): one text segment, kept exactly.</summary>
    public readonly struct Literal(string text)
    {
        public StaticTemplate Template { get; } = new([text]);
    }

    public static StaticTemplate? TryParse(string source)
    {
        if (source.Contains("{%", StringComparison.Ordinal)) return null;
        // Jinja drops one trailing newline of the template (keep_trailing_newline=False).
        if (source.EndsWith('\n')) source = source[..^(source.EndsWith("\r\n", StringComparison.Ordinal) ? 2 : 1)];
        var segments = new List<object>();
        var pos = 0;
        var text = new StringBuilder();
        var stripNext = false;
        while (pos < source.Length)
        {
            var open = IndexOfOpen(source, pos);
            var chunk = open < 0 ? source[pos..] : source[pos..open];
            if (stripNext) chunk = chunk.TrimStart();
            stripNext = false;
            if (open < 0) { text.Append(chunk); break; }

            var isComment = source[open + 1] == '#';
            var p = open + 2;
            if (p < source.Length && source[p] == '-') { chunk = chunk.TrimEnd(); p++; }
            text.Append(chunk);
            if (isComment)
            {
                var close = source.IndexOf("#}", p, StringComparison.Ordinal);
                if (close < 0) return null;
                if (source[close - 1] == '-') stripNext = true;
                pos = close + 2;
                continue;
            }
            var reader = new LiteralReader(source, p);
            var call = reader.ReadCall();
            if (call is null) return null;
            reader.SkipSpace();
            if (reader.Peek('-')) { stripNext = true; reader.Advance(1); }
            if (!reader.Peek('}') || !reader.PeekAt(1, '}')) return null;
            pos = reader.Position + 2;
            if (text.Length > 0) { segments.Add(text.ToString()); text.Clear(); }
            segments.Add(call);
        }
        if (text.Length > 0) segments.Add(text.ToString());
        return new StaticTemplate(segments);
    }

    private static int IndexOfOpen(string s, int from)
    {
        var i = from;
        while ((i = s.IndexOf('{', i)) >= 0 && i + 1 < s.Length)
        {
            if (s[i + 1] is '{' or '#') return i;
            i++;
        }
        return -1;
    }
}

/// <summary>A call found by the static parser: <c>ref</c>, <c>source</c> or <c>config</c> with literal arguments.</summary>
internal sealed record StaticCall(string Function, List<object?> Positional, OrderedDictionary<string, object?> Keyword);

/// <summary>Reads Python literals and one call expression from Jinja source, for <see cref="StaticTemplate"/>.</summary>
internal struct LiteralReader(string source, int position)
{
    private readonly string _s = source;
    public int Position { get; private set; } = position;

    public readonly bool Peek(char c) => Position < _s.Length && _s[Position] == c;
    public readonly bool PeekAt(int offset, char c) => Position + offset < _s.Length && _s[Position + offset] == c;
    public void Advance(int n) => Position += n;

    public void SkipSpace()
    {
        while (Position < _s.Length && char.IsWhiteSpace(_s[Position])) Position++;
    }

    private string? ReadIdentifier()
    {
        SkipSpace();
        var start = Position;
        while (Position < _s.Length && (char.IsLetterOrDigit(_s[Position]) || _s[Position] == '_')) Position++;
        return Position > start && !char.IsDigit(_s[start]) ? _s[start..Position] : null;
    }

    public StaticCall? ReadCall(bool allowMetric = false)
    {
        var name = ReadIdentifier();
        if (name is not ("ref" or "source" or "config") && !(allowMetric && name == "metric")) return null;
        SkipSpace();
        if (!Peek('(')) return null;
        Advance(1);
        var positional = new List<object?>();
        var keyword = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpace();
            if (Peek(')')) { Advance(1); break; }
            var save = Position;
            var key = ReadIdentifier();
            SkipSpace();
            if (key is not null && Peek('=') && !PeekAt(1, '='))
            {
                Advance(1);
                if (!TryReadLiteral(out var kv)) return null;
                keyword[key] = kv;
            }
            else
            {
                Position = save;
                if (keyword.Count > 0 || !TryReadLiteral(out var v)) return null;
                positional.Add(v);
            }
            SkipSpace();
            if (Peek(',')) { Advance(1); continue; }
            if (Peek(')')) { Advance(1); break; }
            return null;
        }
        return new StaticCall(name, positional, keyword);
    }

    public bool TryReadLiteral(out object? value)
    {
        value = null;
        SkipSpace();
        if (Position >= _s.Length) return false;
        var c = _s[Position];
        if (c is '\'' or '"') return TryReadString(out value);
        if (c == '[' || c == '(')
        {
            var close = c == '[' ? ']' : ')';
            Advance(1);
            var list = new List<object?>();
            while (true)
            {
                SkipSpace();
                if (Peek(close)) { Advance(1); value = list; return true; }
                if (!TryReadLiteral(out var item)) return false;
                list.Add(item);
                SkipSpace();
                if (Peek(',')) { Advance(1); continue; }
                if (Peek(close)) { Advance(1); value = list; return true; }
                return false;
            }
        }
        if (c == '{')
        {
            Advance(1);
            var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpace();
                if (Peek('}')) { Advance(1); value = dict; return true; }
                if (!TryReadString(out var key) || key is not string k) return false;
                SkipSpace();
                if (!Peek(':')) return false;
                Advance(1);
                if (!TryReadLiteral(out var item)) return false;
                dict[k] = item;
                SkipSpace();
                if (Peek(',')) { Advance(1); continue; }
                if (Peek('}')) { Advance(1); value = dict; return true; }
                return false;
            }
        }
        if (char.IsDigit(c) || c == '-')
        {
            var start = Position;
            Advance(1);
            while (Position < _s.Length && (char.IsDigit(_s[Position]) || _s[Position] is '.' or '_' or 'e' or 'E')) Position++;
            var text = _s[start..Position].Replace("_", "", StringComparison.Ordinal);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) { value = l; return true; }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) { value = d; return true; }
            return false;
        }
        var word = ReadIdentifier();
        switch (word)
        {
            case "True" or "true": value = true; return true;
            case "False" or "false": value = false; return true;
            case "None" or "none": value = null; return true;
            default: return false;
        }
    }

    private bool TryReadString(out object? value)
    {
        value = null;
        SkipSpace();
        if (Position >= _s.Length || _s[Position] is not ('\'' or '"')) return false;
        var quote = _s[Position++];
        var sb = new StringBuilder();
        while (Position < _s.Length && _s[Position] != quote)
        {
            var c = _s[Position++];
            if (c == '\\')
            {
                if (Position >= _s.Length) return false;
                var e = _s[Position++];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', '\'' => '\'', '"' => '"', _ => e });
                if (e is not ('n' or 't' or 'r' or '\\' or '\'' or '"')) sb.Insert(sb.Length - 1, '\\');
            }
            else sb.Append(c);
        }
        if (Position >= _s.Length) return false;
        Position++;
        value = sb.ToString();
        return true;
    }
}
