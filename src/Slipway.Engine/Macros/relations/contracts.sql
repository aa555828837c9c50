{# Model contracts (contract: {enforced: true}). The query must return exactly the declared columns with the
   declared types, and the table is created from the declarations (with their constraints) before the rows are
   inserted, so the warehouse enforces not_null, unique, primary_key and check. #}

{% macro contract_enforced() %}
    {% set contract = config.get('contract') %}
    {{ return(contract is mapping and contract.get('enforced') in [true, 'true', 'True']) }}
{% endmacro %}

{#-- Stops with one message listing every column whose presence or type differs. --#}
{% macro get_assert_columns_equivalent(sql) %}
    {{ return(adapter.dispatch('get_assert_columns_equivalent', 'dbt')(sql)) }}
{% endmacro %}

{% macro default__get_assert_columns_equivalent(sql) %}
    {% set declared = model['columns'].values() | list if model['columns'] else [] %}
    {% if declared | length == 0 %}
        {{ exceptions.raise_compiler_error("This model has an enforced contract but declares no columns: list them with their data_type in its properties file") }}
    {% endif %}
    {% set casts = [] %}
    {% for column in declared %}
        {% if not column.get('data_type') %}
            {{ exceptions.raise_compiler_error("The enforced contract needs a data_type for column '" ~ column['name'] ~ "'") }}
        {% endif %}
        {% do casts.append('cast(null as ' ~ column['data_type'] ~ ') as ' ~ adapter.quote(column['name'])) %}
    {% endfor %}
    {#-- The warehouse spells both sides' types, so int and integer compare equal. --#}
    {% set expected = adapter.get_column_schema_from_query('select ' ~ casts | join(', ')) %}
    {% set actual = adapter.get_column_schema_from_query(sql) %}
    {% set problems = [] %}
    {% for column in expected %}
        {% set match = actual | selectattr('name', 'equalto', column.name) | list %}
        {% if not match %}
            {% do problems.append(column.name ~ ": declared " ~ column.dtype ~ ", missing from the query") %}
        {% elif match[0].dtype | lower != column.dtype | lower %}
            {% do problems.append(column.name ~ ": declared " ~ column.dtype ~ ", the query returns " ~ match[0].dtype) %}
        {% endif %}
    {% endfor %}
    {% set expected_names = expected | map(attribute='name') | list %}
    {% for column in actual %}
        {% if column.name not in expected_names %}
            {% do problems.append(column.name ~ ": returned by the query (" ~ column.dtype ~ "), not declared") %}
        {% endif %}
    {% endfor %}
    {% if problems %}
        {{ exceptions.raise_contract_error("The query's columns do not match the enforced contract: " ~ problems | join('; ')) }}
    {% endif %}
{% endmacro %}

{#-- ("id" integer not null primary key, ..., <model-level constraints>) --#}
{% macro get_table_columns_and_constraints() %}
    {{ return(adapter.dispatch('get_table_columns_and_constraints', 'dbt')()) }}
{% endmacro %}

{% macro default__get_table_columns_and_constraints() -%}
    {%- set parts = [] -%}
    {%- for column in model['columns'].values() -%}
        {%- set words = [adapter.quote(column['name']), column['data_type']] -%}
        {%- for constraint in column.get('constraints') or [] -%}
            {%- set rendered = render_column_constraint(constraint) -%}
            {%- if rendered -%}{%- do words.append(rendered) -%}{%- endif -%}
        {%- endfor -%}
        {%- do parts.append(words | join(' ')) -%}
    {%- endfor -%}
    {%- for constraint in model.get('constraints') or [] -%}
        {%- set rendered = render_model_constraint(constraint) -%}
        {%- if rendered -%}{%- do parts.append(rendered) -%}{%- endif -%}
    {%- endfor -%}
    ({{ parts | join(', ') }})
{%- endmacro %}

{% macro render_column_constraint(constraint) -%}
    {%- set type = constraint.get('type') -%}
    {%- set expression = constraint.get('expression') -%}
    {%- set prefix = 'constraint ' ~ constraint.get('name') ~ ' ' if constraint.get('name') else '' -%}
    {%- if type == 'not_null' -%}not null
    {%- elif type == 'unique' -%}{{ prefix }}unique
    {%- elif type == 'primary_key' -%}{{ prefix }}primary key
    {%- elif type == 'check' and expression -%}{{ prefix }}check ({{ expression }})
    {%- elif type == 'foreign_key' and expression -%}{{ prefix }}references {{ expression }}
    {%- elif type == 'custom' and expression -%}{{ expression }}
    {%- endif -%}
{%- endmacro %}

{% macro render_model_constraint(constraint) -%}
    {%- set type = constraint.get('type') -%}
    {%- set columns = constraint.get('columns') or [] -%}
    {%- set expression = constraint.get('expression') -%}
    {%- set prefix = 'constraint ' ~ constraint.get('name') ~ ' ' if constraint.get('name') else '' -%}
    {%- if type == 'unique' and columns -%}{{ prefix }}unique ({{ columns | join(', ') }})
    {%- elif type == 'primary_key' and columns -%}{{ prefix }}primary key ({{ columns | join(', ') }})
    {%- elif type == 'check' and expression -%}{{ prefix }}check ({{ expression }})
    {%- elif type == 'foreign_key' and columns and expression -%}{{ prefix }}foreign key ({{ columns | join(', ') }}) references {{ expression }}
    {%- elif type == 'custom' and expression -%}{{ expression }}
    {%- endif -%}
{%- endmacro %}

{#-- The declared columns, in declared order, for the insert that follows the create. --#}
{% macro get_contract_column_csv() -%}
    {%- set names = [] -%}
    {%- for column in model['columns'].values() -%}{%- do names.append(adapter.quote(column['name'])) -%}{%- endfor -%}
    {{ names | join(', ') }}
{%- endmacro %}
