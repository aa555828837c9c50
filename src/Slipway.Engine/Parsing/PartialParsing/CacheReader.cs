using System.Text;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>Reads what <see cref="CacheWriter"/> wrote; any inconsistency throws <see cref="InvalidDataException"/>.</summary>
internal sealed class CacheReader(Stream stream)
{
    private readonly BinaryReader _r = new(stream, Encoding.UTF8, leaveOpen: true);
    private readonly List<string> _strings = [];

    public int Int() => _r.Read7BitEncodedInt();

    /// <summary>A count of items that follow, each at least one byte: a damaged file cannot ask for a huge allocation.</summary>
    public int Count()
    {
        var n = Int();
        return n <= _r.BaseStream.Length - _r.BaseStream.Position ? n : throw new InvalidDataException("count beyond the end of the file");
    }
    public long Long() => _r.Read7BitEncodedInt64();
    public bool Bool() => _r.ReadBoolean();
    public double Double() => _r.ReadDouble();
    public byte[] Bytes() => _r.ReadBytes(Count());

    public string? Str()
    {
        var tag = Int();
        if (tag == 0) return null;
        if (tag >= 2) return tag - 2 < _strings.Count ? _strings[tag - 2] : throw new InvalidDataException("bad string reference");
        var s = _r.ReadString();
        if (s.Length <= CacheWriter.MaxShared) _strings.Add(s);
        return s;
    }

    public string Req() => Str() ?? throw new InvalidDataException("unexpected null string");

    public List<string>? StrListOrNull()
    {
        var n = Count();
        if (n < 0) return null;
        var list = new List<string>(n);
        for (var i = 0; i < n; i++) list.Add(Req());
        return list;
    }

    public List<string> StrList() => StrListOrNull() ?? [];

    public OrderedDictionary<string, object?>? DictOrNull()
    {
        var n = Count();
        if (n < 0) return null;
        var d = new OrderedDictionary<string, object?>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) d.Add(Req(), Value());
        return d;
    }

    public OrderedDictionary<string, object?> Dict() => DictOrNull() ?? new(StringComparer.Ordinal);

    public List<object?> List()
    {
        var n = Count();
        if (n < 0) return [];
        var list = new List<object?>(n);
        for (var i = 0; i < n; i++) list.Add(Value());
        return list;
    }

    // Not `(bool?)Value()`: ReadyToRun cannot precompile a method that unboxes to a nullable primitive, so the
    // node decoder would be JIT-compiled at every warm start.
    public bool? NullableBool() => Value() switch
    {
        null => null,
        bool b => b,
        var other => throw new InvalidDataException($"expected a boolean, found {other.GetType().Name}"),
    };

    public int? NullableInt() => Value() switch
    {
        null => null,
        int i => i,
        var other => throw new InvalidDataException($"expected an integer, found {other.GetType().Name}"),
    };

    public object? Value()
    {
        var tag = (ValueTag)_r.ReadByte();
        switch (tag)
        {
            case ValueTag.Null: return null;
            case ValueTag.String: return Str();
            case ValueTag.True: return true;
            case ValueTag.False: return false;
            case ValueTag.Long: return Long();
            case ValueTag.Int: return (int)Long();
            case ValueTag.Double: return Double();
            case ValueTag.OrderedDict: return DictOrNull();
            case ValueTag.Dict:
                var n = Count();
                var d = new Dictionary<string, object?>(n, StringComparer.Ordinal);
                for (var i = 0; i < n; i++) d.Add(Req(), Value());
                return d;
            case ValueTag.List: return List();
            case ValueTag.StringList: return StrListOrNull();
            case ValueTag.StringArray: return StrListOrNull()?.ToArray();
            case ValueTag.ObjectArray:
                var array = new object?[Count()];
                for (var i = 0; i < array.Length; i++) array[i] = Value();
                return array;
            default: throw new InvalidDataException($"unknown value tag {(int)tag}");
        }
    }
}
