{# Model hooks. A hook is {sql, transaction}: transactional hooks run inside the node's transaction, the
   others before it begins or after it commits. #}

{% macro run_hooks(hooks, inside_transaction=True) %}
    {% for hook in hooks %}
        {% set hook_sql = hook if hook is string else hook.get('sql') %}
        {% set hook_in_transaction = true if hook is string else hook.get('transaction', true) %}
        {% if hook_in_transaction == inside_transaction %}
            {% if not inside_transaction %}
                {#-- Work done so far must be committed before a hook that runs outside the transaction. --#}
                {% do adapter.commit() %}
            {% endif %}
            {% set rendered = (render(hook_sql) if render is defined else hook_sql) | trim %}
            {% if rendered | length > 0 %}
                {% call statement(auto_begin=inside_transaction) %}{{ rendered }}{% endcall %}
            {% endif %}
        {% endif %}
    {% endfor %}
{% endmacro %}

{% macro make_hook_config(sql, inside_transaction) %}
    {{ return({'sql': sql, 'transaction': inside_transaction}) }}
{% endmacro %}

{% macro before_begin(sql) %}
    {{ return(make_hook_config(sql, inside_transaction=False)) }}
{% endmacro %}

{% macro in_transaction(sql) %}
    {{ return(make_hook_config(sql, inside_transaction=True)) }}
{% endmacro %}

{% macro after_commit(sql) %}
    {{ return(make_hook_config(sql, inside_transaction=False)) }}
{% endmacro %}
