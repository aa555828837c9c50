using System.Net;
using System.Net.Sockets;

namespace Slipway.Adapters.Postgres.Tests;

// Server errors become one clear line with the server's message, and the password never shows.
public class PostgresErrorTests : PgTestBase
{
    private static string Canary() => "canary-" + Guid.NewGuid().ToString("N");

    private static void NoSecret(AdapterException e, string secret)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain(secret, e.Message);
        Assert.DoesNotContain(secret, e.Detail);
        Assert.DoesNotContain(secret, e.ToString());
    }

    [Fact]
    public void Syntax_errors_and_missing_relations_are_the_servers_words()
    {
        var syntax = Assert.Throws<AdapterException>(() => Adapter.Execute("selec 1"));
        Assert.Equal("Database Error: syntax error at or near \"selec\"", syntax.Message);
        var missing = Assert.Throws<AdapterException>(() => Adapter.Execute($"select * from {Q("nope")}"));
        Assert.Equal($"Database Error: relation \"{Schema}.nope\" does not exist", missing.Message);
    }

    [Fact]
    public void A_wrong_password_fails_in_one_line_without_the_password()
    {
        var role = CreateRole("login password 'right-password'");
        try
        {
            var canary = Canary();
            using var adapter = PgServer.Open(new() { ["user"] = role, ["password"] = canary, ["retries"] = 0L });
            var e = Assert.Throws<AdapterException>(() => adapter.Execute("select 1"));
            NoSecret(e, canary);
            // A server configured with trust authentication accepts any password; every CI server uses passwords.
            Assert.Equal($"Could not connect to postgres target 'test': password authentication failed for user \"{role}\"", e.Message);
        }
        finally
        {
            DropRole(role);
        }
    }

    [Fact]
    public void A_refused_connection_names_the_address_and_the_reason()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var canary = Canary();
        using var adapter = PgServer.Open(new() { ["host"] = "127.0.0.1", ["port"] = (long)port, ["password"] = canary, ["retries"] = 0L });
        var e = Assert.Throws<AdapterException>(() => adapter.Execute("select 1"));
        NoSecret(e, canary);
        Assert.StartsWith($"Could not connect to postgres target 'test': Failed to connect to 127.0.0.1:{port}", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Retries_try_the_connection_again_a_second_apart()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var adapter = PgServer.Open(new() { ["host"] = "127.0.0.1", ["port"] = (long)port, ["retries"] = 2L });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<AdapterException>(() => adapter.Execute("select 1"));
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.9, 8);
    }

    [Fact]
    public void A_password_echoed_by_the_server_is_masked()
    {
        var password = PgServer.Profile()["password"] as string;
        Assert.False(string.IsNullOrEmpty(password), "the test server needs a password");
        var e = Assert.Throws<AdapterException>(() => Adapter.Execute($"select cast('{password}' as integer)"));
        NoSecret(e, password!);
        Assert.Equal("Database Error: invalid input syntax for type integer: \"*****\"", e.Message);
    }

    [Fact]
    public void Permission_denied_is_one_line()
    {
        var role = CreateRole();
        try
        {
            Adapter.Execute($"create table {Q("locked")} (id integer)");
            using var limited = PgServer.Open(new() { ["role"] = role });
            var e = Assert.Throws<AdapterException>(() => limited.Execute($"insert into {Q("locked")} values (1)"));
            Assert.Equal($"Database Error: permission denied for schema {Schema}", e.Message);
        }
        finally
        {
            DropRole(role);
        }
    }
}
