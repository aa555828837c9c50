namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// DuckDB's view and table materializations run a lone <c>create or replace</c> autocommitted (no begin/commit
/// around it) and open a transaction only when something else runs in it; either way a failed rebuild leaves the
/// previous relation and its rows.
/// </summary>
public sealed class SingleStatementTests : MaterializationTestBase
{
    /// <summary>A root-project <c>statement</c> (it overrides the built-in) that records each node's <c>auto_begin</c>.</summary>
    private const string RecordingStatement = """
        {% macro statement(name=none, fetch_result=False, auto_begin=True, language='sql') -%}
            {%- if execute -%}
                {%- set compiled_code = caller() -%}
                {%- if name == 'main' -%}
                    {% do adapter.execute("insert into main.begins values ('" ~ this.name ~ "', " ~ auto_begin ~ ")", auto_begin=False) %}
                {%- endif -%}
                {%- set result = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result) -%}
                {{ store_result(name, response=result[0], agate_table=result[1]) }}
            {%- endif -%}
        {%- endmacro %}
        """;

    [Fact]
    public void A_lone_create_runs_without_a_transaction_and_hooks_or_a_type_change_open_one()
    {
        using var p = Project(
            ("macros/statement.sql", RecordingStatement),
            ("models/plain_table.sql", "{{ config(materialized='table') }}\nselect 1 as id"),
            ("models/plain_view.sql", "select 1 as id"),
            ("models/hooked.sql", "{{ config(materialized='table', post_hook='select 1') }}\nselect 1 as id"),
            ("models/switched.sql", "{{ config(materialized='view') }}\nselect 1 as id"));
        p.Write("dbt_project.yml", "name: fixture\nversion: '1.0'\nprofile: fixture\non-run-start:\n  - create table if not exists main.begins (model varchar, auto_begin boolean)\n");
        Run(p, "run");
        // The second run finds switched as a view and builds a table: the drop and the create share a transaction.
        p.Write("models/switched.sql", "{{ config(materialized='table') }}\nselect 2 as id");
        Exec(p, "delete from main.begins");
        Run(p, "run");
        Assert.Equal(["hooked|True", "plain_table|False", "plain_view|False", "switched|True"],
            Rows(p, "select model, auto_begin from main.begins order by model"));
        Assert.Equal(["2"], Rows(p, "select id from main.switched"));
    }

    [Fact]
    public void A_table_rebuild_failing_midway_through_its_rows_keeps_the_old_table()
    {
        using var p = Project(("models/t.sql", "{{ config(materialized='table') }}\nselect i as id from range(1000) t(i)"));
        Run(p, "run");
        // The cast fails only from row 60,000 on, after DuckDB has already written earlier chunks of the new table.
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect case when i < 60000 then i else cast('x' || i as integer) end as id from range(100000) t(i)");
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("Conversion Error", output);
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["1000|0|999"], Rows(p, "select count(*), min(id), max(id) from main.t"));
    }

    [Fact]
    public void A_view_rebuild_that_fails_keeps_the_old_view()
    {
        using var p = Project(("models/v.sql", "select 1 as id"));
        Run(p, "run");
        p.Write("models/v.sql", "select no_such_column from (select 1 as id)");
        Run(p, "run", expectedExit: 1);
        Assert.Equal(["v:VIEW"], Relations(p));
        Assert.Equal(["1"], Rows(p, "select id from main.v"));
    }
}
