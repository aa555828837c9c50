using System.Diagnostics;
using System.Globalization;
using System.Text;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.Postgres.Tests;

// Seeds by binary COPY, PostgreSQL's types for them, varchar widening and the catalog's owner.
public class PostgresSeedTests : PgTestBase
{
    [Fact]
    public void Five_thousand_rows_load_by_copy_with_postgres_types()
    {
        var sb = new StringBuilder("id,price,label,day,at,flag\n");
        for (var i = 1; i <= 5000; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{i},{i}.5,\"label, {i}\",2024-02-{i % 28 + 1:00},2024-02-01T10:00:{i % 60:00}Z,{(i % 3 == 0 ? "true" : "false")}\n");
        var table = SeedFile.Read(WriteFile("big.csv", sb.ToString()));
        var watch = Stopwatch.StartNew();
        var response = Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "big"), table, new SeedLoadOptions());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(("INSERT 5000", 5000L), (response.Message, response.RowsAffected));
        Assert.Equal(["integer", "double precision", "text", "date", "timestamp without time zone", "boolean"],
            Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "big")).Select(c => c.DType));
        var (_, t) = Adapter.Execute($"select count(*), sum(id), sum(price), count(*) filter (where flag), max(label), min(day)::text, max(at)::text from {Q("big")}", fetch: true);
        Assert.Equal([5000L, 12502500L, 12502500.0 + 2500, 1666L, "label, 999", "2024-02-01", "2024-02-01 10:00:59"], t.Rows[0].Select(v => v is decimal d ? (object)(long)d : v));
    }

    [Fact]
    public void Overridden_types_are_cast_on_the_server_and_reloads_append()
    {
        var rel = Adapter.CreateRelation(Database, Schema, "typed");
        var table = SeedFile.Read(WriteFile("typed.csv", "code,amount,note\n007,12.345,x\n010,,\n"));
        var options = new SeedLoadOptions(new Dictionary<string, string> { ["code"] = "char(3)", ["amount"] = "numeric(8,3)" });
        Adapter.LoadSeed(rel, table, options);
        Adapter.LoadSeed(rel, table, options with { Create = false });
        Assert.Equal(["character", "numeric", "text"], Adapter.GetColumnsInRelation(rel).Select(c => c.DType));
        Assert.Equal(4L, Convert.ToInt64(Scalar($"select count(*) from {Q("typed")}")));
        Assert.Equal("007", Scalar($"select min(code) from {Q("typed")}"));
        Assert.Equal(24.690m, Scalar($"select sum(amount) from {Q("typed")}"));
        Assert.Equal(2L, Convert.ToInt64(Scalar($"select count(*) from {Q("typed")} where note is null")));
    }

    [Fact]
    public void Recreating_a_seed_replaces_the_table()
    {
        var rel = Adapter.CreateRelation(Database, Schema, "s");
        Adapter.LoadSeed(rel, SeedFile.Read(WriteFile("a.csv", "a\n1\n2\n")), new SeedLoadOptions());
        Adapter.LoadSeed(rel, SeedFile.Read(WriteFile("b.csv", "b\nx\n")), new SeedLoadOptions());
        Assert.Equal("x", Scalar($"select b from {Q("s")}"));
    }

    [Fact]
    public void A_bad_value_for_an_overridden_type_fails_with_the_servers_message()
    {
        var table = SeedFile.Read(WriteFile("bad.csv", "n\nabc\n"));
        var e = Assert.Throws<AdapterException>(() =>
            Adapter.LoadSeed(Adapter.CreateRelation(Database, Schema, "bad"), table, new SeedLoadOptions(new Dictionary<string, string> { ["n"] = "integer" })));
        Assert.Equal("Database Error: invalid input syntax for type integer: \"abc\"", e.Message);
        Assert.Equal(1, Convert.ToInt32(Scalar("select 1")));
    }

    [Fact]
    public void Expand_target_column_types_widens_varchars_in_place()
    {
        Adapter.Execute($"create table {Q("target")} (id integer, code varchar(5), note text, keep varchar(50))");
        Adapter.Execute($"create table {Q("source")} (id integer, code varchar(20), note varchar(400), keep varchar(10))");
        Adapter.ExpandTargetColumnTypes(Adapter.CreateRelation(Database, Schema, "source"), Adapter.CreateRelation(Database, Schema, "target"));
        var cols = Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "target"));
        Assert.Equal(["id", "code", "note", "keep"], cols.Select(c => c.Name));
        Assert.Equal(["integer", "character varying(20)", "text", "character varying(50)"], cols.Select(c => c.DataType));
    }

    [Fact]
    public void Catalog_rows_carry_the_owner_and_materialized_views()
    {
        Adapter.Execute($"create table {Q("t")} (id integer); create materialized view {Q("m")} as select id from {Q("t")}");
        var user = (string)Scalar("select current_user")!;
        var rows = Adapter.GetCatalog(Database, [Schema]);
        Assert.Equal([("m", "MATERIALIZED VIEW", user), ("t", "BASE TABLE", user)], rows.Select(r => (r.TableName, r.TableType, r.TableOwner!)));
    }
}
