namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>on-run-start/on-run-end and each model's pre-/post-hooks run, in dbt's order, with <c>this</c> and <c>results</c>.</summary>
public abstract class HookConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    [Fact]
    public void Run_hooks_and_model_hooks_write_to_a_log_table()
    {
        Project(new Dictionary<string, string>
        {
            ["models/m1.sql"] = "{{ config(materialized='table', post_hook=\"insert into {{ this.schema }}.hook_log select 'post ' || '{{ this.name }}', (select count(*) from {{ this }}), 2\") }}\nselect 1 as id union all select 2",
            ["models/m2.sql"] = "{{ config(materialized='view') }}\nselect id from {{ ref('m1') }}",
        }, """
            on-run-start:
              - "create table if not exists {{ target.schema }}.hook_log (step varchar(100), n integer, at_step integer)"
              - "insert into {{ target.schema }}.hook_log values ('start', 0, 0)"
            on-run-end:
              - "insert into {{ target.schema }}.hook_log values ('end', {{ results | length }}, 99)"
            models:
              conformance:
                +pre-hook: "insert into {{ target.schema }}.hook_log values ('pre {{ this.name }}', (select count(*) from {{ target.schema }}.hook_log), 1)"
            """);
        Ok("run");
        Assert.Equal(["end|2", "post m1|2", "pre m1|1", "pre m2|3", "start|0"],
            Rows($"select step, n from {Q("hook_log")} order by step"));
    }

    [Fact]
    public void A_failing_post_hook_fails_its_model()
    {
        Project(new Dictionary<string, string>
        {
            ["models/m.sql"] = "{{ config(materialized='table', post_hook='select * from no_such_table_for_hooks') }}\nselect 1 as id",
        });
        Ok("run", expectedExit: 1);
        Assert.Equal("error", Results()["model.conformance.m"].Status);
    }

    [Fact]
    public void A_hook_outside_the_transaction_can_run_what_a_transaction_forbids()
    {
        // PostgreSQL refuses VACUUM inside a transaction block: the hook only works when run after the commit.
        Project(new Dictionary<string, string>
        {
            ["models/m.sql"] = "{{ config(materialized='table', post_hook={'sql': 'vacuum analyze {{ this }}', 'transaction': false}, pre_hook=before_begin('select 1')) }}\nselect 1 as id",
        });
        Ok("run");
        Assert.Equal("success", Results()["model.conformance.m"].Status);
        Assert.Equal("1", Scalar($"select id from {Q("m")}"));
    }
}
