{# PostgreSQL's relation helpers where they differ from the default. #}

{#-- A temporary table lives in the session's own pg_temp schema, so it is addressed by its name alone (a schema in
     front would name a different, permanent table). Identifiers stop at 63 bytes: the base name is shortened so
     the suffix survives. --#}
{% macro postgres__make_temp_relation(base_relation, suffix) %}
    {% set keep = 63 - (suffix | length) %}
    {% set temp_relation = base_relation.incorporate(path={"identifier": base_relation.identifier[:keep] ~ suffix}) %}
    {{ return(temp_relation.include(database=false, schema=false)) }}
{% endmacro %}
