using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Conformance;

public abstract class DdlConformance : AdapterTestBase
{
    [Fact]
    public void Rename_and_drop_change_the_database_and_the_cache()
    {
        var a = Adapter;
        a.Execute($"create table {Q("t__tmp")} as select 1 as id");
        a.Execute($"create view {Q("v")} as select 1 as id");
        a.PopulateCache([(Database, Schema)]);
        a.RenameRelation(a.CreateRelation(Database, Schema, "t__tmp", RelationType.Table), a.CreateRelation(Database, Schema, "t"));
        Assert.Equal(["t", "v"], a.ListRelationsWithoutCaching(Database, Schema).Select(r => r.Identifier).Order());
        Assert.Null(a.GetRelation(Database, Schema, "t__tmp"));
        Assert.Equal(RelationType.Table, a.GetRelation(Database, Schema, "t")!.Type);

        // The view's type comes from the cache when the relation passed has none.
        a.RenameRelation(a.CreateRelation(Database, Schema, "v"), a.CreateRelation(Database, Schema, "v2"));
        Assert.Equal(RelationType.View, a.GetRelation(Database, Schema, "v2")!.Type);
        a.DropRelation(a.CreateRelation(Database, Schema, "v2"));
        a.DropRelation(a.GetRelation(Database, Schema, "t")!);
        Assert.Empty(a.ListRelationsWithoutCaching(Database, Schema));
        Assert.Null(a.GetRelation(Database, Schema, "t"));
    }

    [Fact]
    public void Truncate_empties_a_table()
    {
        Adapter.Execute($"create table {Q("t")} as select * from generate_series(1, 10)");
        Adapter.TruncateRelation(Adapter.CreateRelation(Database, Schema, "t", RelationType.Table));
        Assert.Equal(0, Count("t"));
    }

    [Fact]
    public void Columns_in_relation_come_in_order_and_classify_like_dbt()
    {
        Adapter.Execute($"create table {Q("t")} (id integer, name varchar(20), amount decimal(10,2), ratio double precision, ts timestamp, ok boolean)");
        var cols = Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "t"));
        Assert.Equal(["id", "name", "amount", "ratio", "ts", "ok"], cols.Select(c => c.Name));
        Assert.True(cols[0].IsInteger);
        Assert.True(cols[1].IsString);
        Assert.True(cols[2].IsNumeric);
        Assert.Equal(10, cols[2].NumericPrecision);
        Assert.Equal(2, cols[2].NumericScale);
        Assert.True(cols[3].IsFloat);
        Assert.False(cols[4].IsNumber || cols[4].IsString);
    }

    [Fact]
    public void Missing_relations_are_none_and_dropping_them_is_harmless()
    {
        Assert.Null(Adapter.GetRelation(Database, Schema, "nope"));
        Adapter.DropRelation(Adapter.CreateRelation(Database, Schema, "nope"));
    }
}
