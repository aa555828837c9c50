using Slipway.Adapters.Relations;
using Slipway.Jinja;

namespace Slipway.Adapters.Postgres.Tests;

// Connections, sessions and transactions against the real server.
public class PostgresConnectionTests : PgTestBase
{
    [Fact]
    public void Responses_carry_postgres_command_tags_as_dbt_postgres_reports_them()
    {
        var (created, _) = Adapter.Execute($"create table {Q("t")} (id integer)");
        Assert.Equal(("CREATE TABLE", "CREATE TABLE"), (created.Message, created.Code));
        var (inserted, _) = Adapter.Execute($"insert into {Q("t")} values (1), (2), (3)");
        Assert.Equal(("INSERT 0 3", "INSERT", 3L), (inserted.Message, inserted.Code, inserted.RowsAffected));
        var (updated, _) = Adapter.Execute($"update {Q("t")} set id = id + 1 where id > 1");
        Assert.Equal(("UPDATE 2", "UPDATE", 2L), (updated.Message, updated.Code, updated.RowsAffected));
        var (selected, table) = Adapter.Execute($"select * from {Q("t")}", fetch: true);
        Assert.Equal(("SELECT 3", "SELECT"), (selected.Message, selected.Code));
        Assert.Equal(3, table.Rows.Count);
        var (merged, _) = Adapter.Execute($"merge into {Q("t")} t using (select 9 as id) s on t.id = s.id when not matched then insert values (s.id)");
        Assert.Equal(("MERGE 1", 1L), (merged.Message, merged.RowsAffected));
        Assert.Equal("CREATE VIEW", Adapter.Execute($"create or replace view {Q("v")} as select 1 as x").Response.Message);
        Assert.Equal("DROP VIEW", Adapter.Execute($"drop view if exists {Q("v")}").Response.Message);
    }

    [Fact]
    public void Adapter_surface_in_templates_is_dbt_postgres()
    {
        var text = new JinjaEnvironment().FromString(
                "{{ adapter.type() }} {{ adapter.get_binding_char() }} {{ adapter.valid_incremental_strategies() }} {{ adapter.Relation.create(database='d', schema='s', identifier='t', type='table').relation_max_name_length() }}")
            .Render(new Dictionary<string, object?> { ["adapter"] = Adapter });
        Assert.Equal("postgres %s ['append', 'delete+insert', 'merge', 'microbatch'] 63", text);
    }

    [Fact]
    public void Each_thread_has_its_own_server_session_from_one_pool()
    {
        var mine = Convert.ToInt32(Scalar("select pg_backend_pid()"));
        var other = OnOtherThread(() => Convert.ToInt32(Scalar("select pg_backend_pid()")));
        Assert.NotEqual(mine, other);
        Assert.Equal(mine, Convert.ToInt32(Scalar("select pg_backend_pid()")));
        Assert.Equal("slipway", Scalar("select current_setting('application_name')"));
    }

    [Fact]
    public void Search_path_from_the_profile_resolves_unqualified_names()
    {
        Adapter.Execute($"create table {Q("only_here")} as select 42 as answer");
        using var scoped = PgServer.Open(new() { ["search_path"] = $"{Schema},public" });
        Assert.Equal(42, Convert.ToInt32(scoped.Execute("select answer from only_here", fetch: true).Table.Rows[0][0]));
        Assert.Equal($"{Schema},public", scoped.Execute("show search_path", fetch: true).Table.Rows[0][0]);
    }

    [Fact]
    public void Role_from_the_profile_is_set_on_every_connection_and_limits_privileges()
    {
        var role = CreateRole();
        try
        {
            Adapter.Execute($"create table {Q("secret")} (id integer)");
            Adapter.Execute($"grant usage on schema {Schema} to {role}");
            using var limited = PgServer.Open(new() { ["role"] = role });
            Assert.Equal(role, limited.Execute("select current_user", fetch: true).Table.Rows[0][0]);
            Assert.Equal(role, OnOtherThread(() => limited.Execute("select current_user", fetch: true).Table.Rows[0][0]));
            var e = Assert.Throws<AdapterException>(() => limited.Execute($"select * from {Q("secret")}"));
            Assert.Equal($"Database Error: permission denied for table secret", e.Message);
        }
        finally
        {
            DropRole(role);
        }
    }

    [Fact]
    public void A_rename_swap_in_a_transaction_is_atomic_to_readers()
    {
        // What a table materialization does: build the intermediate, swap names, drop the backup, commit.
        Adapter.Execute($"create table {Q("orders")} as select 1 as version");
        Adapter.Begin();
        Adapter.Execute($"create table {Q("orders__dbt_tmp")} as select 2 as version");
        Assert.Equal(1, OnOtherThread(() => Convert.ToInt32(Scalar($"select version from {Q("orders")}"))));
        var target = Adapter.CreateRelation(Database, Schema, "orders", RelationType.Table);
        Adapter.RenameRelation(target, Adapter.CreateRelation(Database, Schema, "orders__dbt_backup"));
        Adapter.RenameRelation(Adapter.CreateRelation(Database, Schema, "orders__dbt_tmp", RelationType.Table), target);
        Adapter.DropRelation(Adapter.CreateRelation(Database, Schema, "orders__dbt_backup", RelationType.Table));
        // A reader now waits for the transaction instead of seeing a missing or half-built table.
        var reader = new Background<int>(() => Convert.ToInt32(Scalar($"select version from {Q("orders")}")));
        Assert.False(reader.Join(TimeSpan.FromMilliseconds(500)), "the reader saw the table before the commit");
        Adapter.Commit();
        Assert.True(reader.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, reader.Result);
        Assert.Equal(["orders"], Adapter.ListRelationsWithoutCaching(Database, Schema).Select(r => r.Identifier));
    }

    [Fact]
    public void Releasing_and_disposing_return_every_session_to_the_server()
    {
        var name = "slipway_" + Guid.NewGuid().ToString("N")[..8];
        var adapter = PgServer.Open(new() { ["application_name"] = name });
        adapter.Execute("select 1");
        OnOtherThread(() => adapter.Execute("select 1"));
        using var observer = PgServer.Observer();
        Assert.True(Convert.ToInt64(PgServer.Scalar(observer, $"select count(*) from pg_stat_activity where application_name = '{name}'")) >= 1);
        adapter.Dispose();
        // A backend leaves pg_stat_activity a moment after its client closes the socket.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long left;
        while ((left = Convert.ToInt64(PgServer.Scalar(observer, $"select count(*) from pg_stat_activity where application_name = '{name}'"))) > 0
               && watch.Elapsed < TimeSpan.FromSeconds(5))
            Thread.Sleep(20);
        Assert.Equal(0L, left);
    }
}
