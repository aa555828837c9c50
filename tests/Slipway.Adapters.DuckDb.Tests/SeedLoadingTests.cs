using System.Globalization;
using System.Text;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.DuckDb.Tests;

public class SeedLoadingTests
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

    private static List<(string Name, string Type)> Types(TempDuckDb db, string table) =>
        db.Adapter.Execute($"select column_name, data_type from information_schema.columns where table_name = '{table}' order by ordinal_position", fetch: true)
            .Table.Rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    [Fact]
    public void Loads_thousands_of_rows_with_dbt_inferred_types()
    {
        using var db = new TempDuckDb();
        var table = SeedFile.Read(db.WriteFile("orders.csv", BigCsv(5000)));
        var rel = db.Adapter.CreateRelation("dev", "main", "orders");
        var response = db.Adapter.LoadSeed(rel, table, new SeedLoadOptions());
        Assert.Equal(5000, response.RowsAffected);
        // integer, float8, text, date, timestamp, boolean; an all-empty column is integer; 0-prefixed numbers are integers.
        Assert.Equal(
            [("id", "INTEGER"), ("amount", "DOUBLE"), ("name", "VARCHAR"), ("day", "DATE"), ("at", "TIMESTAMP"), ("flag", "BOOLEAN"), ("empty", "INTEGER"), ("zip", "INTEGER")],
            Types(db, "orders"));
        Assert.Equal(5000L, db.Scalar("select count(*) from orders"));
        Assert.Equal(12502500L, Convert.ToInt64(db.Scalar("select sum(id)::bigint from orders")));
        Assert.Equal("name 7, the 7th", db.Scalar("select name from orders where id = 7"));
        Assert.Equal(2500L, db.Scalar("select count(*) from orders where flag"));
        Assert.Equal(5000L, db.Scalar("select count(*) from orders where empty is null"));
        Assert.Equal("2024-01-08 10:07:00", db.Scalar("select \"at\"::varchar from orders where id = 7"));
        Assert.Equal(RelationType.Table, db.Adapter.GetRelation("dev", "main", "orders")!.Type);
    }

    [Fact]
    public void Column_types_override_inference_and_keep_leading_zeros()
    {
        using var db = new TempDuckDb();
        var table = SeedFile.Read(db.WriteFile("zips.csv", "zip,price\n01234,1.50\n98765,2\n"));
        db.Adapter.LoadSeed(db.Adapter.CreateRelation("dev", "main", "zips"), table,
            new SeedLoadOptions(new Dictionary<string, string> { ["zip"] = "varchar(5)", ["price"] = "decimal(10,2)" }));
        Assert.Equal([("zip", "VARCHAR"), ("price", "DECIMAL(10,2)")], Types(db, "zips"));
        Assert.Equal("01234", db.Scalar("select zip from zips order by zip limit 1"));
        Assert.Equal(3.50m, db.Scalar("select sum(price) from zips"));
    }

    [Fact]
    public void Reloading_appends_into_the_existing_table()
    {
        using var db = new TempDuckDb();
        var rel = db.Adapter.CreateRelation("dev", "main", "s");
        var table = SeedFile.Read(db.WriteFile("s.csv", "a,b\n1,x\n2,y\n"));
        db.Adapter.LoadSeed(rel, table, new SeedLoadOptions());
        db.Adapter.TruncateRelation(rel);
        db.Adapter.LoadSeed(rel, table, new SeedLoadOptions(Create: false));
        Assert.Equal(2L, db.Scalar("select count(*) from s"));
    }

    [Fact]
    public void Quote_columns_false_leaves_names_bare()
    {
        using var db = new TempDuckDb();
        var table = SeedFile.Read(db.WriteFile("q.csv", "first name,id\nann,1\n"));
        // Unquoted, a name with a space is a syntax error, as in dbt with quote_columns: false.
        Assert.Throws<AdapterException>(() => db.Adapter.LoadSeed(db.Adapter.CreateRelation("dev", "main", "q"), table, new SeedLoadOptions(QuoteColumns: false)));
        db.Adapter.LoadSeed(db.Adapter.CreateRelation("dev", "main", "q"), table, new SeedLoadOptions(QuoteColumns: true));
        Assert.Equal("ann", db.Scalar("select \"first name\" from q"));
    }

    [Fact]
    public void Integers_beyond_the_integer_type_fail_with_line_and_column()
    {
        using var db = new TempDuckDb();
        var table = SeedFile.Read(db.WriteFile("big.csv", "n\n1\n3000000000\n"));
        var e = Assert.Throws<AdapterException>(() => db.Adapter.LoadSeed(db.Adapter.CreateRelation("dev", "main", "big"), table, new SeedLoadOptions()));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'n'", e.Message);
    }
}
