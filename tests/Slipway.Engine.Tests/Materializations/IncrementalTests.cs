using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// Incremental models run twice with changed source rows: each strategy's documented effect on the table,
/// unique_key single and composite, on_schema_change modes, and full refreshes.
/// </summary>
public sealed class IncrementalTests : MaterializationTestBase
{
    private static ProjectRun Source(string model, string rows = "(1, 'a'), (2, 'b')")
    {
        var p = Project(("models/inc.sql", model));
        Exec(p, $"create table main.src as select * from (values {rows}) as s(id, name)");
        return p;
    }

    private static void Replace(ProjectRun p, string rows) =>
        Exec(p, $"delete from main.src; insert into main.src select * from (values {rows}) as s(id, name)");

    [Fact]
    public void Append_with_is_incremental_filter_adds_only_new_rows()
    {
        using var p = Source("""
            {{ config(materialized='incremental') }}
            select * from main.src
            {% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}
            """);
        Run(p, "run");
        Assert.Equal(["1|a", "2|b"], Rows(p, "select * from main.inc order by id"));
        Exec(p, "insert into main.src values (3, 'c'), (4, 'd')");
        Run(p, "run");
        Assert.Equal(["1|a", "2|b", "3|c", "4|d"], Rows(p, "select * from main.inc order by id"));
        Assert.Equal(["inc:BASE TABLE", "src:BASE TABLE"], Relations(p));
    }

    [Fact]
    public void Append_without_key_keeps_duplicates()
    {
        using var p = Source("{{ config(materialized='incremental', incremental_strategy='append') }}\nselect * from main.src");
        Run(p, "run");
        Run(p, "run");
        Assert.Equal(["1|a", "1|a", "2|b", "2|b"], Rows(p, "select * from main.inc order by id"));
    }

    [Theory]
    [InlineData("delete+insert")]
    [InlineData("merge")]
    public void Unique_key_replaces_changed_rows_and_adds_new_ones(string strategy)
    {
        using var p = Source($"{{{{ config(materialized='incremental', incremental_strategy='{strategy}', unique_key='id') }}}}\nselect * from main.src");
        Run(p, "run");
        Replace(p, "(2, 'B'), (3, 'c')");
        Run(p, "run");
        Assert.Equal(["1|a", "2|B", "3|c"], Rows(p, "select * from main.inc order by id"));
    }

    [Theory]
    [InlineData("delete+insert")]
    [InlineData("merge")]
    public void Composite_unique_key_matches_on_every_column(string strategy)
    {
        using var p = Project(("models/inc.sql",
            $"{{{{ config(materialized='incremental', incremental_strategy='{strategy}', unique_key=['k1', 'k2']) }}}}\nselect * from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 'x', 10), (1, 'y', 20), (2, 'x', 30)) as s(k1, k2, v)");
        Run(p, "run");
        Exec(p, "delete from main.src; insert into main.src values (1, 'y', 21), (2, 'y', 40)");
        Run(p, "run");
        Assert.Equal(["1|x|10", "1|y|21", "2|x|30", "2|y|40"], Rows(p, "select * from main.inc order by k1, k2"));
    }

    [Fact]
    public void Merge_update_columns_limits_what_a_match_changes()
    {
        using var p = Project(("models/inc.sql",
            "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', merge_update_columns=['name']) }}\nselect * from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 'a', 100)) as s(id, name, score)");
        Run(p, "run");
        Exec(p, "delete from main.src; insert into main.src values (1, 'A', 999), (2, 'b', 5)");
        Run(p, "run");
        Assert.Equal(["1|A|100", "2|b|5"], Rows(p, "select * from main.inc order by id"));
    }

    [Fact]
    public void Merge_exclude_columns_keeps_the_excluded_ones()
    {
        using var p = Project(("models/inc.sql",
            "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', merge_exclude_columns=['score']) }}\nselect * from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 'a', 100)) as s(id, name, score)");
        Run(p, "run");
        Exec(p, "delete from main.src; insert into main.src values (1, 'A', 999)");
        Run(p, "run");
        Assert.Equal(["1|A|100"], Rows(p, "select * from main.inc order by id"));
    }

    [Fact]
    public void Incremental_predicates_narrow_the_delete()
    {
        using var p = Source("""
            {{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id',
                      incremental_predicates=["id > 1"]) }}
            select * from main.src
            """);
        Run(p, "run");
        Replace(p, "(1, 'A'), (2, 'B')");
        Run(p, "run");
        // id 1 is outside the predicate: its old row stays and the new one is added beside it.
        Assert.Equal(["1|A", "1|a", "2|B"], Rows(p, "select * from main.inc order by id, name"));
    }

    [Fact]
    public void Full_refresh_flag_rebuilds_from_scratch()
    {
        using var p = Source("{{ config(materialized='incremental') }}\nselect * from main.src");
        Run(p, "run");
        Replace(p, "(9, 'z')");
        Run(p, "run", flags: FullRefresh);
        Assert.Equal(["9|z"], Rows(p, "select * from main.inc"));
        Assert.Equal(["inc:BASE TABLE", "src:BASE TABLE"], Relations(p));
    }

    [Fact]
    public void Full_refresh_false_config_wins_over_the_flag()
    {
        using var p = Source("{{ config(materialized='incremental', full_refresh=false) }}\nselect * from main.src");
        Run(p, "run");
        Replace(p, "(9, 'z')");
        Run(p, "run", flags: FullRefresh);
        Assert.Equal(["1|a", "2|b", "9|z"], Rows(p, "select * from main.inc order by id"));
    }

    [Fact]
    public void Full_refresh_true_config_rebuilds_every_run()
    {
        using var p = Source("{{ config(materialized='incremental', full_refresh=true) }}\nselect * from main.src");
        Run(p, "run");
        Replace(p, "(9, 'z')");
        Run(p, "run");
        Assert.Equal(["9|z"], Rows(p, "select * from main.inc"));
    }

    [Fact]
    public void An_incremental_model_replaces_a_view_of_the_same_name()
    {
        using var p = Source("{{ config(materialized='view') }}\nselect * from main.src");
        Run(p, "run");
        p.Write("models/inc.sql", "{{ config(materialized='incremental') }}\nselect * from main.src");
        Run(p, "run");
        Assert.Equal(["inc:BASE TABLE", "src:BASE TABLE"], Relations(p));
        Assert.Equal(["1|a", "2|b"], Rows(p, "select * from main.inc order by id"));
    }

    private static ProjectRun SchemaChange(string onSchemaChange)
    {
        var p = Project(("models/inc.sql",
            $"{{{{ config(materialized='incremental', on_schema_change='{onSchemaChange}') }}}}\nselect id, a from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 'x', 10)) as s(id, a, b)");
        return p;
    }

    [Fact]
    public void On_schema_change_append_new_columns_adds_them_and_keeps_old_ones()
    {
        using var p = SchemaChange("append_new_columns");
        Run(p, "run");
        Exec(p, "insert into main.src values (2, 'y', 20)");
        p.Write("models/inc.sql", "{{ config(materialized='incremental', on_schema_change='append_new_columns') }}\nselect id, b from main.src where id = 2");
        Run(p, "run");
        Assert.Equal(["id:INTEGER", "a:VARCHAR", "b:INTEGER"], Columns(p, "inc"));
        Assert.Equal(["1|x|∅", "2|∅|20"], Rows(p, "select id, a, b from main.inc order by id"));
    }

    [Fact]
    public void On_schema_change_sync_all_columns_adds_and_removes_columns()
    {
        using var p = SchemaChange("sync_all_columns");
        Run(p, "run");
        Exec(p, "insert into main.src values (2, 'y', 20)");
        p.Write("models/inc.sql", "{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}\nselect id, b from main.src where id = 2");
        Run(p, "run");
        Assert.Equal(["id:INTEGER", "b:INTEGER"], Columns(p, "inc"));
        Assert.Equal(["1|∅", "2|20"], Rows(p, "select id, b from main.inc order by id"));
    }

    [Fact]
    public void On_schema_change_sync_all_columns_changes_column_types()
    {
        using var p = Project(("models/inc.sql", "{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}\nselect id, b as a from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 10)) as s(id, b)");
        Run(p, "run");
        p.Write("models/inc.sql", "{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}\nselect id + 1 as id, cast(b as bigint) as a from main.src");
        Run(p, "run");
        Assert.Equal(["id:INTEGER", "a:BIGINT"], Columns(p, "inc"));
        Assert.Equal(["1|10", "2|10"], Rows(p, "select * from main.inc order by id"));
    }

    [Fact]
    public void On_schema_change_fail_stops_and_leaves_the_table()
    {
        using var p = SchemaChange("fail");
        Run(p, "run");
        p.Write("models/inc.sql", "{{ config(materialized='incremental', on_schema_change='fail') }}\nselect id, a, b from main.src");
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("on_schema_change", output);
        Assert.Equal(["id:INTEGER", "a:VARCHAR"], Columns(p, "inc"));
        Assert.Equal(["1|x"], Rows(p, "select * from main.inc"));
    }

    [Fact]
    public void On_schema_change_ignore_inserts_into_the_existing_columns()
    {
        using var p = SchemaChange("ignore");
        Run(p, "run");
        Exec(p, "insert into main.src values (2, 'y', 20)");
        p.Write("models/inc.sql", "{{ config(materialized='incremental') }}\nselect id, a, b from main.src where id = 2");
        Run(p, "run");
        Assert.Equal(["id:INTEGER", "a:VARCHAR"], Columns(p, "inc"));
        Assert.Equal(["1|x", "2|y"], Rows(p, "select * from main.inc order by id"));
    }

    [Fact]
    public void An_unknown_strategy_is_an_error_naming_the_valid_ones()
    {
        using var p = Source("{{ config(materialized='incremental', incremental_strategy='upsert_magic') }}\nselect * from main.src");
        Run(p, "run");
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("get_incremental_upsert_magic_sql", output);
    }

    [Fact]
    public void A_project_strategy_macro_is_used_for_its_strategy()
    {
        using var p = Project(
            ("macros/strategy.sql", """
                {% macro get_incremental_replace_all_sql(arg_dict) %}
                    delete from {{ arg_dict['target_relation'] }};
                    insert into {{ arg_dict['target_relation'] }} select * from {{ arg_dict['temp_relation'] }}
                {% endmacro %}
                """),
            ("models/inc.sql", "{{ config(materialized='incremental', incremental_strategy='replace_all') }}\nselect * from main.src"));
        Exec(p, "create table main.src as select * from (values (1, 'a')) as s(id, name)");
        Run(p, "run");
        Exec(p, "delete from main.src; insert into main.src values (5, 'e')");
        Run(p, "run");
        Assert.Equal(["5|e"], Rows(p, "select * from main.inc"));
    }
}
