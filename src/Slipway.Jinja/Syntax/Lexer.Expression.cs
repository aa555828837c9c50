using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Syntax;

// The inside of {{ }} and {% %}: names, literals and operators.
internal sealed partial class Lexer
{
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Jinja2's <c>(\d+_)*\d+</c> from <paramref name="i"/>; returns the end or -1.</summary>
    private int MatchDigitGroups(int i)
    {
        var src = _src;
        if (i >= src.Length || !IsDigit(src[i])) return -1;
        while (i < src.Length && IsDigit(src[i])) i++;
        while (i + 1 < src.Length && src[i] == '_' && IsDigit(src[i + 1]))
        {
            i++;
            while (i < src.Length && IsDigit(src[i])) i++;
        }
        return i;
    }

    /// <summary>Jinja2's float_re at <paramref name="start"/> (not after a dot); returns the end or -1.</summary>
    private int MatchFloat(int start)
    {
        var src = _src;
        if (start > 0 && src[start - 1] == '.') return -1;
        var i = MatchDigitGroups(start);
        if (i < 0 || i >= src.Length) return -1;
        var afterFraction = -1;
        if (src[i] == '.')
        {
            afterFraction = MatchDigitGroups(i + 1);
            if (afterFraction < 0) return -1;
        }
        var e = afterFraction < 0 ? i : afterFraction;
        if (e < src.Length && src[e] is 'e' or 'E')
        {
            var j = e + 1;
            if (j < src.Length && src[j] is '+' or '-') j++;
            var expEnd = MatchDigitGroups(j);
            if (expEnd > 0) return expEnd;
        }
        return afterFraction;
    }

    /// <summary>Jinja2's integer_re at <paramref name="start"/> (alternatives in its order); always matches at a digit.</summary>
    private int MatchInteger(int start)
    {
        var src = _src;
        if (src[start] == '0' && start + 1 < src.Length)
        {
            var end = (char)(src[start + 1] | 0x20) switch
            {
                'b' => MatchPrefixed(start + 2, c => c is '0' or '1'),
                'o' => MatchPrefixed(start + 2, c => c is >= '0' and <= '7'),
                'x' => MatchPrefixed(start + 2, Uri.IsHexDigit),
                _ => -1,
            };
            if (end > 0) return end;
        }
        if (src[start] != '0') return MatchPrefixed(start, IsDigit, first: true);
        var i = start + 1;
        while (true)
        {
            if (i < src.Length && src[i] == '0') i++;
            else if (i + 1 < src.Length && src[i] == '_' && src[i + 1] == '0') i += 2;
            else return i;
        }
    }

    /// <summary><c>(_?d)+</c> (or <c>d(_?d)*</c> when <paramref name="first"/>): returns the end or -1.</summary>
    private int MatchPrefixed(int i, Func<char, bool> digit, bool first = false)
    {
        var src = _src;
        var start = i;
        if (first) i++;
        while (true)
        {
            if (i < src.Length && digit(src[i])) i++;
            else if (i + 1 < src.Length && src[i] == '_' && digit(src[i + 1])) i += 2;
            else break;
        }
        return i > start ? i : -1;
    }

    private void LexTag(bool isBlock)
    {
        var src = _src;
        _balance.Clear();
        while (true)
        {
            if (_pos >= src.Length) return; // Jinja2 ends the stream; the parser reports what it expected
            var c = src[_pos];
            if (_balance.Count == 0)
            {
                var end = isBlock ? MatchBlockEnd(_pos, allowPlus: true) : MatchVariableEnd(_pos);
                if (end >= 0)
                {
                    Add(isBlock ? TokenKind.BlockEnd : TokenKind.VariableEnd, src[_pos..end], null, _pos);
                    _lineStarting = src[end - 1] == '\n';
                    _pos = end;
                    return;
                }
            }
            if (IsPySpace(c))
            {
                while (_pos < src.Length && IsPySpace(src[_pos])) _pos++;
                continue;
            }
            if (c >= '0' && c <= '9')
            {
                var numStart = _pos;
                var floatEnd = MatchFloat(_pos);
                if (floatEnd > 0)
                {
                    var text = src[numStart..floatEnd];
                    Add(TokenKind.Float, text, double.Parse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture), numStart);
                    _pos = floatEnd;
                    continue;
                }
                var intEnd = MatchInteger(_pos);
                var intText = src[numStart..intEnd];
                Add(TokenKind.Integer, intText, ParseInteger(intText, numStart), numStart);
                _pos = intEnd;
                continue;
            }
            if (IsNameChar(c))
            {
                var s = _pos;
                while (_pos < src.Length && IsNameChar(src[_pos])) _pos++;
                var name = src[s.._pos];
                if (!IsIdentifier(name)) throw new LexError("Invalid character in identifier", s);
                Add(TokenKind.Name, name, null, s);
                continue;
            }
            if ((c == '\'' || c == '"') && TryLexString(c)) continue;
            var op = MatchOperator(c);
            if (op == TokenKind.Eof)
                throw new LexError($"unexpected char {ReprChar(c)} at {_pos}", _pos);
            var len = op is TokenKind.FloorDiv or TokenKind.Pow or TokenKind.Eq or TokenKind.Ne or TokenKind.GtEq or TokenKind.LtEq ? 2 : 1;
            CheckBalance(op, c);
            Add(op, Token.DescribeKind(op), null, _pos);
            _pos += len;
        }
    }

    private int MatchVariableEnd(int i)
    {
        var src = _src;
        if (string.CompareOrdinal(src, i, "-}}", 0, 3) == 0)
        {
            i += 3;
            while (i < src.Length && IsPySpace(src[i])) i++;
            return i;
        }
        return string.CompareOrdinal(src, i, "}}", 0, 2) == 0 ? i + 2 : -1;
    }

    private void CheckBalance(TokenKind op, char c)
    {
        switch (op)
        {
            case TokenKind.LBrace: _balance.Add('}'); break;
            case TokenKind.LParen: _balance.Add(')'); break;
            case TokenKind.LBracket: _balance.Add(']'); break;
            case TokenKind.RBrace or TokenKind.RParen or TokenKind.RBracket:
                if (_balance.Count == 0) throw new LexError($"unexpected '{c}'", _pos);
                var expected = _balance[^1];
                _balance.RemoveAt(_balance.Count - 1);
                if (expected != c) throw new LexError($"unexpected '{c}', expected '{expected}'", _pos);
                break;
        }
    }

    private TokenKind MatchOperator(char c)
    {
        var next = _pos + 1 < _src.Length ? _src[_pos + 1] : '\0';
        switch (c)
        {
            case '/': return next == '/' ? TokenKind.FloorDiv : TokenKind.Div;
            case '*': return next == '*' ? TokenKind.Pow : TokenKind.Mul;
            case '=': return next == '=' ? TokenKind.Eq : TokenKind.Assign;
            case '!': return next == '=' ? TokenKind.Ne : TokenKind.Eof;
            case '>': return next == '=' ? TokenKind.GtEq : TokenKind.Gt;
            case '<': return next == '=' ? TokenKind.LtEq : TokenKind.Lt;
            case '+': return TokenKind.Add;
            case '-': return TokenKind.Sub;
            case '%': return TokenKind.Mod;
            case '~': return TokenKind.Tilde;
            case '[': return TokenKind.LBracket;
            case ']': return TokenKind.RBracket;
            case '(': return TokenKind.LParen;
            case ')': return TokenKind.RParen;
            case '{': return TokenKind.LBrace;
            case '}': return TokenKind.RBrace;
            case '.': return TokenKind.Dot;
            case ':': return TokenKind.Colon;
            case '|': return TokenKind.Pipe;
            case ',': return TokenKind.Comma;
            case ';': return TokenKind.Semicolon;
            default: return TokenKind.Eof;
        }
    }

    /// <summary>An integer literal; one beyond 64 bits is an error here (Python would make a big int).</summary>
    private object ParseInteger(string text, int at)
    {
        text = text.Replace("_", "");
        try
        {
            if (text.Length > 1 && text[0] == '0' && char.IsLetter(text[1]))
            {
                var radix = char.ToLowerInvariant(text[1]) switch { 'b' => 2, 'o' => 8, _ => 16 };
                var value = Convert.ToUInt64(text[2..], radix);
                if (value <= long.MaxValue) return (long)value;
            }
            else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }
        }
        catch (OverflowException)
        {
        }
        throw new LexError("integer literal too large (Slipway ints are 64-bit)", at);
    }

    private static bool IsNameChar(char c) =>
        c == '_' || char.IsLetterOrDigit(c) || (c > 127 && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber);

    private static bool IsIdentifier(string name) => !char.IsDigit(name[0]) &&
        char.GetUnicodeCategory(name[0]) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    private bool TryLexString(char quote)
    {
        var src = _src;
        var i = _pos + 1;
        while (i < src.Length && src[i] != quote)
        {
            if (src[i] == '\\') i++;
            i++;
        }
        if (i >= src.Length) return false;
        var raw = src.Substring(_pos + 1, i - _pos - 1);
        string value;
        try { value = Unescape(raw); }
        catch (FormatException e) { throw new LexError(e.Message, _pos); }
        Add(TokenKind.String, src.Substring(_pos, i + 1 - _pos), value, _pos);
        _pos = i + 1;
        return true;
    }

    /// <summary>Python's <c>unicode-escape</c> decoding of a string literal's body.</summary>
    internal static string Unescape(string raw)
    {
        if (raw.IndexOf('\\') < 0) return raw;
        var sb = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length)
            {
                sb.Append(c);
                continue;
            }
            var e = raw[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'x': sb.Append(HexEscape(raw, ref i, 2, "truncated \\xXX escape")); break;
                case 'u': sb.Append(HexEscape(raw, ref i, 4, "truncated \\uXXXX escape")); break;
                case 'U': sb.Append(HexEscape(raw, ref i, 8, "truncated \\UXXXXXXXX escape")); break;
                case >= '0' and <= '7':
                    var v = e - '0';
                    for (var k = 0; k < 2 && i + 1 < raw.Length && raw[i + 1] >= '0' && raw[i + 1] <= '7'; k++)
                        v = v * 8 + (raw[++i] - '0');
                    sb.Append((char)v);
                    break;
                default: sb.Append('\\').Append(e); break;
            }
        }
        return sb.ToString();
    }

    private static string HexEscape(string raw, ref int i, int digits, string error)
    {
        if (i + digits >= raw.Length) throw new FormatException(error);
        var hex = raw.Substring(i + 1, digits);
        if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            throw new FormatException(error);
        i += digits;
        if (code > 0x10FFFF) throw new FormatException("illegal Unicode character");
        return code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    }

    /// <summary>Python's <c>repr</c> of a one-character string.</summary>
    internal static string ReprChar(char c)
    {
        if (c == '\'') return "\"'\"";
        if (c == '\\') return "'\\\\'";
        if (c == '\n') return "'\\n'";
        if (c == '\t') return "'\\t'";
        if (c == '\r') return "'\\r'";
        if (c < 32 || c == 127) return $"'\\x{(int)c:x2}'";
        return $"'{c}'";
    }
}
