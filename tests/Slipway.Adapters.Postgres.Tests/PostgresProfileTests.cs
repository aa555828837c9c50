using Npgsql;

namespace Slipway.Adapters.Postgres.Tests;

// How dbt-postgres's profile keys become Npgsql settings; no server involved.
[NoServer]
public class PostgresProfileTests
{
    private static Dictionary<string, object?> Minimal() => new()
    {
        ["type"] = "postgres", ["host"] = "db.internal", ["user"] = "dbt", ["password"] = "pw", ["dbname"] = "analytics", ["schema"] = "dbt_ann",
    };

    private static NpgsqlConnectionStringBuilder Settings(Dictionary<string, object?> target) =>
        new(PostgresCredentials.FromTarget("dev", target).ConnectionString());

    [Fact]
    public void Defaults_are_dbt_postgres_defaults()
    {
        var c = PostgresCredentials.FromTarget("dev", Minimal());
        Assert.Equal((5432, 10, 1, 1, 0), (c.Port, c.ConnectTimeout, c.Retries, c.Threads, c.KeepalivesIdle));
        var s = Settings(Minimal());
        Assert.Equal(("db.internal", 5432, "dbt", "pw", "analytics", 10), (s.Host, s.Port, s.Username, s.Password, s.Database, s.Timeout));
        Assert.True(s.Pooling);
        Assert.Null(s.SearchPath);
    }

    [Fact]
    public void Aliases_pass_and_database_are_accepted()
    {
        var t = Minimal();
        t.Remove("password");
        t.Remove("dbname");
        t["pass"] = "secret2";
        t["database"] = "warehouse";
        var s = Settings(t);
        Assert.Equal(("secret2", "warehouse"), (s.Password, s.Database));
    }

    [Fact]
    public void Every_dbt_postgres_key_maps_to_its_npgsql_setting()
    {
        var t = Minimal();
        t["port"] = 6543L;
        t["threads"] = 8L;
        t["sslmode"] = "verify-full";
        t["connect_timeout"] = "25";
        t["keepalives_idle"] = 30L;
        t["search_path"] = "staging,public";
        t["role"] = "transformer";
        t["retries"] = 3L;
        t["application_name"] = "nightly";
        var c = PostgresCredentials.FromTarget("dev", t);
        var s = Settings(t);
        Assert.Equal((6543, 8, "transformer", 3), (s.Port, c.Threads, c.Role, c.Retries));
        Assert.Equal(SslMode.VerifyFull, s.SslMode);
        Assert.Equal(25, s.Timeout);
        Assert.True(s.TcpKeepAlive);
        Assert.Equal(30, s.TcpKeepAliveTime);
        Assert.Equal("staging,public", s.SearchPath);
        Assert.Equal("nightly", s.ApplicationName);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("user")]
    [InlineData("dbname")]
    [InlineData("schema")]
    public void A_missing_required_key_is_named(string key)
    {
        var t = Minimal();
        t.Remove(key);
        var e = Assert.Throws<AdapterException>(() => PostgresCredentials.FromTarget("dev", t));
        Assert.Equal($"Target 'dev': a postgres target needs '{key}'.", e.Message);
    }

    [Fact]
    public void Bad_values_are_refused_with_the_key_and_the_choices()
    {
        var t = Minimal();
        t["sslmode"] = "sometimes";
        Assert.Contains("disable, allow, prefer, require, verify-ca, verify-full", Assert.Throws<AdapterException>(() => PostgresCredentials.FromTarget("dev", t)).Message);
        t = Minimal();
        t["port"] = "fifty";
        Assert.Equal("Target 'dev': 'port' is 'fifty', expected a whole number of at least 1.", Assert.Throws<AdapterException>(() => PostgresCredentials.FromTarget("dev", t)).Message);
    }

    [Fact]
    public void The_password_is_not_part_of_target_and_the_adapter_opens_no_connection_until_used()
    {
        using var adapter = PostgresAdapter.Create("dev", Minimal());
        Assert.False(adapter.Target.ContainsKey("password"));
        Assert.Equal(("postgres", "analytics", "dbt_ann", "db.internal", 5432L), (adapter.Type, adapter.Database, adapter.Schema, adapter.Target["host"], adapter.Target["port"]));
        Assert.Equal(["append", "delete+insert", "merge", "microbatch"], adapter.ValidIncrementalStrategies);
    }
}
