using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>Enforced model contracts: declared columns and types checked against the query, constraints enforced by DuckDB.</summary>
public sealed class ContractTests : MaterializationTestBase
{
    private static ProjectRun Contracted(string sql, string materialized = "table") => Project(
        ("models/c.sql", $"{{{{ config(materialized='{materialized}', contract={{'enforced': true}}) }}}}\n{sql}"),
        ("models/schema.yml", """
            version: 2
            models:
              - name: c
                columns:
                  - name: id
                    data_type: int
                    constraints:
                      - type: not_null
                      - type: primary_key
                  - name: label
                    data_type: varchar
                    constraints:
                      - type: check
                        expression: "length(label) < 5"
            """));

    [Fact]
    public void A_matching_query_builds_a_table_with_the_declared_columns()
    {
        using var p = Contracted("select 'ab' as label, 1 as id");
        Run(p, "run");
        Assert.Equal(["id:INTEGER", "label:VARCHAR"], Columns(p, "c"));
        Assert.Equal(["1|ab"], Rows(p, "select id, label from main.c"));
        // Rebuilds swap as usual.
        Run(p, "run");
        Assert.Equal(["1|ab"], Rows(p, "select id, label from main.c"));
    }

    [Fact]
    public void Type_and_name_mismatches_are_reported_together()
    {
        using var p = Contracted("select 'one' as id, 'ab' as label, 3 as extra");
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("id: declared INTEGER, the query returns VARCHAR", output);
        Assert.Contains("extra: returned by the query (INTEGER), not declared", output);
    }

    [Fact]
    public void Constraints_are_enforced_and_a_violation_keeps_the_previous_table()
    {
        using var p = Contracted("select 1 as id, 'ab' as label");
        Run(p, "run");
        p.Write("models/c.sql", "{{ config(materialized='table', contract={'enforced': true}) }}\nselect cast(null as integer) as id, 'ab' as label");
        Run(p, "run", expectedExit: 1);
        p.Write("models/c.sql", "{{ config(materialized='table', contract={'enforced': true}) }}\nselect 2 as id, 'too long' as label");
        Run(p, "run", expectedExit: 1);
        Assert.Equal(["1|ab"], Rows(p, "select id, label from main.c"));
    }

    [Fact]
    public void Views_check_the_columns_too()
    {
        using var p = Contracted("select 1 as id", materialized: "view");
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("label: declared VARCHAR, missing from the query", output);
    }
}
