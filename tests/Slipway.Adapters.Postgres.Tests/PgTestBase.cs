using Slipway.Adapters.Conformance;

namespace Slipway.Adapters.Postgres.Tests;

/// <summary>A PostgreSQL adapter on the test server with a schema of its own (dropped at the end).</summary>
public abstract class PgTestBase : AdapterTestBase
{
    protected override IAdapter OpenAdapter(string dir) => PgServer.Open();
    protected override string LongRunningQuery => "select pg_sleep(600)";

    public PostgresAdapter Pg => (PostgresAdapter)Adapter;

    /// <summary>Renders a template that sees <c>adapter</c>, <c>database</c> and <c>schema</c>.</summary>
    protected string Render(string template) =>
        new Slipway.Jinja.JinjaEnvironment().FromString(template)
            .Render(new Dictionary<string, object?> { ["adapter"] = Adapter, ["schema"] = Schema, ["database"] = Database });

    /// <summary>A role that exists only for this test (dropped with <see cref="DropRole"/>).</summary>
    protected string CreateRole(string options = "nologin")
    {
        var role = "slipway_role_" + Guid.NewGuid().ToString("N")[..8];
        Adapter.Execute($"create role {role} {options}");
        return role;
    }

    protected void DropRole(string role)
    {
        Adapter.Execute($"drop owned by {role} cascade");
        Adapter.Execute($"drop role if exists {role}");
    }
}
