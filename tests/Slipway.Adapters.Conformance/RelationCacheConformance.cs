using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Conformance;

public abstract class RelationCacheConformance : AdapterTestBase
{
    [Fact]
    public void Listing_fills_the_cache_and_lookups_then_run_no_query()
    {
        var a = Adapter;
        a.Execute($"create table {Q("orders")} (id integer)");
        a.Execute($"create view {Q("v_orders")} as select * from {Q("orders")}");
        var listed = a.ListRelationsWithoutCaching(Database, Schema);
        Assert.Equal(["orders", "v_orders"], listed.Select(r => r.Identifier).Order());
        // A fresh listing replaces what CreateSchema recorded.
        ((AdapterBase)a).Cache.DropSchema(Database, Schema);
        a.PopulateCache([(Database, Schema)]);
        Assert.Equal(RelationType.Table, a.GetRelation(Database, Schema, "orders")!.Type);
        // Unquoted, a name folds on every warehouse (Postgres keeps the case of quoted names: its own tests cover that).
        a.Quoting = Policy.All with { Identifier = false };
        Assert.Equal(RelationType.View, a.GetRelation(Database, Schema, "V_ORDERS")!.Type);
        a.Quoting = Policy.All;
        // Created behind the adapter's back: the cache does not see it, which shows lookups are not queries.
        a.Execute($"create table {Q("late")} (id integer)");
        Assert.Null(a.GetRelation(Database, Schema, "late"));
        a.CacheAdded(a.CreateRelation(Database, Schema, "late", RelationType.Table));
        Assert.NotNull(a.GetRelation(Database, Schema, "late"));
        a.CacheDropped(a.CreateRelation(Database, Schema, "late"));
        Assert.Null(a.GetRelation(Database, Schema, "late"));
    }

    [Fact]
    public void A_schema_not_yet_listed_is_listed_once_on_first_lookup()
    {
        var other = Schema + "_b";
        Adapter.Execute($"create schema {other}; create table {other}.t (id integer)");
        try
        {
            var cache = ((AdapterBase)Adapter).Cache;
            Assert.False(cache.IsCached(Database, other));
            Assert.Equal($"\"{Database}\".\"{other}\".\"t\"", Adapter.GetRelation(Database, other, "t")!.Render());
            Assert.True(cache.IsCached(Database, other));
        }
        finally
        {
            Adapter.DropSchema(Adapter.CreateRelation(Database, other, null));
        }
    }

    [Fact]
    public void Schemas_are_created_listed_and_dropped()
    {
        var a = Adapter;
        var s = a.CreateRelation(Database, Schema + "_c", null);
        a.CreateSchema(s);
        Assert.Contains(Schema + "_c", a.ListSchemas(Database));
        Assert.True(a.CheckSchemaExists(Database, Schema + "_c"));
        a.DropSchema(s);
        Assert.False(a.CheckSchemaExists(Database, Schema + "_c"));
        Assert.False(((AdapterBase)a).Cache.IsCached(Database, Schema + "_c"));
    }
}
