using System.Globalization;
using System.Text;
using Slipway.Adapters.Columns;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.Conformance;

public abstract class SeedConformance : AdapterTestBase
{
    private static string BigCsv(int rows)
    {
        var sb = new StringBuilder("id,amount,name,day,at,flag,empty,zip\n");
        for (var i = 1; i <= rows; i++)
        {
            var day = new DateTime(2024, 1, 1).AddDays(i % 365);
            sb.Append(CultureInfo.InvariantCulture,
                $"{i},{i % 100}.25,\"name {i}, the {i}th\",{day:yyyy-MM-dd},{day:yyyy-MM-dd} 10:{i % 60:00}:00,{(i % 2 == 0 ? "true" : "false")},,0{i % 9000 + 1000}\n");
        }
        return sb.ToString();
    }

    private IReadOnlyList<Column> Columns(string table) =>
        Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, table));

    [Fact]
    public void Loads_thousands_of_rows_with_dbt_inferred_types()
    {
        var table = SeedFile.Read(WriteFile("orders.csv", BigCsv(5000)));
        Assert.Equal(["integer", "float8", "text", "date", "timestamp without time zone", "boolean", "integer", "integer"],
            table.Columns.Select(Adapter.ConvertType));
        var response = Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "orders"), table, new SeedLoadOptions());
        Assert.Equal(5000, response.RowsAffected);
        var cols = Columns("orders");
        Assert.Equal(["id", "amount", "name", "day", "at", "flag", "empty", "zip"], cols.Select(c => c.Name));
        Assert.True(cols[0].IsInteger && cols[1].IsFloat && cols[2].IsString && cols[6].IsInteger && cols[7].IsInteger);
        Assert.StartsWith("date", cols[3].DType, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("timestamp", cols[4].DType, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("bool", cols[5].DType, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5000, Count("orders"));
        Assert.Equal(12502500L, Convert.ToInt64(Scalar($"select cast(sum(id) as bigint) from {Q("orders")}")));
        Assert.Equal("name 7, the 7th", Scalar($"select name from {Q("orders")} where id = 7"));
        Assert.Equal(2500L, Convert.ToInt64(Scalar($"select count(*) from {Q("orders")} where flag")));
        Assert.Equal(5000L, Convert.ToInt64(Scalar($"select count(*) from {Q("orders")} where empty is null")));
        Assert.Equal("2024-01-08 10:07:00", Scalar($"select cast(\"at\" as varchar) from {Q("orders")} where id = 7"));
        Assert.Equal(RelationType.Table, Adapter.GetRelation(Database, Schema, "orders")!.Type);
    }

    [Fact]
    public void Column_types_override_inference_and_keep_leading_zeros()
    {
        var table = SeedFile.Read(WriteFile("zips.csv", "zip,price\n01234,1.50\n98765,2\n"));
        Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "zips"), table,
            new SeedLoadOptions(new Dictionary<string, string> { ["zip"] = "varchar(5)", ["price"] = "decimal(10,2)" }));
        var cols = Columns("zips");
        Assert.True(cols[0].IsString);
        Assert.True(cols[1].IsNumeric);
        Assert.Equal("01234", Scalar($"select zip from {Q("zips")} order by zip limit 1"));
        Assert.Equal(3.50m, Convert.ToDecimal(Scalar($"select sum(price) from {Q("zips")}"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Reloading_appends_into_the_existing_table()
    {
        var rel = Adapter.CreateRelation(Database, Schema, "s");
        var table = SeedFile.Read(WriteFile("s.csv", "a,b\n1,x\n2,y\n"));
        Adapter.LoadSeed(rel, table, new SeedLoadOptions());
        Adapter.TruncateRelation(rel);
        Adapter.LoadSeed(rel, table, new SeedLoadOptions(Create: false));
        Assert.Equal(2, Count("s"));
    }

    [Fact]
    public void Quote_columns_false_leaves_names_bare()
    {
        var table = SeedFile.Read(WriteFile("q.csv", "first name,id\nann,1\n"));
        // Unquoted, a name with a space is a syntax error, as in dbt with quote_columns: false.
        Assert.Throws<AdapterException>(() => Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "q"), table, new SeedLoadOptions(QuoteColumns: false)));
        Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "q"), table, new SeedLoadOptions(QuoteColumns: true));
        Assert.Equal("ann", Scalar($"select \"first name\" from {Q("q")}"));
    }

    [Fact]
    public void Integers_beyond_the_integer_type_fail_with_line_and_column()
    {
        var table = SeedFile.Read(WriteFile("big.csv", "n\n1\n3000000000\n"));
        var e = Assert.Throws<AdapterException>(() => Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "big"), table, new SeedLoadOptions()));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'n'", e.Message);
    }
}
