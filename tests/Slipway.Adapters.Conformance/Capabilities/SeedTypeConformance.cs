using Slipway.Adapters.Columns;

namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>`slipway seed`: dbt's type inference per column, column_types overrides, empty cells as null, re-seeding.</summary>
public abstract class SeedTypeConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private const string Csv =
        "id,price,active,day,seen_at,label,nothing\n" +
        "1,10.5,true,2024-01-31,2024-01-31 10:20:30,\"x, quoted\",\n" +
        "2,3,false,2024-02-29,2024-02-29 00:00:00,y,\n";

    private Dictionary<string, Column> Columns(string table) =>
        Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, table)).ToDictionary(c => c.Name.ToLowerInvariant());

    [Fact]
    public void Inferred_types_and_values()
    {
        Project(new Dictionary<string, string> { ["seeds/kinds.csv"] = Csv });
        Ok("seed");
        Assert.Equal("success", Results()["seed.conformance.kinds"].Status);
        Assert.Equal(["1|10.5|true|2024-01-31|2024-01-31 10:20:30|x, quoted|∅", "2|3|false|2024-02-29|2024-02-29|y|∅"],
            Rows($"select id, price, active, day, seen_at, label, nothing from {Q("kinds")} order by id"));
        var columns = Columns("kinds");
        Assert.Equal(["id", "price", "active", "day", "seen_at", "label", "nothing"], columns.Keys);
        // dbt: integer, float8 (a number with decimals), boolean, date, timestamp without time zone, text.
        Assert.True(columns["id"].IsInteger, columns["id"].DType);
        Assert.True(columns["price"].IsFloat, columns["price"].DType);
        Assert.Contains("bool", columns["active"].DType, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("date", columns["day"].DType, ignoreCase: true);
        Assert.StartsWith("timestamp", columns["seen_at"].DType, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("zone", columns["seen_at"].DType.Replace("without time zone", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.True(columns["label"].IsString, columns["label"].DType);
        Assert.Equal("2", Scalar($"select count(*) from {Q("kinds")} where active is not null and nothing is null"));
    }

    [Fact]
    public void Column_types_override_inference()
    {
        Project(new Dictionary<string, string>
        {
            ["seeds/kinds.csv"] = Csv,
            ["seeds/seeds.yml"] = "version: 2\nseeds:\n  - name: kinds\n    config:\n      column_types:\n        id: varchar(10)\n        price: numeric(10,2)\n",
        });
        Ok("seed");
        var columns = Columns("kinds");
        Assert.True(columns["id"].IsString, columns["id"].DType);
        Assert.True(columns["price"].IsNumeric, columns["price"].DType);
        Assert.Equal(["1|10.5", "2|3"], Rows($"select id, price from {Q("kinds")} order by id"));
    }

    [Fact]
    public void Seeding_again_replaces_the_rows_and_full_refresh_recreates_the_table()
    {
        Project(new Dictionary<string, string> { ["seeds/s.csv"] = "id,name\n1,a\n2,b\n" });
        Ok("seed");
        Write("seeds/s.csv", "id,name\n3,c\n");
        Ok("seed");
        Assert.Equal(["3|c"], Rows($"select id, name from {Q("s")}"));
        Write("seeds/s.csv", "id,name,extra\n4,d,e\n");
        Ok("seed", FullRefresh);
        Assert.Equal(["4|d|e"], Rows($"select id, name, extra from {Q("s")}"));
    }

    [Fact]
    public void A_model_selects_from_a_seed_by_ref()
    {
        Project(new Dictionary<string, string>
        {
            ["seeds/s.csv"] = "id,amount\n1,2.5\n2,4\n",
            ["models/total.sql"] = "{{ config(materialized='table') }}\nselect sum(amount) as total from {{ ref('s') }}",
        });
        Ok("build");
        Assert.Equal("6.5", Scalar($"select total from {Q("total")}"));
    }

    [Fact]
    public void Quoted_columns_keep_their_case_and_spaces()
    {
        Project(new Dictionary<string, string>
        {
            ["seeds/odd.csv"] = "Order Id,Amount\n1,2\n",
            ["seeds/seeds.yml"] = "version: 2\nseeds:\n  - name: odd\n    config:\n      quote_columns: true\n",
        });
        Ok("seed");
        Assert.Equal(["Order Id", "Amount"], Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "odd")).Select(c => c.Name));
        Assert.Equal(["1|2"], Rows($"select \"Order Id\", \"Amount\" from {Q("odd")}"));
    }
}
