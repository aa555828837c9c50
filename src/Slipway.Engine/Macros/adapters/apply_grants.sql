{# The grants config ({privilege: [grantee, ...]}), applied after a relation is built. Where grants may have carried
   over (an existing relation kept, or replaced while copy_grants() says grants survive), the relation's current
   grants are read and diffed: what the config lacks is revoked, what it adds is granted, nothing is run when they
   agree. A new relation just gets the configured grants. DuckDB has no GRANT: its apply_grants does nothing. #}

{#-- false for a new relation; when replacing one, whether grants may have been copied (copy_grants); else true. --#}
{% macro should_revoke(existing_relation, full_refresh_mode=True) %}
    {% if not existing_relation %}
        {{ return(false) }}
    {% elif full_refresh_mode %}
        {{ return(copy_grants()) }}
    {% else %}
        {{ return(true) }}
    {% endif %}
{% endmacro %}

{#-- Whether a replaced relation may keep its old grants, so they must be read back and diffed. --#}
{% macro copy_grants() %}
    {{ return(adapter.dispatch('copy_grants', 'dbt')()) }}
{% endmacro %}

{% macro default__copy_grants() %}
    {{ return(true) }}
{% endmacro %}

{#-- Whether one GRANT/REVOKE may name several grantees. --#}
{% macro support_multiple_grantees_per_dcl_statement() %}
    {{ return(adapter.dispatch('support_multiple_grantees_per_dcl_statement', 'dbt')()) }}
{% endmacro %}

{% macro default__support_multiple_grantees_per_dcl_statement() %}
    {{ return(true) }}
{% endmacro %}

{#-- The relation's current grants as rows of (grantee, privilege_type). --#}
{% macro get_show_grant_sql(relation) %}
    {{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}
{% endmacro %}

{% macro default__get_show_grant_sql(relation) %}
    show grants on {{ relation }}
{% endmacro %}

{#-- PostgreSQL: the grants this role gave to others on the relation. --#}
{% macro postgres__get_show_grant_sql(relation) %}
    select grantee, privilege_type
    from information_schema.role_table_grants
    where grantor = current_role
      and grantee != current_role
      and table_schema = '{{ relation.schema }}'
      and table_name = '{{ relation.identifier }}'
{% endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) %}
    {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{% endmacro %}

{% macro default__get_grant_sql(relation, privilege, grantees) %}
    grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{% endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) %}
    {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{% endmacro %}

{% macro default__get_revoke_sql(relation, privilege, grantees) %}
    revoke {{ privilege }} on {{ relation }} from {{ grantees | join(', ') }}
{% endmacro %}

{#-- One statement per privilege (or per grantee where a statement takes only one), from get_grant_sql/get_revoke_sql. --#}
{% macro get_dcl_statement_list(relation, grant_config, get_dcl_macro) %}
    {{ return(adapter.dispatch('get_dcl_statement_list', 'dbt')(relation, grant_config, get_dcl_macro)) }}
{% endmacro %}

{% macro default__get_dcl_statement_list(relation, grant_config, get_dcl_macro) %}
    {% set statements = [] %}
    {% for privilege, grantees in grant_config.items() %}
        {% set grantee_list = [grantees] if grantees is string else grantees %}
        {% if grantee_list %}
            {% if support_multiple_grantees_per_dcl_statement() %}
                {% do statements.append(get_dcl_macro(relation, privilege, grantee_list)) %}
            {% else %}
                {% for grantee in grantee_list %}
                    {% do statements.append(get_dcl_macro(relation, privilege, [grantee])) %}
                {% endfor %}
            {% endif %}
        {% endif %}
    {% endfor %}
    {{ return(statements) }}
{% endmacro %}

{% macro call_dcl_statements(dcl_statement_list) %}
    {{ return(adapter.dispatch('call_dcl_statements', 'dbt')(dcl_statement_list)) }}
{% endmacro %}

{% macro default__call_dcl_statements(dcl_statement_list) %}
    {% call statement('grants') -%}
        {% for dcl_statement in dcl_statement_list %}
            {{ dcl_statement }};
        {% endfor %}
    {%- endcall %}
{% endmacro %}

{% macro apply_grants(relation, grant_config, should_revoke=True) %}
    {{ return(adapter.dispatch('apply_grants', 'dbt')(relation, grant_config, should_revoke)) }}
{% endmacro %}

{% macro default__apply_grants(relation, grant_config, should_revoke=True) %}
    {% if grant_config %}
        {% if should_revoke %}
            {% set current_grants_table = run_query(get_show_grant_sql(relation)) %}
            {% set current_grants_dict = adapter.standardize_grants_dict(current_grants_table) %}
            {% set needs_granting = diff_of_two_dicts(grant_config, current_grants_dict) %}
            {% set needs_revoking = diff_of_two_dicts(current_grants_dict, grant_config) %}
            {% if not (needs_granting or needs_revoking) %}
                {{ log('On ' ~ relation ~ ': All grants are in place, no revocation or granting needed.') }}
            {% endif %}
        {% else %}
            {% set needs_revoking = {} %}
            {% set needs_granting = grant_config %}
        {% endif %}
        {% if needs_granting or needs_revoking %}
            {% set dcl_statement_list = get_dcl_statement_list(relation, needs_revoking, get_revoke_sql)
                + get_dcl_statement_list(relation, needs_granting, get_grant_sql) %}
            {% if dcl_statement_list %}
                {{ call_dcl_statements(dcl_statement_list) }}
            {% endif %}
        {% endif %}
    {% endif %}
{% endmacro %}

{#-- DuckDB has no privileges to grant: the grants config is accepted and ignored. --#}
{% macro duckdb__apply_grants(relation, grant_config, should_revoke=True) %}
{% endmacro %}
