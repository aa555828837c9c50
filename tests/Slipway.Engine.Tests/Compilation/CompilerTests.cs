using Slipway.Engine.Compilation;
using Slipway.Engine.Manifest;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Compilation;

/// <summary>
/// Compiled SQL: relation names with dbt's quoting, ephemeral models injected as <c>__dbt__cte__</c> CTEs in
/// dbt's exact format (<c>with __dbt__cte__x as (\n…\n)select …</c>), Jinja run with execute = true.
/// </summary>
public sealed class CompilerTests
{
    private static global::Slipway.Engine.Manifest.Manifest CompileAll(Engine.Parsing.ParseResult parse)
    {
        var compiler = new Compiler(parse);
        compiler.Compile(parse.Manifest.Nodes.Values.ToList());
        return parse.Manifest;
    }

    [Fact]
    public void Ephemeral_models_are_injected_as_ctes_before_the_first_token()
    {
        var m = CompileAll(FixtureLoader.Parse("harbor_basic"));
        var fct = m.Nodes["model.harbor_basic.fct_orders"];
        const string expected =
            "\n\nwith __dbt__cte__stg_customers as (\n\n\nselect id as customer_id, name\nfrom \"ci\".\"raw_shop\".\"customers\"\n)select\n" +
            "    o.order_id,\n    o.status,\n    o.amount_cents,\n    c.name as customer_name\n" +
            "from \"ci\".\"main\".\"stg_orders\" as o\nleft join __dbt__cte__stg_customers as c\n    on o.customer_id = c.customer_id";
        Assert.Equal(expected, fct.CompiledCode);
        Assert.True(fct.ExtraCtesInjected);
        Assert.Equal("model.harbor_basic.stg_customers", Assert.Single(fct.ExtraCtes).Id);
    }

    [Fact]
    public void Sources_compile_to_their_quoted_relation()
    {
        var m = CompileAll(FixtureLoader.Parse("harbor_basic"));
        Assert.Equal("select\n    id as order_id,\n    customer_id,\n    status,\n    amount_cents\nfrom \"ci\".\"raw_shop\".\"raw_orders\"",
            m.Nodes["model.harbor_basic.stg_orders"].CompiledCode);
    }

    [Fact]
    public void Generic_tests_compile_through_the_test_macros()
    {
        var m = CompileAll(FixtureLoader.Parse("harbor_basic"));
        var notNull = m.Nodes["test.harbor_basic.not_null_fct_orders_order_id.4e687af8d0"].CompiledCode!;
        Assert.Equal("select order_id\nfrom \"ci\".\"main_mart\".\"orders\"\nwhere order_id is null", notNull.Trim());
        var accepted = m.Nodes["test.harbor_basic.accepted_values_fct_orders_status__placed__shipped__completed__returned.7d365032e1"].CompiledCode!;
        Assert.Contains("'placed','shipped','completed','returned'", accepted.Replace("\n", "").Replace(" ", ""));
        var relationships = m.Nodes["test.harbor_basic.relationships_fct_orders_customer_name__name__ref_dim_customers_.006121e9ef"].CompiledCode!;
        Assert.Contains("from \"ci\".\"main_mart\".\"dim_customers\"", relationships);
    }

    [Fact]
    public void Jinja_models_see_execute_this_config_and_target()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "{{ config(materialized='table', unique_key='id') }}{% if execute %}-- {{ this }} {{ config.get('unique_key') }} {{ config.get('missing', 'dflt') }} {{ target.schema }}{% endif %}\nselect 1 as id\n"));
        var m = CompileAll(parse);
        Assert.Equal("-- \"ci\".\"main\".\"a\" id dflt main\nselect 1 as id", m.Nodes["model.shop.a"].CompiledCode);
    }

    [Fact]
    public void Existing_with_gets_the_ctes_followed_by_a_comma()
    {
        Assert.Equal("with __dbt__cte__e as (\nselect 1\n), x as (select * from __dbt__cte__e) select * from x",
            CteInjector.Inject("with x as (select * from __dbt__cte__e) select * from x", [CteInjector.CteSql("e", "select 1")]));
        Assert.Equal("-- c\nwith recursive __dbt__cte__e as (\nselect 1\n),  __dbt__cte__f as (\nselect 2\n), r as (select 1) select 1",
            CteInjector.Inject("-- c\nwith recursive r as (select 1) select 1", [CteInjector.CteSql("e", "select 1"), CteInjector.CteSql("f", "select 2")]));
    }

    [Fact]
    public void Compiled_paths_follow_dbt()
    {
        var m = FixtureLoader.Parse("harbor_basic").Manifest;
        Assert.Equal("target/compiled/harbor_basic/models/staging/stg_orders.sql", Compiler.CompiledPath("target", m.Nodes["model.harbor_basic.stg_orders"]));
        Assert.Equal("target/compiled/harbor_basic/models/marts/_marts.yml/unique_fct_orders_order_id.sql",
            Compiler.CompiledPath("target", m.Nodes["test.harbor_basic.unique_fct_orders_order_id.523ddb6ce5"]));
        Assert.Equal("target/compiled/harbor_basic/analyses/revenue.sql", Compiler.CompiledPath("target", m.Nodes["analysis.harbor_basic.revenue"]));
    }

    [Fact]
    public void Compiled_manifest_is_still_valid_v12()
    {
        var m = CompileAll(FixtureLoader.Parse("harbor_basic"));
        Manifest.ManifestSchemaTests.AssertValid(m);
    }

    /// <summary>COMPATIBILITY: compile does not query the warehouse, so is_incremental() is false and run_query is none.</summary>
    [Fact]
    public void Compile_does_not_touch_the_warehouse()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/inc.sql", "{{ config(materialized='incremental') }}select 1 as id{% if is_incremental() %} where id > (select max(id) from {{ this }}){% endif %}{% if run_query('select 1') is none %} -- no warehouse{% endif %}"));
        var m = CompileAll(parse);
        Assert.Equal("select 1 as id -- no warehouse", m.Nodes["model.shop.inc"].CompiledCode);
    }

    [Fact]
    public void Statement_blocks_and_run_query_compile_without_a_warehouse()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "{% call statement('max_id', fetch_result=True) %}select max(id) from x{% endcall %}" +
                "{% set r = load_result('max_id') %}{% set q = run_query('select 1') %}select {{ 0 if r is none and q is none else 1 }} as id"));
        var m = CompileAll(parse);
        Assert.Equal("select 0 as id", m.Nodes["model.shop.a"].CompiledCode);
    }

    [Fact]
    public void Modules_re_and_datetime_are_available()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "select '{{ modules.re.sub('[^a-z]+', '_', 'Order Items 2') }}' as a, " +
                "'{{ modules.re.match('(\\w+)_(\\d+)', 'orders_42').group(2) }}' as b, " +
                "{{ modules.datetime.datetime.utcnow().year > 2000 }} as c"));
        var m = CompileAll(parse);
        Assert.Equal("select '_rder_tems_' as a, '42' as b, True as c", m.Nodes["model.shop.a"].CompiledCode);
    }

    [Fact]
    public void Graph_holds_the_manifest_dictionaries_of_every_node()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "{{ config(materialized='table') }}select 1 as id"),
            ("models/b.sql", "{% for n in graph.nodes.values() if n.resource_type == 'model' and n.config.materialized == 'table' %}{{ n.unique_id }} {{ n.relation_name }}{% endfor %}"));
        var m = CompileAll(parse);
        Assert.Equal("model.shop.a \"ci\".\"main\".\"a\"", m.Nodes["model.shop.b"].CompiledCode);
    }

    [Fact]
    public void Tojson_writes_what_python_json_dumps_writes()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "{{ tojson({'a': 'x,y', 'b': [1, 2.5, none, true], 'c': 'é'}) }}"));
        var m = CompileAll(parse);
        Assert.Equal("{\"a\": \"x,y\", \"b\": [1, 2.5, null, true], \"c\": \"\\u00e9\"}", m.Nodes["model.shop.a"].CompiledCode);
    }

    [Fact]
    public void Runtime_errors_name_the_node_and_file()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", "name: shop\nprofile: shop\n"),
            ("models/a.sql", "select {{ var('missing_var') }} as x"));
        var e = Assert.Throws<Engine.Contexts.CompilerException>(() => CompileAll(parse));
        Assert.StartsWith("Compilation Error in model a (models/a.sql)", e.Message);
        Assert.Contains("Required var 'missing_var' not found", e.Message);
    }
}
