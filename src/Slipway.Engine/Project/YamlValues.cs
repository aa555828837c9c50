using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Engine.Project;

/// <summary>
/// Reads YAML into plain values the way dbt sees them through PyYAML's safe loader (YAML 1.1 scalars:
/// <c>yes</c>/<c>on</c> are booleans, <c>~</c> is null): mappings become <see cref="OrderedDictionary{TKey,TValue}"/>
/// keyed by string, sequences <see cref="List{T}"/>, scalars string/long/double/bool/null. Every node's position is kept
/// by key path so errors found after loading can still name line and column.
/// </summary>
internal sealed partial class YamlValues
{
    // Positions as objects: a dictionary of YamlDotNet's Mark struct was JIT-compiled at every start.
    private readonly Dictionary<string, MarkAt> _marks = new(StringComparer.Ordinal);

    private sealed record MarkAt(long Line, long Column)
    {
        public static MarkAt Of(Mark mark) => new(mark.Line, mark.Column);
    }
    private readonly Dictionary<string, object?> _anchors = new(StringComparer.Ordinal);

    private YamlValues(string file, object? root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }
    public object? Root { get; private set; }

    /// <summary>Loads the first document of <paramref name="path"/>; an empty file gives a null root.</summary>
    public static YamlValues Load(string path) => Parse(System.IO.File.ReadAllText(path), path);

    public static YamlValues Parse(string text, string file)
    {
        var values = new YamlValues(file, null);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                values.Root = values.ReadNode(parser, "");
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlException e)
        {
            throw new ProjectException(file, (int)e.Start.Line, (int)e.Start.Column,
                $"is not valid YAML: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
        return values;
    }

    /// <summary>The line and column (1-based) of the node at <paramref name="keys"/>, else of the nearest parent.</summary>
    public (int Line, int Column) Position(params string[] keys)
    {
        for (var n = keys.Length; n >= 0; n--)
            if (_marks.TryGetValue(string.Join('\u001f', keys.Take(n)), out var mark)) return ((int)mark.Line, (int)mark.Column);
        return (1, 1);
    }

    public ProjectException Error(string message, params string[] keys)
    {
        var (line, column) = Position(keys);
        return new ProjectException(File, line, column, message);
    }

    // Built from parser events rather than YamlDotNet's document model, which refuses duplicate keys and ignores merge
    // keys: PyYAML keeps the last of duplicate keys and applies `<<: *anchor` merges, and dbt projects rely on both.
    private object? ReadNode(IParser parser, string path)
    {
        _marks.TryAdd(path, MarkAt.Of(parser.Current!.Start));
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                throw new ProjectException(File, (int)alias.Start.Line, (int)alias.Start.Column, $"uses the undefined YAML alias '*{alias.Value}'");
            return ConfigMerge.Copy(target);
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            object? value = scalar.Style is ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
                ? ResolvePlain(scalar.Value)
                : scalar.Value;
            if (!scalar.Anchor.IsEmpty) _anchors[scalar.Anchor.Value] = value;
            return value;
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var list = new List<object?>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                list.Add(ReadNode(parser, path + '\u001f' + list.Count.ToString(CultureInfo.InvariantCulture)));
            if (!seqStart.Anchor.IsEmpty) _anchors[seqStart.Anchor.Value] = list;
            return list;
        }
        var mapStart = parser.Consume<MappingStart>();
        var explicitKeys = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var merges = new List<object?>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyMark = parser.Current!.Start;
            var isMerge = parser.Current is Scalar { Value: "<<", Style: ScalarStyle.Plain };
            var keyValue = ReadNode(parser, path + "\u001f\u0000");
            var key = keyValue switch
            {
                null => "None",
                string k => k,
                bool b => b ? "True" : "False",
                _ => System.Convert.ToString(keyValue, CultureInfo.InvariantCulture) ?? "",
            };
            var childPath = path.Length == 0 ? key : path + '\u001f' + key;
            var value = ReadNode(parser, childPath);
            _marks[childPath] = MarkAt.Of(keyMark);
            if (isMerge)
            {
                if (value is IList<object?> many) merges.AddRange(many);
                else merges.Add(value);
            }
            else
            {
                explicitKeys.Remove(key); // the last duplicate wins, at its own position
                explicitKeys[key] = value;
            }
        }
        var dict = explicitKeys;
        if (merges.Count > 0)
        {
            dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var source in merges)
            {
                if (source is not IDictionary<string, object?> m)
                    throw new ProjectException(File, (int)mapStart.Start.Line, (int)mapStart.Start.Column, "merges (<<) something that is not a mapping");
                foreach (var (k, v) in m) dict.TryAdd(k, v);
            }
            foreach (var (k, v) in explicitKeys) dict[k] = v;
        }
        if (!mapStart.Anchor.IsEmpty) _anchors[mapStart.Anchor.Value] = dict;
        return dict;
    }

    /// <summary>YAML 1.1 implicit typing of an unquoted scalar, as PyYAML's SafeLoader resolves it.</summary>
    internal static object? ResolvePlain(string s)
    {
        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON": return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF": return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }
        if (TryInt(s, out var l)) return l;
        if (Sexagesimal().IsMatch(s)) return SexagesimalValue(s);
        if (FloatPattern().IsMatch(s) && double.TryParse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return s;
    }

    private static bool TryInt(string s, out long value)
    {
        value = 0;
        var body = s;
        var negative = false;
        if (body.StartsWith('-') || body.StartsWith('+')) { negative = body[0] == '-'; body = body[1..]; }
        if (body.Length == 0 || !char.IsAsciiDigit(body[0])) return false;
        body = body.Replace("_", "");
        bool ok;
        if (body.StartsWith("0x")) ok = long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        else if (body.StartsWith("0b")) { ok = body.Length > 2 && body[2..].All(c => c is '0' or '1'); if (ok) value = System.Convert.ToInt64(body[2..], 2); }
        else if (body.Length > 1 && body[0] == '0') { ok = body.All(c => c is >= '0' and <= '7'); if (ok) value = System.Convert.ToInt64(body, 8); }
        else ok = body.All(char.IsAsciiDigit) && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (ok && negative) value = -value;
        return ok;
    }

    // PyYAML's YAML 1.1 float: a dot is required, and an exponent needs its sign ("1.0e+3"; "1e3" stays a string).
    [GeneratedRegex(@"^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+][0-9]+)?$")]
    private static partial Regex FloatPattern();

    // YAML 1.1 base-60 integers: "1:30" is 90.
    [GeneratedRegex(@"^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$")]
    private static partial Regex Sexagesimal();

    private static long SexagesimalValue(string s)
    {
        var negative = s.StartsWith('-');
        long value = 0;
        foreach (var part in s.TrimStart('-', '+').Replace("_", "").Split(':'))
            value = value * 60 + long.Parse(part, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
