using Npgsql;
using Slipway.Adapters.Conformance.Capabilities;

namespace Slipway.Adapters.Postgres.Tests;

/// <summary>
/// The sample project's `slipway build --target pg` against the test server, its connection given the way the
/// profile reads it (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, HARBOR_SHOP_SCHEMA), twice.
/// </summary>
public sealed class SampleProjectOnPostgresTests : CapabilityTestBase<PostgresWarehouse>
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Slipway.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Slipway.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Harbor_shop_builds_green_on_the_pg_target_twice()
    {
        CopyProject(Path.Combine(RepoRoot(), "samples", "harbor_shop"));
        var server = new NpgsqlConnectionStringBuilder(PgServer.ConnectionString);
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["PGHOST"] = server.Host!,
            ["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = server.Username!,
            ["PGPASSWORD"] = server.Password!,
            ["PGDATABASE"] = server.Database ?? "postgres",
            ["HARBOR_SHOP_SCHEMA"] = Schema,
        };
        var target = new Dictionary<string, object?> { ["target"] = "pg" };
        var first = Ok("build", target);
        Assert.Matches(@"Done\. PASS=(\d+) WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=\1", first);
        Assert.DoesNotContain(server.Password!, first);
        Assert.All(Results().Values, r => Assert.Contains(r.Status, new[] { "success", "pass" }));
        // Seeds go to <schema>_raw (the project's +schema: raw); every raw customer becomes one dim_customers row.
        Assert.Equal(Scalar($"select count(*) from {Schema}_raw.raw_customers"), Scalar($"select count(*) from {Q("dim_customers")}"));
        Assert.NotEqual("0", Scalar($"select count(*) from {Q("fct_orders")}"));

        var second = Ok("build", target);
        Assert.Contains("Completed successfully", second);
    }
}
