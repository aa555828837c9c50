using System.Text;

namespace Slipway.Jinja.Syntax;

/// <summary>
/// Splits template source into tokens exactly as Jinja2's lexer does (same whitespace control, same
/// error texts). A lexing error becomes a trailing <see cref="TokenKind.Error"/> token so that, as in
/// Jinja2's lazy lexer, a parse error earlier in the template is reported first.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _src;
    private readonly bool _trimBlocks;
    private readonly bool _lstripBlocks;
    private readonly TokenBuffer _tokens = new();
    private readonly SourceText _text;
    private readonly List<char> _balance = new();
    private bool _lineStarting = true;
    private int _pos;

    private Lexer(SourceText text, bool trimBlocks, bool lstripBlocks)
    {
        _text = text;
        _src = text.Text;
        _trimBlocks = trimBlocks;
        _lstripBlocks = lstripBlocks;
    }

    /// <summary>Tokenizes <paramref name="text"/>; the result always ends with an Eof or Error token.</summary>
    public static Token[] Tokenize(SourceText text, bool trimBlocks, bool lstripBlocks)
    {
        var lexer = new Lexer(text, trimBlocks, lstripBlocks);
        try
        {
            lexer.Run();
            lexer.AddEof();
        }
        catch (LexError e)
        {
            var (line, col) = text.Position(e.Offset);
            lexer._tokens.Add(new Token(TokenKind.Error, e.Message, null, line, col, e.Offset));
        }
        return lexer._tokens.ToArray();
    }

    /// <summary>
    /// The tokens so far, in an array grown by hand: <c>List&lt;Token&gt;</c>'s code over this struct is not in the
    /// framework's precompiled images, so it was JIT-compiled in every process that parsed a template.
    /// </summary>
    private sealed class TokenBuffer
    {
        private Token[] _items = new Token[64];

        public int Count { get; private set; }

        public Token Last => _items[Count - 1];

        public void Add(Token token)
        {
            if (Count == _items.Length)
            {
                var bigger = new Token[Count * 2];
                Array.Copy(_items, bigger, Count);
                _items = bigger;
            }
            _items[Count++] = token;
        }

        public Token[] ToArray()
        {
            var result = new Token[Count];
            Array.Copy(_items, result, Count);
            return result;
        }
    }

    private sealed class LexError(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private void AddEof()
    {
        // Jinja2's stream gives end-of-template the line of the last real token.
        if (_tokens.Count == 0)
        {
            _tokens.Add(new Token(TokenKind.Eof, "", null, 1, 1, 0));
            return;
        }
        var t = _tokens.Last;
        _tokens.Add(new Token(TokenKind.Eof, "", null, t.Line, t.Column, t.Offset));
    }

    private void Add(TokenKind kind, string value, object? literal, int offset)
    {
        var (line, col) = _text.Position(offset);
        _tokens.Add(new Token(kind, value, literal, line, col, offset));
    }

    private void Run()
    {
        var src = _src;
        while (_pos < src.Length)
        {
            var start = FindTagStart(_pos);
            if (start < 0)
            {
                Add(TokenKind.Data, src[_pos..], null, _pos);
                return;
            }
            var kindChar = src[start + 1];
            var afterOpen = start + 2;
            var sign = afterOpen < src.Length && (src[afterOpen] == '-' || src[afterOpen] == '+') ? src[afterOpen] : '\0';
            var rawEnd = kindChar == '%' ? MatchRawBegin(start) : -1;
            var text = src.Substring(_pos, start - _pos);
            if (sign == '-') text = text.TrimEnd(PyWhitespace);
            else if (sign != '+' && _lstripBlocks && kindChar != '{') text = LStripBlockText(text);
            if (text.Length > 0) Add(TokenKind.Data, text, null, _pos);

            if (rawEnd >= 0)
            {
                _lineStarting = src[rawEnd - 1] == '\n';
                _pos = rawEnd;
                LexRaw(start);
                continue;
            }
            var tagEnd = afterOpen + (sign == '\0' ? 0 : 1);
            _lineStarting = false;
            _pos = tagEnd;
            switch (kindChar)
            {
                case '#': LexComment(start); break;
                case '{':
                    Add(TokenKind.VariableBegin, src[start..tagEnd], null, start);
                    LexTag(isBlock: false);
                    break;
                default:
                    Add(TokenKind.BlockBegin, src[start..tagEnd], null, start);
                    LexTag(isBlock: true);
                    break;
            }
        }
    }

    private int FindTagStart(int from)
    {
        var src = _src;
        while (true)
        {
            var i = src.IndexOf('{', from);
            if (i < 0 || i + 1 >= src.Length) return -1;
            var c = src[i + 1];
            if (c == '{' || c == '%' || c == '#') return i;
            from = i + 1;
        }
    }

    /// <summary>lstrip_blocks: drop the spaces between the line start and a block or comment tag.</summary>
    private string LStripBlockText(string text)
    {
        var lpos = text.LastIndexOf('\n') + 1;
        if (lpos == 0 && !_lineStarting) return text;
        if (lpos >= text.Length) return text;
        for (var i = lpos; i < text.Length; i++)
            if (!IsPySpace(text[i])) return text;
        return text[..lpos];
    }

    /// <summary>Matches <c>{%[-+]? raw [-]%}</c> at <paramref name="start"/>; returns the end offset or -1.</summary>
    private int MatchRawBegin(int start)
    {
        var src = _src;
        var i = start + 2;
        if (i < src.Length && (src[i] == '-' || src[i] == '+')) i++;
        while (i < src.Length && IsPySpace(src[i])) i++;
        if (string.CompareOrdinal(src, i, "raw", 0, 3) != 0) return -1;
        i += 3;
        while (i < src.Length && IsPySpace(src[i])) i++;
        if (string.CompareOrdinal(src, i, "-%}", 0, 3) == 0)
        {
            i += 3;
            while (i < src.Length && IsPySpace(src[i])) i++;
            return i;
        }
        return string.CompareOrdinal(src, i, "%}", 0, 2) == 0 ? i + 2 : -1;
    }

    private void LexRaw(int rawStart)
    {
        var src = _src;
        for (var k = _pos; k + 1 < src.Length; k++)
        {
            if (src[k] != '{' || src[k + 1] != '%') continue;
            var i = k + 2;
            var sign = '\0';
            if (i < src.Length && (src[i] == '-' || src[i] == '+')) sign = src[i++];
            while (i < src.Length && IsPySpace(src[i])) i++;
            if (string.CompareOrdinal(src, i, "endraw", 0, 6) != 0) continue;
            i += 6;
            while (i < src.Length && IsPySpace(src[i])) i++;
            var end = MatchBlockEnd(i, allowPlus: true);
            if (end < 0) continue;
            var body = src.Substring(_pos, k - _pos);
            if (sign == '-') body = body.TrimEnd(PyWhitespace);
            else if (sign != '+' && _lstripBlocks) body = LStripBlockText(body);
            if (body.Length > 0) Add(TokenKind.Data, body, null, _pos);
            _lineStarting = src[end - 1] == '\n';
            _pos = end;
            return;
        }
        throw new LexError("Missing end of raw directive", _pos < src.Length ? _pos : rawStart);
    }

    /// <summary>Matches <c>+%}</c>, <c>-%}\s*</c> or <c>%}</c> (plus one newline under trim_blocks); returns the end or -1.</summary>
    private int MatchBlockEnd(int i, bool allowPlus)
    {
        var src = _src;
        if (allowPlus && string.CompareOrdinal(src, i, "+%}", 0, 3) == 0) return i + 3;
        if (string.CompareOrdinal(src, i, "-%}", 0, 3) == 0)
        {
            i += 3;
            while (i < src.Length && IsPySpace(src[i])) i++;
            return i;
        }
        if (string.CompareOrdinal(src, i, "%}", 0, 2) == 0)
        {
            i += 2;
            if (_trimBlocks && i < src.Length && src[i] == '\n') i++;
            return i;
        }
        return -1;
    }

    private void LexComment(int commentStart)
    {
        var src = _src;
        for (var k = _pos; k < src.Length; k++)
        {
            var c = src[k];
            int end;
            if (c == '+' && string.CompareOrdinal(src, k, "+#}", 0, 3) == 0) end = k + 3;
            else if (c == '-' && string.CompareOrdinal(src, k, "-#}", 0, 3) == 0)
            {
                end = k + 3;
                while (end < src.Length && IsPySpace(src[end])) end++;
            }
            else if (c == '#' && k + 1 < src.Length && src[k + 1] == '}')
            {
                end = k + 2;
                if (_trimBlocks && end < src.Length && src[end] == '\n') end++;
            }
            else continue;
            _lineStarting = src[end - 1] == '\n';
            _pos = end;
            return;
        }
        throw new LexError("Missing end of comment tag", _pos < src.Length ? _pos : commentStart);
    }

    internal static readonly char[] PyWhitespace =
        [' ', '\t', '\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\xa0', '\u1680',
         '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009',
         '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

    internal static bool IsPySpace(char c) =>
        c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f') || (c > 127 && char.IsWhiteSpace(c));
}
