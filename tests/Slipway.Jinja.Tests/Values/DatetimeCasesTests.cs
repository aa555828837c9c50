using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Values;

/// <summary>
/// dbt's <c>modules.datetime</c> against Python's datetime module: DatetimeCases.tsv holds what Jinja2 renders
/// for each template (generate_datetime_cases.py).
/// </summary>
public sealed class DatetimeCasesTests
{
    public static IEnumerable<object[]> Cases() =>
        CaseFile.ReadLines("Values/DatetimeCases.tsv").Where(l => l.Length > 0).Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPythonDatetime(string line)
    {
        var columns = line.Split('\t').Select(CaseFile.Decode).ToArray();
        var context = new Dictionary<string, object?>
        {
            ["modules"] = new Dictionary<string, object?> { ["datetime"] = new PyDatetimeModule(), ["re"] = new PyReModule() },
        };
        string actual;
        try
        {
            actual = new JinjaEnvironment().FromString(columns[0]).Render(context);
        }
        catch (TemplateError e)
        {
            actual = $"!!{e.Kind}: {e.Description}";
        }
        Assert.True(columns[1] == actual, $"{columns[0]}\n  expected: {columns[1]}\n  actual:   {actual}");
    }

    [Fact]
    public void NowComesFromTheClock()
    {
        var module = new PyDatetimeModule(() => new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        var context = new Dictionary<string, object?> { ["modules"] = new Dictionary<string, object?> { ["datetime"] = module } };
        var text = new JinjaEnvironment().FromString("{{ modules.datetime.datetime.utcnow() }}|{{ modules.datetime.date.today() }}").Render(context);
        Assert.Equal("2024-06-01 12:00:00|2024-06-01", text);
    }

    [Fact]
    public void HostDatesBecomePythonDatetimes()
    {
        // python3: str(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)), str(date(2024, 1, 2)), str(timedelta(hours=26))
        Assert.Equal("2024-01-02 03:04:05+00:00", Py.ToStr(Py.FromHost(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc))));
        Assert.Equal("2024-01-02 03:04:05", Py.ToStr(Py.FromHost(new DateTime(2024, 1, 2, 3, 4, 5))));
        Assert.Equal("2024-01-02", Py.ToStr(Py.FromHost(new DateOnly(2024, 1, 2))));
        Assert.Equal("1 day, 2:00:00", Py.ToStr(Py.FromHost(TimeSpan.FromHours(26))));
    }
}
