using Slipway.Adapters.Relations;

namespace Slipway.Adapters.DuckDb.Tests;

public class DuckDbAdapterTests
{
    [Fact]
    public void Execute_with_fetch_returns_names_types_and_values()
    {
        using var db = new TempDuckDb();
        var (response, table) = db.Adapter.Execute("select 1 as a, 'x' as b, 2.5::double as c, null as d", fetch: true);
        Assert.Equal("OK", response.Message);
        Assert.Equal(["a", "b", "c", "d"], table.ColumnNames);
        Assert.Equal("INTEGER", table.ColumnTypes[0]);
        Assert.Equal("VARCHAR", table.ColumnTypes[1]);
        Assert.Single(table.Rows);
        Assert.Equal(1, Convert.ToInt64(table.Rows[0][0]));
        Assert.Equal("x", table.Rows[0][1]);
        Assert.Equal(2.5, table.Rows[0][2]);
        Assert.Null(table.Rows[0][3]);
    }

    [Fact]
    public void Execute_without_fetch_reports_rows_affected()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table t (a integer)");
        var (response, table) = db.Adapter.Execute("insert into t values (1), (2), (3)");
        Assert.Equal(3, response.RowsAffected);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Database_errors_become_one_line()
    {
        using var db = new TempDuckDb();
        var e = Assert.Throws<AdapterException>(() => db.Adapter.Execute("select * from nope"));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("Database Error: Catalog Error: Table with name nope does not exist", e.Message);
    }

    [Fact]
    public void Listing_fills_the_cache_and_lookups_then_run_no_query()
    {
        using var db = new TempDuckDb();
        var a = db.Adapter;
        a.Execute("create schema analytics; create table analytics.orders (id integer); create view analytics.v_orders as select * from analytics.orders");
        a.PopulateCache([("dev", "analytics")]);
        Assert.Equal(RelationType.Table, a.GetRelation("dev", "analytics", "orders")!.Type);
        Assert.Equal(RelationType.View, a.GetRelation("dev", "analytics", "V_ORDERS")!.Type);
        // Created behind the adapter's back: the cache does not see it, which shows lookups are not queries.
        a.Execute("create table analytics.late (id integer)");
        Assert.Null(a.GetRelation("dev", "analytics", "late"));
        a.CacheAdded(a.CreateRelation("dev", "analytics", "late", RelationType.Table));
        Assert.NotNull(a.GetRelation("dev", "analytics", "late"));
        a.CacheDropped(a.CreateRelation("dev", "analytics", "late"));
        Assert.Null(a.GetRelation("dev", "analytics", "late"));
    }

    [Fact]
    public void A_schema_not_yet_listed_is_listed_once_on_first_lookup()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table main.t (id integer)");
        Assert.False(db.Adapter.Cache.IsCached("dev", "main"));
        Assert.Equal("\"dev\".\"main\".\"t\"", db.Adapter.GetRelation("dev", "main", "t")!.Render());
        Assert.True(db.Adapter.Cache.IsCached("dev", "main"));
    }

    [Fact]
    public void Schemas_are_created_listed_and_dropped()
    {
        using var db = new TempDuckDb();
        var a = db.Adapter;
        var s = a.CreateRelation("dev", "staging", null);
        a.CreateSchema(s);
        Assert.Contains("staging", a.ListSchemas("dev"));
        Assert.True(a.CheckSchemaExists("dev", "staging"));
        Assert.True(a.Cache.IsCached("dev", "staging"));
        a.DropSchema(s);
        Assert.False(a.CheckSchemaExists("dev", "staging"));
        Assert.False(a.Cache.IsCached("dev", "staging"));
    }

    [Fact]
    public void Rename_and_drop_change_the_database_and_the_cache()
    {
        using var db = new TempDuckDb();
        var a = db.Adapter;
        a.Execute("create table t__tmp as select 1 as id; create view v as select 1 as id");
        a.PopulateCache([("dev", "main")]);
        a.RenameRelation(a.CreateRelation("dev", "main", "t__tmp", RelationType.Table), a.CreateRelation("dev", "main", "t"));
        var listed = a.ListRelationsWithoutCaching("dev", "main").Select(r => r.Identifier).Order().ToList();
        Assert.Equal(["t", "v"], listed);
        Assert.Null(a.GetRelation("dev", "main", "t__tmp"));
        Assert.Equal(RelationType.Table, a.GetRelation("dev", "main", "t")!.Type);

        // The view's type comes from the cache when the relation passed has none.
        a.RenameRelation(a.CreateRelation("dev", "main", "v"), a.CreateRelation("dev", "main", "v2"));
        Assert.Equal(RelationType.View, a.GetRelation("dev", "main", "v2")!.Type);
        a.DropRelation(a.CreateRelation("dev", "main", "v2"));
        a.DropRelation(a.GetRelation("dev", "main", "t")!);
        Assert.Empty(a.ListRelationsWithoutCaching("dev", "main"));
        Assert.Null(a.GetRelation("dev", "main", "t"));
    }

    [Fact]
    public void Truncate_empties_a_table()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table t as select range as id from range(10)");
        db.Adapter.TruncateRelation(db.Adapter.CreateRelation("dev", "main", "t", RelationType.Table));
        Assert.Equal(0L, db.Scalar("select count(*) from t"));
    }

    [Fact]
    public void Columns_in_relation_come_in_order_with_types_and_sizes()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table t (id integer, name varchar, amount decimal(10,2), ratio double, ts timestamp, ok boolean)");
        var cols = db.Adapter.GetColumnsInRelation(db.Adapter.CreateRelation("dev", "main", "t"));
        Assert.Equal(["id", "name", "amount", "ratio", "ts", "ok"], cols.Select(c => c.Name));
        Assert.Equal(["INTEGER", "VARCHAR", "DECIMAL(10,2)", "DOUBLE", "TIMESTAMP", "BOOLEAN"], cols.Select(c => c.DType));
        Assert.True(cols[0].IsInteger);
        Assert.True(cols[1].IsString);
        Assert.True(cols[2].IsNumeric);
        Assert.Equal(10, cols[2].NumericPrecision);
        Assert.Equal(2, cols[2].NumericScale);
        Assert.True(cols[3].IsFloat);
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
    public void Rollback_discards_and_commit_publishes_to_other_connections()
    {
        using var db = new TempDuckDb();
        var a = db.Adapter;
        a.Execute("create table t (id integer)");
        a.Begin();
        a.Execute("insert into t values (1)");
        a.Rollback();
        Assert.Equal(0L, db.Scalar("select count(*) from t"));
        a.Execute("insert into t values (2)", autoBegin: true);
        Assert.Equal(0L, TempDuckDb.OnOtherThread(() => db.Scalar("select count(*) from t")));
        a.Commit();
        Assert.Equal(1L, TempDuckDb.OnOtherThread(() => db.Scalar("select count(*) from t")));
    }

    [Fact]
    public void Each_thread_has_its_own_connection_to_one_database()
    {
        using var db = new TempDuckDb(new() { ["path"] = ":memory:" });
        db.Adapter.Execute("create table shared as select 7 as x");
        var seen = TempDuckDb.OnOtherThread(() => db.Scalar("select x from shared"));
        Assert.Equal(7, Convert.ToInt32(seen));
        Assert.Equal(2, db.Adapter.OpenConnectionCount);
    }

    [Fact]
    public void Incremental_strategies_and_types_are_dbt_duckdb_ones()
    {
        using var db = new TempDuckDb();
        Assert.Equal(["append", "delete+insert", "merge", "microbatch"], db.Adapter.ValidIncrementalStrategies);
        Assert.Equal("duckdb", db.Adapter.Type);
        Assert.Equal("\"my col\"", db.Adapter.Quote("my col"));
    }
}
