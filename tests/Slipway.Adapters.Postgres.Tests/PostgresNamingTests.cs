using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Postgres.Tests;

// Names as PostgreSQL stores them: quoted parts keep their case, unquoted ones fold, and 63 bytes at most.
public class PostgresNamingTests : PgTestBase
{
    [Fact]
    public void Quoted_mixed_case_names_are_distinct_relations_in_the_cache()
    {
        Adapter.Execute($"create table {Schema}.\"Orders\" (id integer); create view {Schema}.orders as select 1 as id");
        Adapter.PopulateCache([(Database, Schema)]);
        Assert.Equal(RelationType.Table, Adapter.GetRelation(Database, Schema, "Orders")!.Type);
        Assert.Equal(RelationType.View, Adapter.GetRelation(Database, Schema, "orders")!.Type);
        Assert.Equal($"\"{Database}\".\"{Schema}\".\"Orders\"", Adapter.GetRelation(Database, Schema, "Orders")!.Render());
        // Unquoted, ORDERS is orders, as in SQL.
        Adapter.Quoting = Policy.All with { Identifier = false };
        Assert.Equal(RelationType.View, Adapter.GetRelation(Database, Schema, "ORDERS")!.Type);
    }

    [Fact]
    public void A_lookup_that_only_matches_ignoring_case_is_dbts_approximate_match_error()
    {
        Adapter.Execute($"create table {Schema}.\"Customers\" (id integer)");
        var e = Assert.Throws<AdapterException>(() => Adapter.GetRelation(Database, Schema, "customers"));
        Assert.StartsWith("When searching for a relation, dbt found an approximate match.", e.Message);
        Assert.Contains("\"Customers\"", e.Message);
        Assert.Null(Adapter.GetRelation(Database, Schema, "nobody"));
    }

    [Fact]
    public void Columns_of_a_quoted_mixed_case_relation_are_found()
    {
        Adapter.Execute($"create table {Schema}.\"Mixed\" (\"Id\" integer, name varchar(7)); create table {Schema}.mixed (other text)");
        var cols = Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "Mixed"));
        Assert.Equal(["Id", "name"], cols.Select(c => c.Name));
        Assert.Equal(7, cols[1].CharSize);
        Adapter.Quoting = Policy.All with { Identifier = false };
        Assert.Equal(["other"], Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "MIXED")).Select(c => c.Name));
    }

    [Fact]
    public void Names_longer_than_63_bytes_are_refused_before_postgres_truncates_them()
    {
        var longest = new string('a', 63);
        var rel = Adapter.CreateRelation(Database, Schema, longest, RelationType.Table);
        Adapter.Execute($"create table {rel} (id integer)");
        Assert.Equal(longest, Adapter.GetRelation(Database, Schema, longest)!.Identifier);

        var e = Assert.Throws<AdapterException>(() => Adapter.CreateRelation(Database, Schema, new string('b', 64), RelationType.Table));
        Assert.Equal($"Relation name '{new string('b', 64)}' is 64 bytes long, longer than the 63 bytes the database keeps (it would silently truncate it); choose a shorter name or alias.", e.Message);
        // Bytes count, not characters: 32 two-byte letters are 64 bytes.
        var accented = new string('é', 32);
        Assert.Contains("64 bytes", Assert.Throws<AdapterException>(() => Adapter.CreateRelation(Database, Schema, accented, RelationType.View)).Message);
        // Renaming into a long name fails the same way, before any SQL runs.
        Assert.Throws<AdapterException>(() => rel.Incorporate(identifier: longest + "__dbt_tmp"));
        // Untyped relations (a name being searched for) are not checked, as in dbt-postgres.
        Assert.Null(Adapter.GetRelation(Database, Schema, longest + "x"));
    }

    [Fact]
    public void Dropping_a_table_removes_the_views_that_cascade_with_it_from_the_cache()
    {
        var other = Schema + "_dep";
        Adapter.Execute($"""
            create table {Q("base")} (id integer);
            create view {Q("v1")} as select id from {Q("base")};
            create view {Q("v2")} as select id from {Q("v1")};
            create materialized view {Q("m1")} as select id from {Q("v2")};
            create table {Q("unrelated")} (id integer);
            create schema {other};
            create view {other}.elsewhere as select id from {Q("base")};
            """);
        try
        {
            Adapter.PopulateCache([(Database, Schema), (Database, other)]);
            Assert.NotNull(Adapter.GetRelation(Database, other, "elsewhere"));
            Adapter.DropRelation(Adapter.CreateRelation(Database, Schema, "base"));
            foreach (var gone in new[] { "base", "v1", "v2", "m1" }) Assert.Null(Adapter.GetRelation(Database, Schema, gone));
            Assert.Null(Adapter.GetRelation(Database, other, "elsewhere"));
            Assert.NotNull(Adapter.GetRelation(Database, Schema, "unrelated"));
            // The cache agrees with the server.
            Assert.Equal(["unrelated"], Adapter.ListRelationsWithoutCaching(Database, Schema).Select(r => r.Identifier));
            Assert.Empty(Adapter.ListRelationsWithoutCaching(Database, other));
        }
        finally
        {
            Adapter.DropSchema(Adapter.CreateRelation(Database, other, null));
        }
    }

    [Fact]
    public void Dropping_a_schema_removes_views_in_other_schemas_that_read_it()
    {
        var other = Schema + "_src";
        Adapter.Execute($"create schema {other}; create table {other}.src (id integer); create view {Q("reader")} as select id from {other}.src");
        Adapter.PopulateCache([(Database, Schema)]);
        Assert.NotNull(Adapter.GetRelation(Database, Schema, "reader"));
        Adapter.DropSchema(Adapter.CreateRelation(Database, other, null));
        Assert.Null(Adapter.GetRelation(Database, Schema, "reader"));
        Assert.Empty(Adapter.ListRelationsWithoutCaching(Database, Schema));
    }

    [Fact]
    public void A_temp_relation_drops_database_and_schema_as_dbt_postgres_makes_it()
    {
        var text = Render("""
            {%- set base = adapter.Relation.create(database=database, schema=schema, identifier='orders', type='table') -%}
            {%- set tmp = base.incorporate(path={'identifier': 'orders__dbt_tmp', 'schema': none, 'database': none}) -%}
            {{ tmp }} {{ tmp.schema is none }} {{ tmp.type }} {{ base.incorporate(path={'identifier': 'x'}) }}
            """);
        Assert.Equal($"\"orders__dbt_tmp\" True table \"{Database}\".\"{Schema}\".\"x\"", text);
        Adapter.Execute("create temporary table \"orders__dbt_tmp\" as select 1 as id, cast('x' as varchar(3)) as code");
        var columns = Adapter.GetColumnsInRelation(Adapter.CreateRelation(null, null, "orders__dbt_tmp"));
        Assert.Equal([("id", "integer", (long?)null), ("code", "character varying", 3L)], columns.Select(c => (c.Name, c.DType, c.CharSize)));
    }

    [Fact]
    public void Schema_existence_is_exact_on_the_stored_name()
    {
        var mixed = "Conf_" + Schema;
        Adapter.CreateSchema(Adapter.CreateRelation(Database, mixed, null));
        try
        {
            Assert.True(Adapter.CheckSchemaExists(Database, mixed));
            Assert.False(Adapter.CheckSchemaExists(Database, mixed.ToLowerInvariant()));
            Assert.Contains(mixed, Adapter.ListSchemas(Database));
        }
        finally
        {
            Adapter.DropSchema(Adapter.CreateRelation(Database, mixed, null));
        }
        Assert.False(Adapter.CheckSchemaExists(Database, mixed));
    }
}
