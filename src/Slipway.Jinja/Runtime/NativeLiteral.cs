using System.Globalization;
using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

/// <summary>
/// Python's <c>ast.literal_eval</c> on a whole string, for native rendering: numbers, strings, True/False/None,
/// lists, tuples and dicts. Anything else (including leading whitespace, as Python's parser rejects it) is not a literal.
/// </summary>
internal sealed class NativeLiteral
{
    private readonly string _s;
    private int _i;

    private NativeLiteral(string s) => _s = s;

    public static bool TryParse(string text, out object? value)
    {
        value = null;
        if (text.Length == 0 || text[0] is ' ' or '\t' or '\f') return false;
        var p = new NativeLiteral(text);
        try
        {
            value = p.ParseTopLevel();
            p.SkipSpace(newlines: true);
            return p._i == text.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private object? ParseTopLevel()
    {
        var first = ParseValue();
        SkipSpace(false);
        if (!Peek(',')) return first;
        var items = new List<object?> { first };
        while (Peek(','))
        {
            _i++;
            SkipSpace(false);
            if (_i >= _s.Length || _s[_i] == '\n') break;
            items.Add(ParseValue());
            SkipSpace(false);
        }
        return new PyTuple(items.ToArray());
    }

    private bool Peek(char c) => _i < _s.Length && _s[_i] == c;

    private void SkipSpace(bool newlines)
    {
        while (_i < _s.Length && (_s[_i] is ' ' or '\t' or '\f' || (newlines && _s[_i] is '\n' or '\r'))) _i++;
    }

    private static FormatException Bad() => new("not a literal");

    private object? ParseValue()
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Bad();
        SkipSpace(false);
        if (_i >= _s.Length) throw Bad();
        var c = _s[_i];
        switch (c)
        {
            case '[': return new List<object?>(ParseSequence(']'));
            case '(':
                _i++;
                SkipSpace(true);
                if (Peek(')')) { _i++; return PyTuple.Empty; }
                var first = ParseValue();
                SkipSpace(true);
                if (Peek(')')) { _i++; return first; }
                var rest = ParseSequenceAfterFirst(')', first);
                return new PyTuple(rest.ToArray());
            case '{': return ParseDict();
            case '\'' or '"': return ParseStrings();
            case '-' or '+':
                _i++;
                SkipSpace(false);
                var n = ParseValue();
                return n switch
                {
                    long l => (object)(c == '-' ? -l : l),
                    double d => (object)(c == '-' ? -d : d),
                    _ => throw Bad(),
                };
        }
        if (char.IsDigit(c) || c == '.') return ParseNumber();
        if (char.IsLetter(c) || c == '_')
        {
            var start = _i;
            while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_')) _i++;
            var word = _s[start.._i];
            if (word is "r" or "u" or "R" or "U" && _i < _s.Length && _s[_i] is '\'' or '"') return ParseStrings(raw: word is "r" or "R");
            return word switch { "True" => true, "False" => false, "None" => null, _ => throw Bad() };
        }
        throw Bad();
    }

    private List<object?> ParseSequence(char close)
    {
        _i++;
        var items = new List<object?>();
        SkipSpace(true);
        while (!Peek(close))
        {
            items.Add(ParseValue());
            SkipSpace(true);
            if (Peek(',')) { _i++; SkipSpace(true); continue; }
            if (!Peek(close)) throw Bad();
        }
        _i++;
        return items;
    }

    /// <summary>The rest of a parenthesised tuple, positioned after its first item.</summary>
    private List<object?> ParseSequenceAfterFirst(char close, object? first)
    {
        var items = new List<object?> { first };
        SkipSpace(true);
        if (!Peek(',')) throw Bad();
        _i++;
        SkipSpace(true);
        while (!Peek(close))
        {
            items.Add(ParseValue());
            SkipSpace(true);
            if (Peek(',')) { _i++; SkipSpace(true); continue; }
            if (!Peek(close)) throw Bad();
        }
        _i++;
        return items;
    }

    private object ParseDict()
    {
        _i++;
        var dict = new PyDict();
        SkipSpace(true);
        if (Peek('}')) { _i++; return dict; }
        while (true)
        {
            var key = ParseValue();
            SkipSpace(true);
            if (!Peek(':')) throw Bad(); // sets are not supported
            _i++;
            var value = ParseValue();
            if (key is List<object?> or PyDict) throw Bad();
            dict[key ?? NoneKey.Instance] = value;
            SkipSpace(true);
            if (Peek(',')) { _i++; SkipSpace(true); if (Peek('}')) break; continue; }
            if (Peek('}')) break;
            throw Bad();
        }
        _i++;
        return dict;
    }

    private string ParseStrings(bool raw = false)
    {
        var sb = new StringBuilder();
        sb.Append(ParseString(raw));
        while (true)
        {
            var save = _i;
            SkipSpace(false);
            var isRaw = false;
            if (_i < _s.Length && _s[_i] is 'r' or 'R' or 'u' or 'U' && _i + 1 < _s.Length && _s[_i + 1] is '\'' or '"')
            {
                isRaw = _s[_i] is 'r' or 'R';
                _i++;
            }
            if (_i < _s.Length && _s[_i] is '\'' or '"') sb.Append(ParseString(isRaw));
            else { _i = save; return sb.ToString(); }
        }
    }

    private string ParseString(bool raw)
    {
        var q = _s[_i];
        var triple = _i + 2 < _s.Length && _s[_i + 1] == q && _s[_i + 2] == q;
        _i += triple ? 3 : 1;
        var start = _i;
        while (true)
        {
            if (_i >= _s.Length) throw Bad();
            var c = _s[_i];
            if (c == '\\') { _i += 2; continue; }
            if (!triple && c == '\n') throw Bad();
            if (c == q && (!triple || (_i + 2 < _s.Length && _s[_i + 1] == q && _s[_i + 2] == q)))
                break;
            _i++;
        }
        var body = _s[start.._i];
        _i += triple ? 3 : 1;
        return raw ? body : Syntax.Lexer.Unescape(body);
    }

    private object ParseNumber()
    {
        var start = _i;
        if (_s[_i] == '0' && _i + 1 < _s.Length && char.ToLowerInvariant(_s[_i + 1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(_s[_i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _i += 2;
            var ds = _i;
            while (_i < _s.Length && (Uri.IsHexDigit(_s[_i]) || _s[_i] == '_')) _i++;
            try { return Convert.ToInt64(_s[ds.._i].Replace("_", ""), radix); }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { throw Bad(); }
        }
        var isFloat = false;
        while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '_')) _i++;
        if (_i < _s.Length && _s[_i] == '.')
        {
            isFloat = true;
            _i++;
            while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] == '_')) _i++;
        }
        if (_i < _s.Length && _s[_i] is 'e' or 'E')
        {
            isFloat = true;
            _i++;
            if (_i < _s.Length && _s[_i] is '+' or '-') _i++;
            while (_i < _s.Length && char.IsDigit(_s[_i])) _i++;
        }
        if (_i < _s.Length && (char.IsLetter(_s[_i]) || _s[_i] == '_')) throw Bad();
        var text = _s[start.._i].Replace("_", "");
        if (text == ".") throw Bad();
        if (isFloat)
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Bad();
        if (text.Length > 1 && text[0] == '0' && text.Trim('0').Length > 0) throw Bad(); // 012 is not valid Python
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : throw Bad();
    }
}
