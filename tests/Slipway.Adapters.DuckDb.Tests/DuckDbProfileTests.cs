namespace Slipway.Adapters.DuckDb.Tests;

public class DuckDbProfileTests
{
    [Fact]
    public void Database_is_the_file_stem_and_relative_paths_resolve_against_the_project()
    {
        using var db = new TempDuckDb(new() { ["path"] = "data/ci.duckdb" });
        Assert.Equal("ci", db.Adapter.Database);
        Assert.Equal("main", db.Adapter.Schema);
        Assert.True(File.Exists(Path.Combine(db.Dir, "data", "ci.duckdb")));
        Assert.Equal("ci", db.Scalar("select current_database()"));
    }

    [Fact]
    public void Memory_database_is_named_memory()
    {
        using var db = new TempDuckDb(new() { ["path"] = ":memory:", ["schema"] = "analytics", ["threads"] = 4L });
        Assert.Equal("memory", db.Adapter.Database);
        Assert.Equal("analytics", db.Adapter.Schema);
        Assert.Equal(4, db.Adapter.Threads);
        Assert.Equal("memory", db.Adapter.Target["database"]);
    }

    [Fact]
    public void Settings_are_applied_to_every_connection()
    {
        using var db = new TempDuckDb(new() { ["settings"] = new Dictionary<string, object?> { ["preserve_insertion_order"] = false } });
        Assert.Equal(false, db.Scalar("select current_setting('preserve_insertion_order')"));
        var other = TempDuckDb.OnOtherThread(() => db.Scalar("select current_setting('preserve_insertion_order')"));
        Assert.Equal(false, other);
    }

    [Fact]
    public void Bundled_extensions_load_and_others_fail_clearly()
    {
        using (var db = new TempDuckDb(new() { ["extensions"] = new List<object?> { "json", "parquet" } }))
            Assert.Equal("[1,2]", db.Scalar("select to_json([1, 2])::varchar"));
        var e = Assert.Throws<AdapterException>(() => new TempDuckDb(new() { ["extensions"] = new List<object?> { "spatial" } }));
        Assert.Contains("'spatial'", e.Message);
        Assert.Contains("would need a download", e.Message);
    }

    [Fact]
    public void Attach_makes_another_file_reachable_by_alias_read_only()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-attach-").FullName;
        try
        {
            using (var source = DuckDbAdapter.Create("src", new Dictionary<string, object?> { ["path"] = "lake.duckdb" }, dir))
                source.Execute("create table orders as select range as id from range(3)");
            using var db = new TempDuckDb(new()
            {
                ["attach"] = new List<object?> { new Dictionary<string, object?> { ["path"] = Path.Combine(dir, "lake.duckdb"), ["alias"] = "lake", ["read_only"] = true } },
            });
            Assert.Equal(3L, db.Scalar("select count(*) from lake.main.orders"));
            Assert.Contains(db.Adapter.ListRelationsWithoutCaching("lake", "main"), r => r.Identifier == "orders");
            var e = Assert.Throws<AdapterException>(() => db.Adapter.Execute("insert into lake.main.orders values (9)"));
            Assert.Contains("read-only", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_database_that_is_not_the_file_nor_attached_is_refused()
    {
        var e = Assert.Throws<AdapterException>(() => new TempDuckDb(new() { ["path"] = "ci.duckdb", ["database"] = "prod" }));
        Assert.Contains("'prod'", e.Message);
    }

    [Fact]
    public void Secrets_stay_out_of_target_and_error_messages()
    {
        using var db = new TempDuckDb(new() { ["token"] = "sekrit-123" });
        Assert.False(db.Adapter.Target.ContainsKey("token"));
        var e = Assert.Throws<AdapterException>(() => db.Adapter.Execute("select 'sekrit-123'::integer"));
        Assert.DoesNotContain("sekrit-123", e.Message);
        Assert.DoesNotContain("sekrit-123", e.Detail);
        Assert.Contains("*****", e.Message);
    }
}
