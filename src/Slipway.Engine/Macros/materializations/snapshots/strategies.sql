{# Snapshot strategies: how a snapshot knows a row changed. Each returns a dict of SQL fragments:
   unique_key (list of key expressions), updated_at (the new version's timestamp), scd_id (a version's id), and
   row_changed (true when the source row, aliased source_data, differs from the current version, aliased
   snapshotted_data). #}

{#-- A stable hash of several expressions (nulls as empty text, parts separated by '|'). --#}
{% macro snapshot_hash_arguments(args) -%}
    {{ adapter.dispatch('snapshot_hash_arguments', 'dbt')(args) }}
{%- endmacro %}

{% macro default__snapshot_hash_arguments(args) -%}
    md5({%- for arg in args -%}
        coalesce(cast({{ arg }} as {{ dbt.type_string() }}), ''){% if not loop.last %} || '|' || {% endif %}
    {%- endfor -%})
{%- endmacro %}

{#-- unique_key as a list of expressions, whether configured as one or several. --#}
{% macro snapshot_unique_key_list(unique_key) %}
    {% if unique_key is none or unique_key == '' or unique_key == [] %}
        {{ exceptions.raise_compiler_error("A snapshot needs a unique_key config") }}
    {% endif %}
    {{ return(unique_key if unique_key is sequence and unique_key is not string else [unique_key]) }}
{% endmacro %}

{% macro snapshot_strategy(name) %}
    {% if name == 'timestamp' %}
        {{ return(snapshot_timestamp_strategy(config.get('unique_key'), config.get('updated_at'))) }}
    {% elif name == 'check' %}
        {{ return(snapshot_check_strategy(config.get('unique_key'), config.get('check_cols'))) }}
    {% elif context is defined and context['snapshot_' ~ name ~ '_strategy'] is defined %}
        {{ return(context['snapshot_' ~ name ~ '_strategy'](config.get('unique_key'), config)) }}
    {% else %}
        {{ exceptions.raise_compiler_error("Snapshot strategy '" ~ name ~ "' is unknown: use 'timestamp' or 'check'") }}
    {% endif %}
{% endmacro %}

{#-- A row changed when its updated_at is later than the current version's. --#}
{% macro snapshot_timestamp_strategy(unique_key, updated_at) %}
    {% if not updated_at %}
        {{ exceptions.raise_compiler_error("The timestamp snapshot strategy needs an updated_at config") }}
    {% endif %}
    {% set keys = snapshot_unique_key_list(unique_key) %}
    {{ return({
        'unique_key': keys,
        'updated_at': updated_at,
        'scd_id': snapshot_hash_arguments(keys + [updated_at]),
        'row_changed': '(snapshotted_data.dbt_valid_from < source_data.dbt_updated_at)',
    }) }}
{% endmacro %}

{#-- A row changed when any check column differs (a null and a value differ; two nulls do not). The new
     version's timestamp is the time of the snapshot. check_cols: 'all' or a list of columns. --#}
{% macro snapshot_check_strategy(unique_key, check_cols) %}
    {% set keys = snapshot_unique_key_list(unique_key) %}
    {% if check_cols == 'all' %}
        {% set key_names = keys | map('lower') | list %}
        {% set columns = [] %}
        {% for name in get_columns_in_query(sql) %}
            {% if name | lower not in key_names %}{% do columns.append(adapter.quote(name)) %}{% endif %}
        {% endfor %}
    {% elif check_cols is sequence and check_cols is not string and check_cols | length > 0 %}
        {% set columns = check_cols %}
    {% else %}
        {{ exceptions.raise_compiler_error("The check snapshot strategy needs check_cols: 'all' or a list of columns") }}
    {% endif %}
    {% set changes = [] %}
    {% for col in columns %}
        {% do changes.append('snapshotted_data.' ~ col ~ ' != source_data.' ~ col
            ~ ' or (snapshotted_data.' ~ col ~ ' is null) != (source_data.' ~ col ~ ' is null)') %}
    {% endfor %}
    {% set updated_at = snapshot_get_time() %}
    {{ return({
        'unique_key': keys,
        'updated_at': updated_at,
        'scd_id': snapshot_hash_arguments(keys + [updated_at]),
        'row_changed': '(' ~ (changes | join(') or (') if changes else 'false') ~ ')',
    }) }}
{% endmacro %}
