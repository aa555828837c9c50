{# Running SQL from templates. Parsing never runs anything (execute is false); execution supplies an adapter
   whose execute() returns (response, table), and store_result/load_result keep results by name. #}

{% macro statement(name=none, fetch_result=false, auto_begin=true, language='sql') -%}
    {%- if execute -%}
        {%- set sql = caller() -%}
        {%- set outcome = adapter.execute(sql, auto_begin=auto_begin, fetch=fetch_result) -%}
        {%- if name is not none and outcome -%}
            {%- do store_result(name, response=outcome[0], agate_table=outcome[1]) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{% macro noop_statement(name=none, message=none, code=none, rows_affected=none, res=none) -%}
    {%- set sql = caller() -%}
    {%- if name is not none -%}
        {%- do store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) -%}
    {%- endif -%}
{%- endmacro %}

{% macro run_query(sql) %}
    {% call statement("run_query_statement", fetch_result=true, auto_begin=false) %}{{ sql }}{% endcall %}
    {% set result = load_result("run_query_statement") %}
    {% do return(result.table if result else none) %}
{% endmacro %}
