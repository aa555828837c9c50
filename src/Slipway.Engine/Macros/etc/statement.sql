{# Statements: the call-block macros every materialization runs SQL through, and run_query. #}

{#-- The body of the call block is the SQL. It runs on the node's connection; its response and (when
     fetch_result) its rows are kept under `name` for load_result. The 'main' statement is the node's own
     SQL, which is also written to target/run/. --#}
{% macro statement(name=none, fetch_result=False, auto_begin=True, language='sql') -%}
    {%- if execute -%}
        {%- set compiled_code = caller() -%}
        {%- if language != 'sql' -%}
            {{ exceptions.raise_compiler_error("Slipway runs SQL statements only; '" ~ language ~ "' is not supported") }}
        {%- endif -%}
        {%- if name == 'main' -%}
            {{ write(compiled_code) }}
        {%- endif -%}
        {%- set result = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none -%}
            {%- if result is none -%}
                {{ store_result(name, response=none, agate_table=none) }}
            {%- else -%}
                {{ store_result(name, response=result[0], agate_table=result[1]) }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#-- Records a result without running anything (seeds report their load this way). --#}
{% macro noop_statement(name=none, message=none, code=none, rows_affected=none, res=none) -%}
    {%- set sql = caller() -%}
    {%- if name == 'main' -%}
        {{ write(sql) }}
    {%- endif -%}
    {%- if name is not none -%}
        {{ store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) }}
    {%- endif -%}
{%- endmacro %}

{#-- Runs sql and returns its rows as a table (columns, rows, column_names, print_table). --#}
{% macro run_query(sql) %}
    {% call statement("run_query_statement", fetch_result=true, auto_begin=false) %}{{ sql }}{% endcall %}
    {% set result = load_result("run_query_statement") %}
    {% do return(result.table if result is not none else none) %}
{% endmacro %}
