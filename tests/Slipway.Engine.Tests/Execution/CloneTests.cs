using Slipway.Engine.Tests.Materializations;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// <c>slipway clone --state</c> from a production manifest into a development schema on one DuckDB file: views onto
/// the production relations, existing relations kept unless --full-refresh, ephemeral models and unknown nodes skipped.
/// </summary>
public sealed class CloneTests : MaterializationTestBase
{
    private static ProjectRun TwoEnvironments()
    {
        var p = Project(
            ("models/orders.sql", "{{ config(materialized='table') }}\nselect * from (values (1, 10), (2, 20)) as o(id, amount)"),
            ("models/big_orders.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('orders') }} where amount > 15"),
            ("models/helper.sql", "{{ config(materialized='ephemeral') }}\nselect 1 as x"));
        p.Write("profiles.yml", $"""
            fixture:
              target: dev
              outputs:
                dev:
                  type: duckdb
                  path: {p.DatabaseFile}
                  schema: dev_me
                prod:
                  type: duckdb
                  path: {p.DatabaseFile}
                  schema: prod
            """);
        Run(p, "run", flags: new Dictionary<string, object?> { ["target"] = "prod", ["target_path"] = "prod_artifacts" });
        return p;
    }

    private static readonly Dictionary<string, object?> FromProd = new() { ["state"] = "prod_artifacts" };

    [Fact]
    public void Clone_creates_views_in_dev_onto_the_prod_relations()
    {
        using var p = TwoEnvironments();
        var output = Run(p, "clone", flags: FromProd);
        Assert.Equal(["big_orders:VIEW", "orders:VIEW"], Relations(p, "dev_me"));
        Assert.Equal(["1|10", "2|20"], Rows(p, "select * from dev_me.orders order by id"));
        Assert.Contains("select * from dev.prod.orders",
            p.Scalar("select sql from duckdb_views() where schema_name = 'dev_me' and view_name = 'orders'")!.Replace("\"", "").ToLowerInvariant());
        Exec(p, "insert into prod.orders values (3, 30)");
        Assert.Equal(["2|20", "3|30"], Rows(p, "select * from dev_me.big_orders order by id"));
        Assert.Contains("START clone model.fixture.orders", output);
        var statuses = p.Statuses();
        Assert.Equal(["model.fixture.big_orders", "model.fixture.orders"], statuses.Keys.Order().ToArray());
        Assert.All(statuses.Values, s => Assert.Equal("success", s));
        Assert.Equal("clone", p.RunResults().RootElement.GetProperty("args").GetProperty("which").GetString());
    }

    [Fact]
    public void Existing_relations_are_kept_unless_full_refresh()
    {
        using var p = TwoEnvironments();
        Exec(p, "create schema dev_me; create table dev_me.orders as select 99 as id, 0 as amount");
        var output = Run(p, "clone", flags: FromProd);
        Assert.Contains("Relation \"dev\".\"dev_me\".\"orders\" already exists", output);
        Assert.Equal(["99|0"], Rows(p, "select * from dev_me.orders"));
        Assert.Contains("[No-op", output);

        Run(p, "clone", flags: new Dictionary<string, object?> { ["state"] = "prod_artifacts", ["full_refresh"] = true });
        Assert.Equal(["big_orders:VIEW", "orders:VIEW"], Relations(p, "dev_me"));
        Assert.Equal(["1|10", "2|20"], Rows(p, "select * from dev_me.orders order by id"));
    }

    [Fact]
    public void A_node_missing_from_the_other_manifest_is_a_no_op_and_selection_applies()
    {
        using var p = TwoEnvironments();
        p.Write("models/new_model.sql", "select 1 as id");
        var output = Run(p, "clone", flags: new Dictionary<string, object?> { ["state"] = "prod_artifacts", ["select"] = new List<string> { "new_model", "orders" } });
        Assert.Contains("No relation found in state manifest for model.fixture.new_model", output);
        Assert.Equal(["orders:VIEW"], Relations(p, "dev_me"));
    }

    [Fact]
    public void Clone_without_state_says_what_it_needs()
    {
        using var p = TwoEnvironments();
        var output = Run(p, "clone", expectedExit: 2);
        Assert.Contains("clone needs --state", output);
    }
}
