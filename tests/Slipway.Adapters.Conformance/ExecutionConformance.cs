namespace Slipway.Adapters.Conformance;

public abstract class ExecutionConformance : AdapterTestBase
{
    [Fact]
    public void Execute_with_fetch_returns_names_and_values()
    {
        var (_, table) = Adapter.Execute("select 1 as a, 'x' as b, cast(2.5 as double precision) as c, null as d", fetch: true);
        Assert.Equal(["a", "b", "c", "d"], table.ColumnNames);
        Assert.Single(table.Rows);
        Assert.Equal(1, Convert.ToInt64(table.Rows[0][0]));
        Assert.Equal("x", table.Rows[0][1]);
        Assert.Equal(2.5, table.Rows[0][2]);
        Assert.Null(table.Rows[0][3]);
    }

    [Fact]
    public void Execute_without_fetch_reports_rows_affected()
    {
        Adapter.Execute($"create table {Q("t")} (a integer)");
        var (response, table) = Adapter.Execute($"insert into {Q("t")} values (1), (2), (3)");
        Assert.Equal(3, response.RowsAffected);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Database_errors_become_one_line()
    {
        var e = Assert.Throws<AdapterException>(() => Adapter.Execute($"select * from {Q("nope")}"));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("Database Error: ", e.Message);
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public void Rollback_discards_and_commit_publishes_to_other_connections()
    {
        var a = Adapter;
        a.Execute($"create table {Q("t")} (id integer)");
        a.Begin();
        a.Execute($"insert into {Q("t")} values (1)");
        a.Rollback();
        Assert.Equal(0, Count("t"));
        a.Execute($"insert into {Q("t")} values (2)", autoBegin: true);
        Assert.Equal(0, OnOtherThread(() => Count("t")));
        a.Commit();
        Assert.Equal(1, OnOtherThread(() => Count("t")));
    }

    [Fact]
    public void A_failed_statement_in_a_transaction_rolls_it_back()
    {
        var a = Adapter;
        a.Execute($"create table {Q("t")} (id integer)");
        a.Execute($"insert into {Q("t")} values (1)", autoBegin: true);
        Assert.Throws<AdapterException>(() => a.Execute("select * from no_such_table"));
        // The connection is usable again and the insert is gone.
        Assert.Equal(0, Count("t"));
    }
}
