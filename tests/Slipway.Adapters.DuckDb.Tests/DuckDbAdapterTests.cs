using Slipway.Adapters.Results;
using Slipway.Adapters.Seeds;
using Slipway.Jinja;

namespace Slipway.Adapters.DuckDb.Tests;

// DuckDB's own answers (type spellings, messages, DESCRIBE); shared behaviour is in the conformance suite.
public class DuckDbAdapterTests
{
    [Fact]
    public void Execute_reports_ok_and_duckdb_type_names()
    {
        using var db = new TempDuckDb();
        var (response, table) = db.Adapter.Execute("select 1 as a, 'x' as b", fetch: true);
        Assert.Equal("OK", response.Message);
        Assert.Equal(["INTEGER", "VARCHAR"], table.ColumnTypes);
    }

    [Fact]
    public void Database_errors_keep_duckdbs_first_line()
    {
        using var db = new TempDuckDb();
        var e = Assert.Throws<AdapterException>(() => db.Adapter.Execute("select * from nope"));
        Assert.StartsWith("Database Error: Catalog Error: Table with name nope does not exist", e.Message);
        Assert.Contains("LINE 1", e.Detail);
    }

    [Fact]
    public void Columns_in_relation_have_duckdb_type_names()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table t (id integer, name varchar, amount decimal(10,2), ratio double, ts timestamp, ok boolean)");
        var cols = db.Adapter.GetColumnsInRelation(db.Adapter.CreateRelation("dev", "main", "t"));
        Assert.Equal(["INTEGER", "VARCHAR", "DECIMAL(10,2)", "DOUBLE", "TIMESTAMP", "BOOLEAN"], cols.Select(c => c.DType));
    }

    [Fact]
    public void Column_schema_from_query_uses_exact_types_without_rows()
    {
        using var db = new TempDuckDb();
        var cols = db.Adapter.GetColumnSchemaFromQuery("select 1::bigint as a, 1.5::decimal(18,3) as b, 'x' as c");
        Assert.Equal(["a", "b", "c"], cols.Select(c => c.Name));
        Assert.Equal(["BIGINT", "DECIMAL(18,3)", "VARCHAR"], cols.Select(c => c.DType));
    }

    [Fact]
    public void Seed_types_are_duckdb_spellings_of_dbts_types()
    {
        using var db = new TempDuckDb();
        var table = SeedFile.Read(db.WriteFile("s.csv", "i,f,t,d,ts,b\n1,1.5,x,2024-01-05,2024-01-05 10:00:00,true\n"));
        db.Adapter.LoadSeed(db.Adapter.CreateRelation("dev", "main", "s"), table, new SeedLoadOptions());
        Assert.Equal(["INTEGER", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP", "BOOLEAN"],
            db.Adapter.GetColumnsInRelation(db.Adapter.CreateRelation("dev", "main", "s")).Select(c => c.DType));
    }

    [Fact]
    public void Each_thread_has_its_own_connection_to_one_memory_database()
    {
        using var db = new TempDuckDb(new() { ["path"] = ":memory:" });
        db.Adapter.Execute("create table shared as select 7 as x");
        var seen = TempDuckDb.OnOtherThread(() => db.Scalar("select x from shared"));
        Assert.Equal(7, Convert.ToInt32(seen));
        Assert.Equal(2, db.Adapter.OpenConnectionCount);
        db.Adapter.ReleaseConnection();
        Assert.Equal(1, db.Adapter.OpenConnectionCount);
    }

    [Fact]
    public void Incremental_strategies_binding_char_and_type_are_dbt_duckdbs()
    {
        using var db = new TempDuckDb();
        Assert.Equal(["append", "delete+insert", "merge", "microbatch"], db.Adapter.ValidIncrementalStrategies);
        var text = new JinjaEnvironment().FromString(
                "{{ adapter.type() }} {{ adapter.get_binding_char() }} {{ adapter.execute('select 1')[0] }} {{ adapter.is_motherduck() }} {{ adapter.valid_incremental_strategies() }}")
            .Render(new Dictionary<string, object?> { ["adapter"] = db.Adapter });
        Assert.Equal("duckdb ? OK False ['append', 'delete+insert', 'merge', 'microbatch']", text);
    }

    [Fact]
    public void Print_table_and_csv_write_the_results()
    {
        var t = new ResultTable(["id", "name"], ["INTEGER", "VARCHAR"], [[1L, "ann"], [22L, "b,c"]]);
        Assert.Equal("id,name\r\n1,ann\r\n22,\"b,c\"\r\n", t.ToCsv());
        Assert.Equal("| id | name |\n| -- | ---- |\n|  1 | ann  |\n| 22 | b,c  |\n", t.ToTableText());
    }
}
