using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.DuckDb.Tests.Seeds;

// Expected types follow dbt's documented inference: Integer, Number, Date (%Y-%m-%d), DateTime
// (%Y-%m-%d %H:%M:%S), ISO datetime, Boolean (true/false), Text, first that fits every non-null value; SQL
// types from dbt's SQL adapter (integer, float8 when any decimals, date, timestamp without time zone, boolean, text).
public class SeedTypeInferenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slipway-seed-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private SeedTable Read(string csv, string delimiter = ",")
    {
        var path = Path.Combine(_dir, "s.csv");
        File.WriteAllText(path, csv);
        return SeedFile.Read(path, delimiter);
    }

    private static string Sql(SeedColumn c) => c.Kind switch
    {
        SeedValueKind.Integer => "integer",
        SeedValueKind.Number => c.HasDecimals ? "float8" : "integer",
        SeedValueKind.Date => "date",
        SeedValueKind.DateTime or SeedValueKind.IsoDateTime => "timestamp without time zone",
        SeedValueKind.Boolean => "boolean",
        _ => "text",
    };

    [Theory]
    [InlineData("1|2|-3", "integer")]
    [InlineData("1|2.5|3", "float8")]
    [InlineData("1.0|2", "float8")]
    [InlineData("2024-01-05|2024-12-31", "date")]
    [InlineData("2024-01-05 10:00:00|2024-01-06 23:59:59", "timestamp without time zone")]
    [InlineData("2024-01-05T10:00:00|2024-01-05T10:00:00Z", "timestamp without time zone")]
    [InlineData("true|false|True", "boolean")]
    [InlineData("yes|no", "text")]
    [InlineData("1|abc", "text")]
    [InlineData("2024-02-30", "text")]
    [InlineData("|null|NULL", "integer")]
    [InlineData("007|8", "integer")]
    [InlineData("2024-01-05|2024-01-05 10:00:00", "text")]
    // Python's int(), Decimal() and strptime() decide these (checked with python3).
    [InlineData("1_000|7", "integer")]
    [InlineData("1e3|2", "integer")]
    [InlineData("1.5e1", "integer")]
    [InlineData("-.5|1", "float8")]
    [InlineData("\"$1,000.50\"|2", "float8")]
    [InlineData(".|1", "text")]
    [InlineData("1e|1", "text")]
    [InlineData("2024-1-5", "date")]
    [InlineData("24-01-05", "text")]
    [InlineData("2024-01-05 1:2:3", "timestamp without time zone")]
    public void Infers_the_sql_type(string cells, string expected)
    {
        var t = Read("c\n" + string.Join("\n", cells.Split('|')) + "\n");
        Assert.Equal(expected, Sql(t.Columns[0]));
    }

    [Fact]
    public void Empty_and_null_cells_are_null_and_quotes_are_removed()
    {
        var t = Read("a,b,c\n\"x, y\",,null\n\"say \"\"hi\"\"\",NULL, \n");
        Assert.Equal(["a", "b", "c"], t.Header);
        Assert.Equal("x, y", t.Rows[0][0]);
        Assert.Null(t.Rows[0][1]);
        Assert.Null(t.Rows[0][2]);
        Assert.Equal("say \"hi\"", t.Rows[1][0]);
        Assert.Null(t.Rows[1][2]);
    }

    [Fact]
    public void Delimiter_and_bom_are_honoured()
    {
        var t = Read("\uFEFFid;name\n1;a\n2;b\n", ";");
        Assert.Equal(["id", "name"], t.Header);
        Assert.Equal(SeedValueKind.Integer, t.Columns[0].Kind);
        Assert.Equal(SeedValueKind.Text, t.Columns[1].Kind);
    }

    [Fact]
    public void Iso_datetime_with_offset_becomes_utc()
    {
        Assert.True(SeedTypeInference.TryIsoDateTime("2024-01-05T10:30:00+02:00", out var v));
        Assert.Equal(new DateTime(2024, 1, 5, 8, 30, 0), v);
    }
}
