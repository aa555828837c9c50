using System.Text;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// Writes the partial-parse cache's primitives: 7-bit lengths, strings through a table (the same package names,
/// config keys and paths repeat tens of thousands of times, and the reader then shares one string instance), and
/// the manifest's plain-data values. A value of a type it does not know throws <see cref="NotSupportedException"/>:
/// then no cache is written and the next start parses fully, which is always correct.
/// </summary>
internal sealed class CacheWriter(Stream stream)
{
    private readonly BinaryWriter _w = new(stream, Encoding.UTF8, leaveOpen: true);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    /// <summary>Strings up to this length go into the table (the reader applies the same rule).</summary>
    public const int MaxShared = 256;

    public void Int(int value) => _w.Write7BitEncodedInt(value);
    public void Long(long value) => _w.Write7BitEncodedInt64(value);
    public void Bool(bool value) => _w.Write(value);
    public void Double(double value) => _w.Write(value);
    public void Bytes(byte[] value) { Int(value.Length); _w.Write(value); }
    public void Bytes(ArraySegment<byte> value) { Int(value.Count); _w.Write(value.AsSpan()); }
    public void Flush() => _w.Flush();

    /// <summary>0 = null; 1 = new string follows (and joins the table); n ≥ 2 = table entry n - 2.</summary>
    public void Str(string? value)
    {
        if (value is null) { Int(0); return; }
        if (_strings.TryGetValue(value, out var index)) { Int(index + 2); return; }
        Int(1);
        _w.Write(value);
        // Short strings repeat (names, keys, paths); long ones (SQL) rarely do and would only grow the table.
        if (value.Length <= MaxShared) _strings[value] = _strings.Count;
    }

    public void StrList(IReadOnlyCollection<string>? list)
    {
        if (list is null) { Int(-1); return; }
        Int(list.Count);
        foreach (var s in list) Str(s);
    }

    public void Dict(OrderedDictionary<string, object?>? dict)
    {
        if (dict is null) { Int(-1); return; }
        Int(dict.Count);
        foreach (var (k, v) in dict) { Str(k); Value(v); }
    }

    public void List(List<object?>? list)
    {
        if (list is null) { Int(-1); return; }
        Int(list.Count);
        foreach (var v in list) Value(v);
    }

    /// <summary>A plain-data value, tagged with its exact type so the reader rebuilds the same type.</summary>
    public void Value(object? value)
    {
        switch (value)
        {
            case null: _w.Write((byte)ValueTag.Null); break;
            case string s: _w.Write((byte)ValueTag.String); Str(s); break;
            case bool b: _w.Write((byte)(b ? ValueTag.True : ValueTag.False)); break;
            case long l: _w.Write((byte)ValueTag.Long); Long(l); break;
            case int i: _w.Write((byte)ValueTag.Int); Long(i); break;
            case double d: _w.Write((byte)ValueTag.Double); Double(d); break;
            case OrderedDictionary<string, object?> od: _w.Write((byte)ValueTag.OrderedDict); Dict(od); break;
            case Dictionary<string, object?> dd:
                _w.Write((byte)ValueTag.Dict);
                Int(dd.Count);
                foreach (var (k, v) in dd) { Str(k); Value(v); }
                break;
            case List<object?> list: _w.Write((byte)ValueTag.List); List(list); break;
            case List<string> strings: _w.Write((byte)ValueTag.StringList); StrList(strings); break;
            case string[] array: _w.Write((byte)ValueTag.StringArray); StrList(array); break;
            case object?[] objects:
                _w.Write((byte)ValueTag.ObjectArray);
                Int(objects.Length);
                foreach (var v in objects) Value(v);
                break;
            default: throw new NotSupportedException($"partial parsing cannot store a value of type {value.GetType()}");
        }
    }
}

/// <summary>Type tags of <see cref="CacheWriter.Value"/>.</summary>
internal enum ValueTag : byte
{
    Null, String, True, False, Long, Int, Double, OrderedDict, Dict, List, StringList, StringArray, ObjectArray,
}
