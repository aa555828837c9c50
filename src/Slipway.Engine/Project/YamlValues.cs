using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Engine.Project;

/// <summary>
/// Reads YAML into plain values the way dbt sees them through PyYAML's safe loader (YAML 1.1 scalars:
/// <c>yes</c>/<c>on</c> are booleans, <c>~</c> is null): mappings become <see cref="OrderedDictionary{TKey,TValue}"/>
/// keyed by string, sequences <see cref="List{T}"/>, scalars string/long/double/bool/null. Every node's position is kept
/// by key path so errors found after loading can still name line and column.
/// </summary>
internal sealed class YamlValues
{
    private readonly Dictionary<string, Mark> _marks = new(StringComparer.Ordinal);

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
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ProjectException(file, (int)e.Start.Line, (int)e.Start.Column,
                $"is not valid YAML: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
        var values = new YamlValues(file, null);
        if (stream.Documents.Count > 0) values.Root = values.Convert(stream.Documents[0].RootNode, "");
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

    private object? Convert(YamlNode node, string path)
    {
        _marks.TryAdd(path, node.Start);
        switch (node)
        {
            case YamlMappingNode map:
                var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Children)
                {
                    var key = k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString();
                    var childPath = path.Length == 0 ? key : path + '\u001f' + key;
                    _marks[childPath] = k.Start;
                    dict[key] = Convert(v, childPath);
                    _marks[childPath] = k.Start;
                }
                return dict;
            case YamlSequenceNode seq:
                var list = new List<object?>(seq.Children.Count);
                for (var i = 0; i < seq.Children.Count; i++)
                    list.Add(Convert(seq.Children[i], path + '\u001f' + i.ToString(CultureInfo.InvariantCulture)));
                return list;
            case YamlScalarNode scalar:
                return scalar.Style is ScalarStyle.Plain ? ResolvePlain(scalar.Value ?? "") : scalar.Value ?? "";
            default:
                return null;
        }
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
        if (LooksLikeFloat(s) && double.TryParse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
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

    // PyYAML 1.1 floats need a dot ("1.5", "1.", ".5", "1.0e+3"); "1e3" without a dot stays a string.
    private static bool LooksLikeFloat(string s)
    {
        var body = s.TrimStart('+', '-');
        if (!body.Contains('.')) return false;
        var mantissa = body.Split('e', 'E')[0];
        return mantissa.Any(char.IsAsciiDigit) && mantissa.All(c => char.IsAsciiDigit(c) || c is '.' or '_')
            && mantissa.Count(c => c == '.') == 1;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
