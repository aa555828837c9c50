namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>The <c>adapter.*</c> methods project macros call, in a model (at execution) and through run-operation.</summary>
public abstract class AdapterMethodConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private const string Probe = """
        -- depends_on: {{ ref('base') }}
        {% if execute %}
          {% set rel = adapter.get_relation(database=this.database, schema=this.schema, identifier='base') %}
          {% set missing = adapter.get_relation(database=this.database, schema=this.schema, identifier='no_such_relation') %}
          {% set cols = adapter.get_columns_in_relation(ref('base')) %}
          {% set listed = adapter.list_relations_without_caching(api.Relation.create(database=this.database, schema=this.schema)) %}
        {% endif %}
        select 'get_relation' as k, '{{ rel.identifier ~ ":" ~ rel.type if execute }}' as v
        union all select 'missing', '{{ (missing is none) if execute }}'
        union all select 'columns', '{{ cols | map(attribute="name") | join(",") if execute }}'
        union all select 'column_kinds', '{{ [cols[0].is_integer(), cols[1].is_string(), cols[2].is_numeric() or cols[2].is_float()] | join(",") if execute }}'
        union all select 'listed', '{{ listed | map(attribute="identifier") | map("lower") | sort | join(",") if execute }}'
        union all select 'quote', '{{ adapter.quote("a b") }}'
        """;

    private const string Ops = """
        {% macro drop_base() %}
          {% set rel = adapter.get_relation(database=target.database, schema=target.schema, identifier='base') %}
          {% do adapter.drop_relation(rel) %}
        {% endmacro %}

        {% macro make_schema(suffix) %}
          {% do adapter.create_schema(api.Relation.create(database=target.database, schema=target.schema ~ suffix)) %}
        {% endmacro %}

        {% macro make_and_drop_table() %}
          {% set rel = api.Relation.create(database=target.database, schema=target.schema, identifier='scratch', type='table') %}
          {% do run_query('create table ' ~ rel ~ ' (x integer)') %}
          {% do adapter.drop_relation(rel) %}
          {% do run_query('create table ' ~ target.schema ~ '.after_drop as select ' ~ (adapter.get_relation(database=target.database, schema=target.schema, identifier='scratch') is none) ~ ' as dropped') %}
        {% endmacro %}
        """;

    private void Models() => Project(new Dictionary<string, string>
    {
        ["models/base.sql"] = "{{ config(materialized='table') }}\nselect 1 as id, 'x' as name, 2.5 as amount",
        ["models/probe.sql"] = "{{ config(materialized='table') }}\n" + Probe,
        ["macros/ops.sql"] = Ops,
    });

    [Fact]
    public void Relation_and_column_lookups_in_a_model()
    {
        Models();
        Ok("run");
        Assert.Equal([
            "column_kinds|True,True,True", "columns|id,name,amount", "get_relation|base:table", "listed|base",
            "missing|True", "quote|\"a b\"",
        ], Rows($"select k, v from {Q("probe")} order by k"));
    }

    [Fact]
    public void Run_operation_drops_a_relation_and_creates_a_schema()
    {
        Models();
        Ok("run");
        Ok("run-operation", arguments: ["drop_base"]);
        Assert.Equal(["probe:table"], Relations());
        Ok("run-operation", new Dictionary<string, object?> { ["args"] = "{suffix: _made}" }, arguments: ["make_schema"]);
        Assert.Contains(Schema + "_made", Adapter.ListSchemas(Database));
        Assert.Empty(Relations(Schema + "_made"));
    }

    [Fact]
    public void Drop_relation_forgets_the_relation_in_the_cache()
    {
        Models();
        Ok("run");
        Ok("run-operation", arguments: ["make_and_drop_table"]);
        Assert.Equal("true", Scalar($"select dropped from {Q("after_drop")}"));
        Assert.DoesNotContain("scratch:table", Relations());
    }
}
