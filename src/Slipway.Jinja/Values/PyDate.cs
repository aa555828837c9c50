using System.Globalization;

namespace Slipway.Jinja.Values;

/// <summary>Python's datetime.date.</summary>
internal sealed class PyDate(DateOnly date) : IPyObject, IPyOperand, IJinjaObject
{
    public DateOnly Date { get; } = date;

    public static PyDate Create(Arguments a) =>
        new(MakeDate(a.Get(0, "year"), a.Get(1, "month"), a.Get(2, "day")));

    internal static DateOnly MakeDate(object? year, object? month, object? day)
    {
        int y = (int)Py.IntArg(year), m = (int)Py.IntArg(month), d = (int)Py.IntArg(day);
        if (y < 1 || y > 9999) throw Py.ValueError($"year {y} is out of range");
        if (m < 1 || m > 12) throw Py.ValueError("month must be in 1..12");
        if (d < 1 || d > DateTime.DaysInMonth(y, m)) throw Py.ValueError("day is out of range for month");
        return new DateOnly(y, m, d);
    }

    public string PyTypeName => "datetime.date";
    public string PyRepr() => $"datetime.date({Date.Year}, {Date.Month}, {Date.Day})";
    public string PyStr() => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public override string ToString() => PyStr();
    public override bool Equals(object? obj) => obj is PyDate d && d.Date == Date;
    public override int GetHashCode() => Date.GetHashCode();

    public bool TryGetAttribute(string name, out object? value)
    {
        var midnight = Date.ToDateTime(TimeOnly.MinValue);
        value = name switch
        {
            "year" => (long)Date.Year,
            "month" => (long)Date.Month,
            "day" => (long)Date.Day,
            "isoformat" => new BoundMethod(PyTypeName, name, _ => PyStr()),
            "strftime" => new BoundMethod(PyTypeName, name, a => PyStrftime.Format(midnight, null, Py.PlainStrArg(a.Get(0, "format")))),
            "weekday" => new BoundMethod(PyTypeName, name, _ => (long)(((int)Date.DayOfWeek + 6) % 7)),
            "isoweekday" => new BoundMethod(PyTypeName, name, _ => (long)(((int)Date.DayOfWeek + 6) % 7 + 1)),
            "toordinal" => new BoundMethod(PyTypeName, name, _ => (long)Date.DayNumber + 1),
            "replace" => new BoundMethod(PyTypeName, name, a => new PyDate(MakeDate(
                a.Get(0, "year", (long)Date.Year), a.Get(1, "month", (long)Date.Month), a.Get(2, "day", (long)Date.Day)))),
            _ => null,
        };
        return value is not null;
    }

    public bool TryBinary(string op, object? other, bool reflected, out object? result)
    {
        result = null;
        switch (op, other)
        {
            case ("+", PyTimeDelta t): result = Shift(t.Days); break;
            case ("-", PyTimeDelta t) when !reflected: result = Shift(-t.Days); break;
            case ("-", PyDate d) when !reflected: result = new PyTimeDelta((Date.DayNumber - d.Date.DayNumber) * PyTimeDelta.MicrosPerDay); break;
        }
        return result is not null;
    }

    private PyDate Shift(long days)
    {
        var n = Date.DayNumber + days;
        if (n < DateOnly.MinValue.DayNumber || n > DateOnly.MaxValue.DayNumber) throw new JinjaRuntimeException("date value out of range", "OverflowError");
        return new PyDate(DateOnly.FromDayNumber((int)n));
    }

    public int? CompareTo(object? other, string op) => other switch
    {
        PyDateTime => throw Py.TypeError($"can't compare datetime.date to datetime.datetime"),
        PyDate d => Date.CompareTo(d.Date),
        _ => null,
    };
}
