using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>
/// Manifest facts for the harbor_basic fixture. Expected values follow dbt's documented behaviour: fqn from
/// folders, generate_schema_name's "&lt;target&gt;_&lt;custom&gt;", tests in "&lt;target&gt;_dbt_test__audit", the relation
/// quoting of Postgres/DuckDB, and generic test ids computed with dbt's own algorithm (in Python, see DBT-FACTS.md).
/// </summary>
public sealed class ManifestLoaderTests
{
    private static readonly Lazy<global::Slipway.Engine.Manifest.Manifest> Harbor = new(() => FixtureLoader.Parse("harbor_basic").Manifest);
    private static global::Slipway.Engine.Manifest.Manifest M => Harbor.Value;

    [Fact]
    public void Models_get_fqn_paths_and_project_configs_by_folder()
    {
        var stg = (ModelNode)M.Nodes["model.harbor_basic.stg_orders"];
        Assert.Equal(["harbor_basic", "staging", "stg_orders"], stg.Fqn);
        Assert.Equal("staging/stg_orders.sql", stg.Path);
        Assert.Equal("models/staging/stg_orders.sql", stg.OriginalFilePath);
        Assert.Equal("view", stg.Config.Materialized);
        Assert.Equal(["staging"], stg.Tags);
        Assert.Equal("\"ci\".\"main\".\"stg_orders\"", stg.RelationName);
        Assert.Equal(["source.harbor_basic.shop.orders"], stg.DependsOn.Nodes);
    }

    [Fact]
    public void Config_call_and_properties_override_project_config()
    {
        var fct = (ModelNode)M.Nodes["model.harbor_basic.fct_orders"];
        Assert.Equal("table", fct.Config.Materialized);
        Assert.Equal("main_mart", fct.Schema);
        Assert.Equal("orders", fct.Alias);
        Assert.Equal("\"ci\".\"main_mart\".\"orders\"", fct.RelationName);
        Assert.Equal(["daily"], fct.Tags);
        Assert.Equal("finance", fct.Meta["owner"]);
        Assert.Equal("One row per order, with the customer's name.", fct.Description);
        Assert.Equal(["doc.harbor_basic.fct_orders"], fct.DocBlocks);
        Assert.Equal("harbor_basic://models/marts/_marts.yml", fct.PatchPath);
        Assert.Equal(["model.harbor_basic.stg_orders", "model.harbor_basic.stg_customers"], fct.DependsOn.Nodes);
        Assert.Equal("Primary key", fct.Columns["order_id"].Description);
    }

    [Fact]
    public void Ephemeral_models_have_no_relation_name()
    {
        var stg = M.Nodes["model.harbor_basic.stg_customers"];
        Assert.Equal("ephemeral", stg.Config.Materialized);
        Assert.Null(stg.RelationName);
    }

    [Fact]
    public void Two_argument_ref_names_the_package()
    {
        var dim = M.Nodes["model.harbor_basic.dim_customers"];
        Assert.Equal(new RefCall("stg_customers", "harbor_basic", null), Assert.Single(dim.Refs));
        Assert.Equal(["model.harbor_basic.stg_customers"], dim.DependsOn.Nodes);
    }

    [Fact]
    public void Seeds_snapshots_analyses_and_singular_tests_are_nodes()
    {
        var seed = (SeedNode)M.Nodes["seed.harbor_basic.countries"];
        Assert.Equal("main_raw", seed.Schema);
        Assert.Equal("\"ci\".\"main_raw\".\"countries\"", seed.RelationName);
        Assert.Equal("seed", seed.Config.Materialized);

        var snapshot = M.Nodes["snapshot.harbor_basic.orders_snapshot"];
        Assert.Equal("snapshots", snapshot.Schema);
        Assert.Equal("check", snapshot.Config.GetString("strategy"));
        Assert.Equal(["model.harbor_basic.stg_orders"], snapshot.DependsOn.Nodes);
        Assert.Equal("\"ci\".\"snapshots\".\"orders_snapshot\"", snapshot.RelationName);

        var analysis = M.Nodes["analysis.harbor_basic.revenue"];
        Assert.Equal(["harbor_basic", "analysis", "revenue"], analysis.Fqn);
        Assert.Equal(["model.harbor_basic.fct_orders"], analysis.DependsOn.Nodes);

        var singular = Assert.IsType<SingularTestNode>(M.Nodes["test.harbor_basic.assert_amount_positive"]);
        Assert.Equal("warn", singular.Config.Severity);
        Assert.Equal("main_dbt_test__audit", singular.Schema);
    }

    [Fact]
    public void Generic_tests_are_named_and_hashed_as_dbt_does()
    {
        var unique = Assert.IsType<GenericTestNode>(M.Nodes["test.harbor_basic.unique_fct_orders_order_id.523ddb6ce5"]);
        Assert.Equal("model.harbor_basic.fct_orders", unique.AttachedNode);
        Assert.Equal("order_id", unique.ColumnName);
        Assert.Equal("models.fct_orders", unique.FileKeyName);
        Assert.Equal(["harbor_basic", "marts", "unique_fct_orders_order_id"], unique.Fqn);
        Assert.Equal("unique_fct_orders_order_id.sql", unique.Path);
        Assert.Equal("models/marts/_marts.yml", unique.OriginalFilePath);
        Assert.Equal("main_dbt_test__audit", unique.Schema);
        Assert.Equal("warn", unique.Config.Severity);
        Assert.Equal("count(*)", unique.Config.GetString("fail_calc"));
        Assert.Equal("!= 0", unique.Config.GetString("warn_if"));
        Assert.Equal("{{ test_unique(**_dbt_generic_test_kwargs) }}", unique.RawCode);
        Assert.Equal(["macro.dbt.test_unique", "macro.dbt.get_where_subquery"], unique.DependsOn.Macros);
        Assert.Equal("{{ get_where_subquery(ref('fct_orders')) }}", unique.TestMetadata.Kwargs["model"]);

        Assert.Contains("test.harbor_basic.not_null_fct_orders_order_id.4e687af8d0", M.Nodes.Keys);
    }

    [Fact]
    public void Long_test_names_are_hashed_into_the_alias_and_path()
    {
        var accepted = M.Nodes["test.harbor_basic.accepted_values_fct_orders_status__placed__shipped__completed__returned.7d365032e1"];
        Assert.Equal("accepted_values_fct_orders_ac63cd379c2cc7e34304918c0c72c3a9", accepted.Alias);
        Assert.Equal("accepted_values_fct_orders_ac63cd379c2cc7e34304918c0c72c3a9.sql", accepted.Path);
        var values = Assert.IsAssignableFrom<IList<object?>>(((GenericTestNode)accepted).TestMetadata.Kwargs["values"]);
        Assert.Equal(["placed", "shipped", "completed", "returned"], values);
    }

    [Fact]
    public void Test_arguments_can_ref_other_models_and_override_severity()
    {
        var rel = (GenericTestNode)M.Nodes["test.harbor_basic.relationships_fct_orders_customer_name__name__ref_dim_customers_.006121e9ef"];
        Assert.Equal("error", rel.Config.Severity);
        Assert.Equal(["model.harbor_basic.dim_customers", "model.harbor_basic.fct_orders"], rel.DependsOn.Nodes);
        Assert.Equal("relationships", rel.TestMetadata.Name);
    }

    [Fact]
    public void Custom_test_names_and_project_generic_tests()
    {
        var custom = (GenericTestNode)M.Nodes["test.harbor_basic.dim_customers_has_rows.3b0e7ca297"];
        Assert.Equal(["macro.harbor_basic.test_dbt_utils_like_row_count", "macro.dbt.get_where_subquery"], custom.DependsOn.Macros);
        Assert.Equal(0L, custom.TestMetadata.Kwargs["above"]);
        Assert.Null(custom.ColumnName);
    }

    [Fact]
    public void Sources_have_relation_names_descriptions_and_tests()
    {
        var orders = M.Sources["source.harbor_basic.shop.orders"];
        Assert.Equal(["harbor_basic", "staging", "shop", "orders"], orders.Fqn);
        Assert.Equal("models/staging/_sources.yml", orders.Path);
        Assert.Equal("\"ci\".\"raw_shop\".\"raw_orders\"", orders.RelationName);
        Assert.Equal("Raw tables of the shop system", orders.SourceDescription);
        Assert.Equal("csv", orders.Loader);

        var test = (GenericTestNode)M.Nodes["test.harbor_basic.source_not_null_shop_orders_id.5be7e9a27b"];
        Assert.Null(test.AttachedNode);
        Assert.Equal("sources.shop", test.FileKeyName);
        Assert.Equal(["source.harbor_basic.shop.orders"], test.DependsOn.Nodes);
        Assert.Contains("test.harbor_basic.source_unique_shop_orders_id.58eb404101", M.Nodes.Keys);
    }

    [Fact]
    public void Macros_materializations_generic_tests_and_docs_are_registered()
    {
        Assert.Contains("macro.harbor_basic.cents_to_dollars", M.Macros.Keys);
        Assert.Equal(["sql"], M.Macros["macro.harbor_basic.materialization_fancy_view_duckdb"].SupportedLanguages);
        Assert.StartsWith("{% test dbt_utils_like_row_count", M.Macros["macro.harbor_basic.test_dbt_utils_like_row_count"].MacroSql);
        Assert.Contains("macro.dbt.generate_schema_name", M.Macros.Keys);
        Assert.Equal(["macro.dbt.default__generate_schema_name"], M.Macros["macro.dbt.generate_schema_name"].DependsOnMacros);
        Assert.Equal("Use {{ ref('x') }} to refer to a model.", M.Docs["doc.harbor_basic.raw_example"].BlockContents);
        Assert.StartsWith("### Welcome", M.Docs["doc.dbt.__overview__"].BlockContents);
    }

    [Fact]
    public void Run_hooks_become_operation_nodes()
    {
        var hook = Assert.IsType<HookNode>(M.Nodes["operation.harbor_basic.harbor_basic-on-run-start-0"]);
        Assert.Equal(0, hook.Index);
        Assert.Equal("create schema if not exists {{ target.schema }}_audit", hook.RawCode);
    }

    [Fact]
    public void Parent_and_child_maps_are_sorted_and_complete()
    {
        Assert.Equal(["model.harbor_basic.stg_customers", "model.harbor_basic.stg_orders"], M.ParentMap["model.harbor_basic.fct_orders"]);
        Assert.Empty(M.ParentMap["source.harbor_basic.shop.orders"]);
        Assert.Contains("model.harbor_basic.stg_orders", M.ChildMap["source.harbor_basic.shop.orders"]);
        Assert.Contains("test.harbor_basic.source_not_null_shop_orders_id.5be7e9a27b", M.ChildMap["source.harbor_basic.shop.orders"]);
        Assert.Equal(M.Nodes.Count + M.Sources.Count, M.ParentMap.Count);
    }

    [Fact]
    public void Metadata_names_the_project_and_adapter()
    {
        Assert.Equal("harbor_basic", M.Metadata.ProjectName);
        Assert.Equal("71229bc02ca743d1c2c0ff7f61e4a996", M.Metadata.ProjectId);
        Assert.Equal("duckdb", M.Metadata.AdapterType);
    }
}
