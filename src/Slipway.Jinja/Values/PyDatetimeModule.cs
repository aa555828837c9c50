using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

/// <summary>
/// Python's <c>datetime</c> module as dbt exposes it (<c>modules.datetime</c>): the datetime, date, timedelta and
/// timezone classes with their constructors and the class methods templates use (now, utcnow, today,
/// fromisoformat, strptime). <paramref name="clock"/> supplies "now" in UTC so tests can pin it.
/// </summary>
public sealed class PyDatetimeModule(Func<DateTime>? clock = null) : IJinjaObject
{
    private readonly Func<DateTime> _utcNow = clock ?? (() => DateTime.UtcNow);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "datetime" => new PyClass("datetime.datetime", a => PyDateTime.Create(a), DateTimeMember),
            "date" => new PyClass("datetime.date", a => PyDate.Create(a), DateMember),
            "timedelta" => new PyClass("datetime.timedelta", a => PyTimeDelta.Create(a), _ => null),
            "timezone" => new PyClass("datetime.timezone", a => new PyTimeZone(a.Get(0, "offset") is PyTimeDelta t
                ? TimeSpan.FromTicks(t.Total * 10)
                : throw Py.TypeError("timezone() argument 1 must be datetime.timedelta")), n => n == "utc" ? PyTimeZone.Utc : null),
            "MINYEAR" => 1L,
            "MAXYEAR" => 9999L,
            _ => null,
        };
        return value is not null;
    }

    private object? DateTimeMember(string name) => name switch
    {
        "now" => new JinjaFunction("now", a =>
        {
            var tz = PyDateTime.TimeZoneArg(a.Get(0, "tz"));
            return new PyDateTime(_utcNow() + (tz ?? TimeSpan.Zero), tz);
        }),
        "utcnow" => new JinjaFunction("utcnow", _ => new PyDateTime(_utcNow(), null)),
        "today" => new JinjaFunction("today", _ => new PyDateTime(_utcNow(), null)),
        "fromisoformat" => new JinjaFunction("fromisoformat", a => FromIsoFormat(Py.PlainStrArg(a.Get(0, "date_string")))),
        "strptime" => new JinjaFunction("strptime", a => StrPTime(Py.PlainStrArg(a.Get(0, "date_string")), Py.PlainStrArg(a.Get(1, "format")))),
        "min" => new PyDateTime(DateTime.MinValue, null),
        "max" => new PyDateTime(new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990), null),
        _ => null,
    };

    private object? DateMember(string name) => name switch
    {
        "today" => new JinjaFunction("today", _ => new PyDate(DateOnly.FromDateTime(_utcNow()))),
        "fromisoformat" => new JinjaFunction("fromisoformat", a =>
        {
            var s = Py.PlainStrArg(a.Get(0, "date_string"));
            return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new PyDate(d)
                : throw Py.ValueError($"Invalid isoformat string: {Py.Repr(s)}");
        }),
        _ => null,
    };

    private static PyDateTime FromIsoFormat(string s)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];
        var offset = (TimeSpan?)null;
        var text = s;
        if (text.EndsWith('Z')) { offset = TimeSpan.Zero; text = text[..^1]; }
        else if (text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':')
        {
            offset = TimeSpan.ParseExact(text[^5..], "hh\\:mm", CultureInfo.InvariantCulture);
            if (text[^6] == '-') offset = -offset;
            text = text[..^6];
        }
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return new PyDateTime(d, offset);
        throw Py.ValueError($"Invalid isoformat string: {Py.Repr(s)}");
    }

    /// <summary>strptime for the directives dbt projects use, mapped onto .NET's exact parsing.</summary>
    private static PyDateTime StrPTime(string s, string format)
    {
        var pattern = new StringBuilder();
        var hasOffset = false;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                pattern.Append(char.IsLetter(format[i]) ? "'" + format[i] + "'" : format[i] is '\'' or '\\' or ':' or '/' ? "\\" + format[i] : format[i].ToString());
                continue;
            }
            var d = format[++i];
            pattern.Append(d switch
            {
                'Y' => "yyyy", 'm' => "M", 'd' => "d", 'H' => "H", 'M' => "m", 'S' => "s", 'f' => "FFFFFF",
                'y' => "yy", 'b' => "MMM", 'B' => "MMMM", 'a' => "ddd", 'A' => "dddd", 'p' => "tt", 'I' => "h",
                'j' => throw Py.ValueError("strptime: %j is not supported"),
                'z' => "zzz",
                '%' => "\\%",
                _ => throw Py.ValueError($"'{d}' is a bad directive in format '%{d}'"),
            });
            if (d == 'z') hasOffset = true;
        }
        if (DateTimeOffset.TryParseExact(s, pattern.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return new PyDateTime(parsed.DateTime, hasOffset ? parsed.Offset : null);
        throw Py.ValueError($"time data {Py.Repr(s)} does not match format {Py.Repr(format)}");
    }
}

/// <summary>A Python class object: callable to construct, with class attributes (datetime.datetime.now, …).</summary>
internal sealed class PyClass(string qualifiedName, Func<Arguments, object?> construct, Func<string, object?> member)
    : IJinjaCallable, IJinjaObject, IPyObject
{
    public object? Call(Arguments arguments) => construct(arguments);
    public bool TryGetAttribute(string name, out object? value) => (value = member(name)) is not null;
    public string PyTypeName => "type";
    public string PyRepr() => $"<class '{qualifiedName}'>";
}
