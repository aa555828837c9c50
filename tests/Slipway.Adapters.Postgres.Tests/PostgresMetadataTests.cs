using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Postgres.Tests;

// Metadata answers in PostgreSQL's own type spellings.
public class PostgresMetadataTests : PgTestBase
{
    [Fact]
    public void Column_schema_from_query_has_postgres_type_names_without_running_the_query()
    {
        var cols = Adapter.GetColumnSchemaFromQuery("select 1::bigint as a, 1.5::numeric(18,3) as b, 'x'::varchar(9) as c, now() as d, 1 / (random() * 0)::int as e");
        Assert.Equal(["a", "b", "c", "d", "e"], cols.Select(c => c.Name));
        Assert.Equal(["bigint", "numeric(18,3)", "character varying(9)", "timestamp with time zone", "integer"], cols.Select(c => c.DType));
    }

    [Fact]
    public void Columns_in_relation_have_information_schema_types_and_sizes()
    {
        Adapter.Execute($"create table {Q("t")} (id bigint, name varchar(20), amount numeric(10,2), at timestamptz, tags text[])");
        Adapter.Execute($"alter table {Q("t")} drop column amount");
        var cols = Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "t"));
        Assert.Equal([("id", "bigint"), ("name", "character varying"), ("at", "timestamp with time zone"), ("tags", "ARRAY")], cols.Select(c => (c.Name, c.DType)));
        Assert.Equal("character varying(20)", cols[1].DataType);
    }

    [Fact]
    public void A_view_lists_as_a_view_and_a_materialized_view_as_one()
    {
        Adapter.Execute($"create table {Q("t")} (id integer); create view {Q("v")} as select * from {Q("t")}; create materialized view {Q("m")} as select * from {Q("t")}");
        Assert.Equal([("m", "materialized_view"), ("t", "table"), ("v", "view")],
            Adapter.ListRelationsWithoutCaching(Database, Schema).Select(r => (r.Identifier!, r.Type!.Value.ToDbtName())).Order());
    }
}
