using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>view and table materializations: what they create, rebuilds, swaps, and a failed rebuild keeping the old table.</summary>
public sealed class TableAndViewTests : MaterializationTestBase
{
    [Fact]
    public void View_is_created_and_rebuilt_without_leftovers()
    {
        using var p = Project(("models/v.sql", "{{ config(materialized='view') }}\nselect 1 as id, 'a' as name"));
        Run(p, "run");
        Assert.Equal(["v:VIEW"], Relations(p));
        Assert.Equal(["1|a"], Rows(p, "select * from main.v"));
        p.Write("models/v.sql", "{{ config(materialized='view') }}\nselect 2 as id, 'b' as name");
        Run(p, "run");
        Assert.Equal(["v:VIEW"], Relations(p));
        Assert.Equal(["2|b"], Rows(p, "select * from main.v"));
    }

    [Fact]
    public void Table_is_created_rebuilt_and_swapped_without_leftovers()
    {
        using var p = Project(("models/t.sql", "{{ config(materialized='table') }}\nselect * from (values (1, 'a'), (2, 'b')) as s(id, name)"));
        Run(p, "run");
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["1|a", "2|b"], Rows(p, "select * from main.t order by id"));
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect 3 as id, 'c' as name, true as flag");
        Run(p, "run");
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["3|c|True"], Rows(p, "select * from main.t"));
    }

    [Fact]
    public void A_table_replaces_a_view_and_a_view_replaces_a_table()
    {
        using var p = Project(("models/m.sql", "{{ config(materialized='view') }}\nselect 1 as id"));
        Run(p, "run");
        Assert.Equal(["m:VIEW"], Relations(p));
        p.Write("models/m.sql", "{{ config(materialized='table') }}\nselect 2 as id");
        Run(p, "run");
        Assert.Equal(["m:BASE TABLE"], Relations(p));
        Assert.Equal(["2"], Rows(p, "select id from main.m"));
        p.Write("models/m.sql", "{{ config(materialized='view') }}\nselect 3 as id");
        Run(p, "run");
        Assert.Equal(["m:VIEW"], Relations(p));
        Assert.Equal(["3"], Rows(p, "select id from main.m"));
    }

    [Fact]
    public void A_failing_table_rebuild_leaves_the_previous_table()
    {
        using var p = Project(("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect cast('not a number' as integer) as id");
        Run(p, "run", expectedExit: 1);
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["1"], Rows(p, "select id from main.t"));
        Assert.Equal("error", p.Statuses()["model.fixture.t"]);
    }

    [Fact]
    public void Views_on_a_rebuilt_table_see_the_new_rows()
    {
        using var p = Project(
            ("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id"),
            ("models/v.sql", "select id * 10 as id from {{ ref('t') }}"));
        Run(p, "run");
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect 2 as id");
        Run(p, "run");
        Assert.Equal(["20"], Rows(p, "select id from main.v"));
    }

    [Fact]
    public void Ephemeral_models_create_nothing_and_are_inlined()
    {
        using var p = Project(
            ("models/e.sql", "{{ config(materialized='ephemeral') }}\nselect 5 as id"),
            ("models/t.sql", "{{ config(materialized='table') }}\nselect id + 1 as id from {{ ref('e') }}"));
        Run(p, "run");
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["6"], Rows(p, "select id from main.t"));
    }

    [Fact]
    public void Hooks_run_before_and_after_inside_and_outside_the_transaction()
    {
        using var p = Project(
            ("models/t.sql", """
                {{ config(materialized='table',
                    pre_hook=[before_begin("create table if not exists main.audit (step varchar, n integer)"),
                              "insert into main.audit values ('pre', (select count(*) from main.audit))"],
                    post_hook=["insert into main.audit select 'post', count(*) from {{ this }}",
                               after_commit("insert into main.audit values ('after', 0)")]) }}
                select 1 as id union all select 2
                """));
        Run(p, "run");
        Assert.Equal(["pre|0", "post|2", "after|0"], Rows(p, "select step, n from main.audit order by rowid"));
    }

    [Fact]
    public void Sql_header_runs_before_the_create_statement()
    {
        using var p = Project(("models/t.sql", """
            {{ config(materialized='table') }}
            {% call set_sql_header(config) %}create or replace macro add_one(x) as x + 1;{% endcall %}
            select add_one(41) as v
            """));
        Run(p, "run");
        Assert.Equal(["42"], Rows(p, "select v from main.t"));
    }

    [Fact]
    public void A_project_macro_overrides_a_built_in_one()
    {
        using var p = Project(
            ("macros/create.sql", """
                {% macro default__create_table_as(temporary, relation, sql) -%}
                    create {% if temporary %}temporary {% endif %}table {{ relation }} as (select *, 'ours' as made_by from ({{ sql }}) as inner_query)
                {%- endmacro %}
                """),
            ("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        Assert.Equal(["1|ours"], Rows(p, "select id, made_by from main.t"));
    }

    [Fact]
    public void A_project_materialization_overrides_the_built_in_one()
    {
        using var p = Project(
            // dbt-duckdb's own table is adapter-specific, so only an adapter='duckdb' version replaces it (as under dbt).
            ("macros/table.sql", """
                {% materialization table, adapter='duckdb' %}
                    {% call statement('main') %}create table {{ this }} as select 'custom' as kind{% endcall %}
                    {{ return({'relations': [this.incorporate(type='table')]}) }}
                {% endmaterialization %}
                """),
            ("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        Assert.Equal(["custom"], Rows(p, "select kind from main.t"));
    }

    [Fact]
    public void Date_spine_runs_its_interval_query_at_run_time()
    {
        using var p = Project(("models/spine.sql", """
            {{ config(materialized='table') }}
            {{ dbt.date_spine('day', "date '2024-02-27'", "date '2024-03-02'") }}
            """));
        Run(p, "run");
        Assert.Equal(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"],
            Rows(p, "select strftime(date_day, '%Y-%m-%d') from main.spine order by 1"));
    }

    [Theory]
    [InlineData("table", "duckdb_tables()", "table_name")]
    [InlineData("view", "duckdb_views()", "view_name")]
    public void Persist_docs_stores_descriptions_as_comments(string materialized, string catalog, string nameColumn)
    {
        using var p = Project(
            ("models/documented.sql", $"{{{{ config(materialized='{materialized}', persist_docs={{'relation': true, 'columns': true}}) }}}}\nselect 1 as id, 'x' as label"),
            ("models/schema.yml", """
                version: 2
                models:
                  - name: documented
                    description: "The model's own words"
                    columns:
                      - name: id
                        description: Primary key
                      - name: not_a_column
                        description: ignored
                """));
        Run(p, "run");
        Assert.Equal(["The model's own words"], Rows(p, $"select comment from {catalog} where {nameColumn} = 'documented'"));
        Assert.Equal(["id|Primary key", "label|∅"], Rows(p, "select column_name, comment from duckdb_columns() where table_name = 'documented' order by column_index"));
    }

    /// <summary>On DuckDB the built-in view/table materializations replace in place; the default ones (used by
    /// other warehouses) build beside and swap. A project materialization delegating to the defaults runs them here.</summary>
    private static readonly (string, string) UseDefaultMaterializations = ("macros/defaults.sql", """
        {% materialization table, adapter='duckdb' %}{{ return(materialization_table_default()) }}{% endmaterialization %}
        {% materialization view, adapter='duckdb' %}{{ return(materialization_view_default()) }}{% endmaterialization %}
        """);

    [Fact]
    public void Default_table_materialization_swaps_through_tmp_and_backup()
    {
        using var p = Project(UseDefaultMaterializations, ("models/t.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect 2 as id");
        Run(p, "run");
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["2"], Rows(p, "select id from main.t"));
        Assert.Contains("__dbt_tmp", File.ReadAllText(Path.Combine(p.Root, "target/run/fixture/models/t.sql")));
        p.Write("models/t.sql", "{{ config(materialized='table') }}\nselect cast('x' as integer) as id");
        Run(p, "run", expectedExit: 1);
        Assert.Equal(["t:BASE TABLE"], Relations(p));
        Assert.Equal(["2"], Rows(p, "select id from main.t"));
    }

    [Fact]
    public void Default_view_materialization_swaps_and_replaces_a_table()
    {
        using var p = Project(UseDefaultMaterializations, ("models/m.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        p.Write("models/m.sql", "{{ config(materialized='view') }}\nselect 2 as id");
        Run(p, "run");
        Assert.Equal(["m:VIEW"], Relations(p));
        Assert.Equal(["2"], Rows(p, "select id from main.m"));
        p.Write("models/m.sql", "{{ config(materialized='view') }}\nselect 3 as id");
        Run(p, "run");
        Assert.Equal(["m:VIEW"], Relations(p));
        Assert.Equal(["3"], Rows(p, "select id from main.m"));
    }

    [Fact]
    public void A_failing_view_rebuild_leaves_the_previous_table_in_place()
    {
        using var p = Project(("models/m.sql", "{{ config(materialized='table') }}\nselect 1 as id"));
        Run(p, "run");
        p.Write("models/m.sql", "{{ config(materialized='view') }}\nselect id from no_such_table");
        Run(p, "run", expectedExit: 1);
        Assert.Equal(["m:BASE TABLE"], Relations(p));
        Assert.Equal(["1"], Rows(p, "select id from main.m"));
    }
}
