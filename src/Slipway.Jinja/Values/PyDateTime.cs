using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

/// <summary>
/// Python's datetime.datetime: a wall-clock time to the microsecond, naive (<see cref="Offset"/> null) or aware
/// (with a fixed UTC offset, printed as Python's timezone prints it).
/// </summary>
internal sealed class PyDateTime : IPyObject, IPyOperand, IJinjaObject
{
    public PyDateTime(DateTime local, TimeSpan? offset)
    {
        // Python keeps microseconds; .NET ticks are finer.
        Local = new DateTime(local.Ticks - local.Ticks % 10, DateTimeKind.Unspecified);
        Offset = offset;
    }

    public DateTime Local { get; }
    public TimeSpan? Offset { get; }
    public long Microsecond => Local.Ticks % TimeSpan.TicksPerSecond / 10;

    public static PyDateTime Create(Arguments a)
    {
        var date = PyDate.MakeDate(a.Get(0, "year"), a.Get(1, "month"), a.Get(2, "day"));
        string[] names = ["hour", "minute", "second", "microsecond"];
        long[] limits = [23, 59, 59, 999_999];
        var parts = new long[4];
        for (var i = 0; i < 4; i++)
        {
            parts[i] = a.Has(3 + i, names[i]) ? Py.IntArg(a.Get(3 + i, names[i])) : 0;
            if (parts[i] < 0 || parts[i] > limits[i]) throw Py.ValueError($"{names[i]} must be in 0..{limits[i]}");
        }
        var local = date.ToDateTime(new TimeOnly((int)parts[0], (int)parts[1], (int)parts[2])).AddTicks(parts[3] * 10);
        return new PyDateTime(local, TimeZoneArg(a.Get(7, "tzinfo")));
    }

    internal static TimeSpan? TimeZoneArg(object? tz) => tz switch
    {
        null => null,
        PyTimeZone z => z.Offset,
        _ => throw Py.TypeError($"tzinfo argument must be None or of a tzinfo subclass, not type '{Py.TypeName(tz)}'"),
    };

    public string PyTypeName => "datetime.datetime";

    public string PyRepr()
    {
        var sb = new StringBuilder($"datetime.datetime({Local.Year}, {Local.Month}, {Local.Day}, {Local.Hour}, {Local.Minute}");
        if (Local.Second != 0 || Microsecond != 0) sb.Append(", ").Append(Local.Second);
        if (Microsecond != 0) sb.Append(", ").Append(Microsecond);
        if (Offset is { } o) sb.Append(", tzinfo=").Append(new PyTimeZone(o).PyRepr());
        return sb.Append(')').ToString();
    }

    public string PyStr() => IsoFormat(" ");

    public string IsoFormat(string separator)
    {
        var text = Local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator + Local.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (Microsecond != 0) text += "." + Microsecond.ToString("000000", CultureInfo.InvariantCulture);
        if (Offset is { } o) text += PyTimeZone.OffsetText(o, ":");
        return text;
    }

    public override string ToString() => PyStr();

    /// <summary>The instant in UTC (naive values are taken as UTC, the container's zone).</summary>
    private DateTime Utc => Local - (Offset ?? TimeSpan.Zero);

    public override bool Equals(object? obj) => obj is PyDateTime d && (d.Offset is null) == (Offset is null) && d.Utc == Utc;
    public override int GetHashCode() => Utc.GetHashCode();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "year" => (long)Local.Year,
            "month" => (long)Local.Month,
            "day" => (long)Local.Day,
            "hour" => (long)Local.Hour,
            "minute" => (long)Local.Minute,
            "second" => (long)Local.Second,
            "microsecond" => Microsecond,
            "tzinfo" => Offset is { } o ? new PyTimeZone(o) : Missing.None,
            "isoformat" => new BoundMethod(PyTypeName, name, a => IsoFormat(Py.PlainStrArg(a.Get(0, "sep", "T")))),
            "strftime" => new BoundMethod(PyTypeName, name, a => PyStrftime.Format(Local, Offset, Py.PlainStrArg(a.Get(0, "format")))),
            "date" => new BoundMethod(PyTypeName, name, _ => new PyDate(DateOnly.FromDateTime(Local))),
            "weekday" => new BoundMethod(PyTypeName, name, _ => (long)(((int)Local.DayOfWeek + 6) % 7)),
            "isoweekday" => new BoundMethod(PyTypeName, name, _ => (long)(((int)Local.DayOfWeek + 6) % 7 + 1)),
            "timestamp" => new BoundMethod(PyTypeName, name, _ => (Utc - DateTime.UnixEpoch).Ticks / 10 / 1e6),
            "utcoffset" => new BoundMethod(PyTypeName, name, _ => Offset is { } o ? new PyTimeDelta(o.Ticks / 10) : null),
            "astimezone" => new BoundMethod(PyTypeName, name, a =>
            {
                var target = TimeZoneArg(a.Get(0, "tz")) ?? TimeSpan.Zero;
                return new PyDateTime(Utc + target, target);
            }),
            "replace" => new BoundMethod(PyTypeName, name, Replace),
            _ => null,
        };
        if (value is Missing) value = null;
        else if (value is null) return false;
        return true;
    }

    /// <summary>Stands for an attribute whose value is None (so lookup succeeds with null).</summary>
    private sealed class Missing
    {
        public static readonly Missing None = new();
    }

    private PyDateTime Replace(Arguments a)
    {
        var args = new Dictionary<string, object?>
        {
            ["year"] = (long)Local.Year, ["month"] = (long)Local.Month, ["day"] = (long)Local.Day,
            ["hour"] = (long)Local.Hour, ["minute"] = (long)Local.Minute, ["second"] = (long)Local.Second,
            ["microsecond"] = Microsecond, ["tzinfo"] = Offset is { } o ? new PyTimeZone(o) : null,
        };
        string[] order = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"];
        for (var i = 0; i < a.Positional.Count && i < order.Length; i++) args[order[i]] = a.Positional[i];
        foreach (var kv in a.Keyword)
        {
            if (!args.ContainsKey(kv.Key)) throw Py.TypeError($"'{kv.Key}' is an invalid keyword argument for replace()");
            args[kv.Key] = kv.Value;
        }
        return Create(new Arguments([], args));
    }

    public bool TryBinary(string op, object? other, bool reflected, out object? result)
    {
        result = null;
        switch (op, other)
        {
            case ("+", PyTimeDelta t): result = Shift(t.Total); break;
            case ("-", PyTimeDelta t) when !reflected: result = Shift(-t.Total); break;
            case ("-", PyDateTime d):
                if ((d.Offset is null) != (Offset is null)) throw Py.TypeError("can't subtract offset-naive and offset-aware datetimes");
                var micros = (Utc - d.Utc).Ticks / 10;
                result = new PyTimeDelta(reflected ? -micros : micros);
                break;
        }
        return result is not null;
    }

    private PyDateTime Shift(long micros)
    {
        try
        {
            return new PyDateTime(Local.AddTicks(checked(micros * 10)), Offset);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new JinjaRuntimeException("date value out of range", "OverflowError");
        }
    }

    public int? CompareTo(object? other, string op) => other switch
    {
        PyDateTime d when (d.Offset is null) != (Offset is null) => throw Py.TypeError("can't compare offset-naive and offset-aware datetimes"),
        PyDateTime d => Utc.CompareTo(d.Utc),
        PyDate => throw Py.TypeError("can't compare datetime.datetime to datetime.date"),
        _ => null,
    };
}
