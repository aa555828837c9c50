namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// Built-in macros that talk to the warehouse while a node runs: run_query, statement/load_result, column and
/// schema questions, relation helpers, show SQL, and schema DDL through run-operation.
/// </summary>
public sealed class AdapterMacroTests : MaterializationTestBase
{
    [Fact]
    public void Query_and_metadata_macros_answer_from_the_warehouse()
    {
        using var p = Project(
            ("models/base.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'x' as label, 2.5::double as score"),
            ("models/probe.sql", """
                {{ config(materialized='table') }}
                {% set cols = get_columns_in_query('select 1 as a, 2 as b') %}
                {% set answer = run_query('select 41 + 1 as answer') %}
                {% set schemas = list_schemas('dev') %}
                {% set has_main = check_schema_exists(api.Relation.create(database='dev'), 'main') %}
                {% set has_nope = check_schema_exists(api.Relation.create(database='dev'), 'nope') %}
                {% set base_columns = get_columns_in_relation(ref('base')) %}
                {% set loaded = load_relation(ref('base')) %}
                {% set missing = load_relation(api.Relation.create(database='dev', schema='main', identifier='nothing_here')) %}
                {% call statement('counted', fetch_result=True) %}select count(*) as n from {{ ref('base') }}{% endcall %}
                select
                    '{{ cols | join(",") }}' as cols,
                    {{ answer.columns[0].values()[0] }} as answer,
                    {{ 'main' in schemas.columns[0].values() }} as lists_main,
                    {{ has_main.columns[0].values()[0] }} as main_exists,
                    {{ has_nope.columns[0].values()[0] }} as nope_exists,
                    '{{ base_columns | map(attribute="name") | join(",") }}' as base_columns,
                    '{{ loaded.type }}' as base_type,
                    {{ missing is none }} as missing_is_none,
                    {{ load_result('counted')['data'][0][0] }} as counted
                """));
        Run(p, "run");
        Assert.Equal(["a,b|42|True|1|0|id,label,score|table|True|1"], Rows(p, "select * from main.probe"));
    }

    [Fact]
    public void Relation_helpers_name_temp_intermediate_and_backup_relations()
    {
        using var p = Project(("models/names.sql", """
            {{ config(materialized='table') }}
            {% set base = api.Relation.create(database='dev', schema='main', identifier='orders', type='table') %}
            select
                '{{ make_intermediate_relation(base) }}' as intermediate,
                '{{ make_backup_relation(base, 'view') }}' as backup,
                '{{ make_backup_relation(base, 'view').type }}' as backup_type,
                '{{ make_temp_relation(base) }}' as temp,
                '{{ get_drop_sql(base) | replace("'", "''") }}' as drop_sql,
                '{{ get_rename_sql(base, 'orders_old') | replace("'", "''") }}' as rename_sql
            """));
        Run(p, "run");
        Assert.Equal(["\"dev\".\"main\".\"orders__dbt_tmp\"|\"dev\".\"main\".\"orders__dbt_backup\"|view|\"orders__dbt_tmp\"|drop table if exists \"dev\".\"main\".\"orders\" cascade|alter table \"dev\".\"main\".\"orders\" rename to \"orders_old\""],
            Rows(p, "select * from main.names"));
    }

    [Fact]
    public void Show_sql_limits_a_query_in_a_subquery()
    {
        using var p = Project(("models/shown.sql", """
            {{ config(materialized='table') }}
            select count(*) as n from ({{ get_show_sql('select * from range(10) order by 1 desc', none, 3) }})
            union all
            select max(range) from ({{ get_limit_subquery_sql('select * from range(10) order by 1 desc limit 5', 2) }})
            """));
        Run(p, "run");
        Assert.Equal(["3", "9"], Rows(p, "select n from main.shown"));
    }

    [Fact]
    public void Schemas_are_created_and_dropped_by_run_operation()
    {
        using var p = Project(("macros/schemas.sql", """
            {% macro make_schema(name) %}{% do create_schema(api.Relation.create(database=target.database, schema=name)) %}{% endmacro %}
            {% macro remove_schema(name) %}{% do drop_schema(api.Relation.create(database=target.database, schema=name)) %}{% endmacro %}
            """));
        var (code, output) = p.Run("run-operation", new Dictionary<string, object?> { ["args"] = "{name: extra}" }, ["make_schema"]);
        Assert.True(code == 0, output);
        Assert.Equal(["1"], Rows(p, "select count(*) from information_schema.schemata where schema_name = 'extra'"));
        (code, output) = p.Run("run-operation", new Dictionary<string, object?> { ["args"] = "{name: extra}" }, ["remove_schema"]);
        Assert.True(code == 0, output);
        Assert.Equal(["0"], Rows(p, "select count(*) from information_schema.schemata where schema_name = 'extra'"));
    }

    [Fact]
    public void Column_ddl_macros_add_remove_and_retype_columns()
    {
        using var p = Project(("macros/alter.sql", """
            {% macro reshape() %}
                {% set rel = adapter.get_relation(target.database, 'main', 'wide') %}
                {% set columns = adapter.get_columns_in_relation(rel) %}
                {% do alter_relation_add_remove_columns(rel, [api.Column.create('extra', 'varchar')], columns | selectattr('name', 'equalto', 'dropme') | list) %}
                {% do alter_column_type(rel, 'n', 'bigint') %}
                {% do adapter.commit() %}
            {% endmacro %}
            """));
        Exec(p, "create table main.wide as select 1::integer as n, 'x' as dropme");
        var (code, output) = p.Run("run-operation", null, ["reshape"]);
        Assert.True(code == 0, output);
        Assert.Equal(["n:BIGINT", "extra:VARCHAR"], Columns(p, "wide"));
    }

    [Fact]
    public void Date_range_helpers_list_every_day_inclusive()
    {
        using var p = Project(("models/days.sql", """
            {{ config(materialized='table') }}
            {% if execute %}
            select
                '{{ dates_in_range('20240227', '20240302') | join(',') }}' as days,
                '{{ partition_range('20241231,20250101') | join(',') }}' as partitions,
                '{{ partition_range('2024-05-06', date_fmt='%Y-%m-%d') | join(',') }}' as single,
                {{ py_current_timestring() | length }} as stamp_length
            {% endif %}
            """));
        Run(p, "run");
        Assert.Equal(["20240227,20240228,20240229,20240301,20240302|20241231,20250101|20240506|20"], Rows(p, "select * from main.days"));
    }

    [Fact]
    public void Collect_freshness_reads_the_newest_load_time()
    {
        using var p = Project(("models/fresh.sql", """
            {{ config(materialized='table') }}
            {% set result = collect_freshness(api.Relation.create(database='dev', schema='main', identifier='loads'), 'loaded_at', 'id < 3') %}
            select '{{ result['table'].columns[0].values()[0] }}' as newest, {{ result['table'].columns[1].values()[0] is not none }} as measured
            """));
        Exec(p, "create table main.loads as select * from (values (1, timestamp '2024-01-01 10:00:00'), (2, timestamp '2024-01-02 08:30:00'), (3, timestamp '2030-01-01 00:00:00')) as t(id, loaded_at)");
        Run(p, "run");
        Assert.Equal(["2024-01-02 08:30:00|True"], Rows(p, "select * from main.fresh"));
    }
}
