{%- set grant_config = {'select': ['reporter', 'analyst', 'bi_tool'], 'insert': ['loader'], 'delete': []} -%}
{%- macro get_grant_sql(relation, privilege, grantees) -%}
    grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{%- endmacro -%}
{%- macro get_revoke_sql(relation, privilege, grantees) -%}
    revoke {{ privilege }} on {{ relation }} from {{ grantees | join(', ') }}
{%- endmacro -%}
{%- set statements = [] -%}
{%- for privilege, grantees in grant_config.items() -%}
    {%- if grantees | length > 0 -%}
        {%- do statements.append(get_grant_sql(this, privilege, grantees)) -%}
    {%- else -%}
        {%- do statements.append(get_revoke_sql(this, privilege, ['public'])) -%}
    {%- endif -%}
{%- endfor -%}
{{ statements | join(';\n') }};
