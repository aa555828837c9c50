namespace Slipway.Engine.Tests.Docs;

/// <summary>A small shop project for the docs tests: two source tables, a staging view, a table, a seed-free DAG and an exposure.</summary>
internal static class DocsFixture
{
    public static ProjectRun Create()
    {
        var project = new ProjectRun(new Dictionary<string, string>
        {
            ["macros/setup.sql"] = """
                {% macro setup() %}
                {% do run_query("create schema if not exists raw") %}
                {% do run_query("create or replace table raw.orders (id integer, customer_id integer, amount decimal(10,2), loaded_at timestamp)") %}
                {% do run_query("create or replace table raw.customers (id integer, name varchar)") %}
                {% do run_query("comment on table raw.customers is 'Customers from the CRM'") %}
                {% endmacro %}
                """,
            ["models/staging/stg_orders.sql"] = "select id as order_id, customer_id, amount from {{ source('raw', 'orders') }}",
            ["models/marts/customer_orders.sql"] = """
                {{ config(materialized='table', tags=['finance'], docs={'node_color': '#c92a2a'}) }}
                select c.id as customer_id, c.name, count(o.order_id) as order_count
                from {{ source('raw', 'customers') }} c left join {{ ref('stg_orders') }} o on o.customer_id = c.id
                group by 1, 2
                """,
            ["models/docs.md"] = """
                {% docs __overview__ %}
                # Shop analytics
                Models for the **shop**.
                {% enddocs %}
                {% docs order_count_doc %}
                How many orders the customer *placed*.
                {% enddocs %}
                """,
            ["models/schema.yml"] = """
                version: 2
                sources:
                  - name: raw
                    schema: raw
                    tables:
                      - name: orders
                      - name: customers
                models:
                  - name: stg_orders
                    description: Orders with **renamed** columns.
                    columns:
                      - name: order_id
                        description: The order's key.
                        data_tests: [unique, not_null]
                  - name: customer_orders
                    columns:
                      - name: order_count
                        description: '{{ doc("order_count_doc") }}'
                exposures:
                  - name: revenue_dashboard
                    type: dashboard
                    owner: {name: Ann}
                    depends_on: [ref('customer_orders')]
                """,
        });
        var (code, output) = project.Run("run-operation", arguments: ["setup"]);
        Assert.True(code == 0, output);
        (code, output) = project.Run("run");
        Assert.True(code == 0, output);
        return project;
    }
}
