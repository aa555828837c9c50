using System.Globalization;
using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Values;

/// <summary>Reads the Python literals of the generated case files (None, bools, numbers, str, list, tuple, dict) into template values.</summary>
internal sealed class PyLiteral
{
    private readonly string _text;
    private int _pos;

    private PyLiteral(string text) => _text = text;

    public static object? Parse(string text)
    {
        var p = new PyLiteral(text);
        var value = p.ParseValue();
        p.SkipSpace();
        if (p._pos != text.Length) throw new FormatException($"trailing text in literal: {text}");
        return value;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] == ' ') _pos++;
    }

    private bool Take(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private object? ParseValue()
    {
        SkipSpace();
        if (Take("None")) return null;
        if (Take("True")) return true;
        if (Take("False")) return false;
        if (Take("float("))
        {
            var s = (string)ParseValue()!;
            Take(")");
            return s switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.NaN };
        }
        var c = _text[_pos];
        if (c is '\'' or '"') return ParseString();
        if (c == '[')
        {
            _pos++;
            return ParseItems(']');
        }
        if (c == '(')
        {
            _pos++;
            var items = ParseItems(')', out var trailingComma);
            if (items.Count == 1 && !trailingComma) return items[0];
            return new PyTuple([.. items]);
        }
        if (c == '{')
        {
            _pos++;
            var dict = new PyDict();
            while (!Take("}"))
            {
                var key = ParseValue();
                Take(":");
                dict[key ?? NoneKey.Instance] = ParseValue();
                Take(",");
            }
            return dict;
        }
        return ParseNumber();
    }

    private List<object?> ParseItems(char close) => ParseItems(close, out _);

    private List<object?> ParseItems(char close, out bool trailingComma)
    {
        var items = new List<object?>();
        trailingComma = false;
        while (!Take(close.ToString()))
        {
            items.Add(ParseValue());
            trailingComma = Take(",");
        }
        return items;
    }

    private object ParseNumber()
    {
        var start = _pos;
        if (_text[_pos] is '-' or '+') _pos++;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '_' ||
               (_text[_pos] is '-' or '+' && _text[_pos - 1] is 'e' or 'E'))) _pos++;
        var s = _text[start.._pos].Replace("_", "");
        if (s.Length == 0) throw new FormatException($"unexpected '{_text[_pos]}' in literal: {_text}");
        if (s.Contains('.') || s.Contains('e') || s.Contains('E')) return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return long.Parse(s, CultureInfo.InvariantCulture);
    }

    private string ParseString()
    {
        var quote = _text[_pos++];
        var sb = new StringBuilder();
        while (_text[_pos] != quote)
        {
            var c = _text[_pos++];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x': sb.Append((char)Convert.ToInt32(_text.Substring(_pos, 2), 16)); _pos += 2; break;
                case 'u': sb.Append((char)Convert.ToInt32(_text.Substring(_pos, 4), 16)); _pos += 4; break;
                default: sb.Append(e); break;
            }
        }
        _pos++;
        return sb.ToString();
    }
}
