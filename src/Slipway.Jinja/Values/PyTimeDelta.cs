using System.Globalization;

namespace Slipway.Jinja.Values;

/// <summary>Python's datetime.timedelta: a signed count of microseconds shown as days, seconds and microseconds.</summary>
internal sealed class PyTimeDelta(long total) : IPyObject, IPyOperand, IJinjaObject
{
    public const long MicrosPerDay = 86_400_000_000L;

    /// <summary>The whole duration in microseconds.</summary>
    public long Total { get; } = total;

    public long Days => Py.FloorDiv(Total, MicrosPerDay);
    public long Seconds => (Total - Days * MicrosPerDay) / 1_000_000;
    public long Microseconds => (Total - Days * MicrosPerDay) % 1_000_000;

    /// <summary>timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks), fractions rounded half to even.</summary>
    public static PyTimeDelta Create(Arguments a)
    {
        string[] names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];
        double[] scale = [MicrosPerDay, 1e6, 1, 1e3, 6e7, 3.6e9, 7 * MicrosPerDay];
        long whole = 0;
        double fraction = 0;
        for (var i = 0; i < names.Length; i++)
        {
            if (!a.Has(i, names[i])) continue;
            var v = a.Get(i, names[i]);
            if (Py.IsInt(v)) whole = checked(whole + Py.ToLong(v) * (long)scale[i]);
            else if (v is double d) fraction += d * scale[i];
            else throw Py.TypeError($"unsupported type for timedelta {names[i]} component: {Py.TypeName(v)}");
        }
        return new PyTimeDelta(whole + (long)Math.Round(fraction, MidpointRounding.ToEven));
    }

    public string PyTypeName => "datetime.timedelta";

    public string PyRepr()
    {
        var parts = new List<string>();
        if (Days != 0) parts.Add($"days={Days}");
        if (Seconds != 0) parts.Add($"seconds={Seconds}");
        if (Microseconds != 0) parts.Add($"microseconds={Microseconds}");
        return $"datetime.timedelta({(parts.Count == 0 ? "0" : string.Join(", ", parts))})";
    }

    public string PyStr()
    {
        var s = Seconds;
        var text = $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}";
        if (Microseconds != 0) text += "." + Microseconds.ToString("000000", CultureInfo.InvariantCulture);
        if (Days != 0) text = $"{Days} day{(Math.Abs(Days) == 1 ? "" : "s")}, " + text;
        return text;
    }

    public override string ToString() => PyStr();
    public override bool Equals(object? obj) => obj is PyTimeDelta t && t.Total == Total;
    public override int GetHashCode() => Total.GetHashCode();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "days" => Days,
            "seconds" => Seconds,
            "microseconds" => Microseconds,
            "total_seconds" => new BoundMethod("datetime.timedelta", name, _ => Total / 1e6),
            _ => null,
        };
        return value is not null;
    }

    public bool TryBinary(string op, object? other, bool reflected, out object? result)
    {
        result = null;
        switch (op, other)
        {
            case ("+", PyTimeDelta t): result = new PyTimeDelta(Total + t.Total); break;
            case ("-", PyTimeDelta t): result = new PyTimeDelta(reflected ? t.Total - Total : Total - t.Total); break;
            case ("*", _) when Py.IsInt(other): result = new PyTimeDelta(checked(Total * Py.ToLong(other))); break;
            case ("*", double d): result = new PyTimeDelta((long)Math.Round(Total * d, MidpointRounding.ToEven)); break;
            case ("/", PyTimeDelta t) when !reflected:
                if (t.Total == 0) throw new JinjaRuntimeException("division by zero", "ZeroDivisionError");
                result = (double)Total / t.Total;
                break;
            case ("//", PyTimeDelta t) when !reflected:
                if (t.Total == 0) throw new JinjaRuntimeException("integer division or modulo by zero", "ZeroDivisionError");
                result = Py.FloorDiv(Total, t.Total);
                break;
            case ("/", _) when !reflected && Py.IsNumber(other):
                var divisor = Py.ToDouble(other);
                if (divisor == 0) throw new JinjaRuntimeException("division by zero", "ZeroDivisionError");
                result = new PyTimeDelta((long)Math.Round(Total / divisor, MidpointRounding.ToEven));
                break;
            case ("//", _) when !reflected && Py.IsInt(other):
                if (Py.ToLong(other) == 0) throw new JinjaRuntimeException("integer division or modulo by zero", "ZeroDivisionError");
                result = new PyTimeDelta(Py.FloorDiv(Total, Py.ToLong(other)));
                break;
        }
        return result is not null;
    }

    public int? CompareTo(object? other, string op) => other is PyTimeDelta t ? Total.CompareTo(t.Total) : null;
}

/// <summary>Python's datetime.timezone: a fixed UTC offset.</summary>
internal sealed class PyTimeZone(TimeSpan offset) : IPyObject, IJinjaObject
{
    public static readonly PyTimeZone Utc = new(TimeSpan.Zero);

    public TimeSpan Offset { get; } = offset;

    public string PyTypeName => "datetime.timezone";

    public string PyRepr() => Offset == TimeSpan.Zero
        ? "datetime.timezone.utc"
        : $"datetime.timezone({new PyTimeDelta(Offset.Ticks / 10).PyRepr()})";

    public string PyStr() => Offset == TimeSpan.Zero ? "UTC" : "UTC" + OffsetText(Offset, ":");

    /// <summary>"+05:30" (with a separator) or "+0530": how %z and isoformat() print an offset.</summary>
    public static string OffsetText(TimeSpan offset, string separator)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var o = offset.Duration();
        var text = $"{sign}{o.Hours + o.Days * 24:00}{separator}{o.Minutes:00}";
        if (o.Seconds != 0) text += $"{separator}{o.Seconds:00}";
        return text;
    }

    public override bool Equals(object? obj) => obj is PyTimeZone z && z.Offset == Offset;
    public override int GetHashCode() => Offset.GetHashCode();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "utcoffset" => new BoundMethod("datetime.timezone", name, _ => new PyTimeDelta(Offset.Ticks / 10)),
            "tzname" => new BoundMethod("datetime.timezone", name, _ => PyStr()),
            _ => null,
        };
        return value is not null;
    }
}
