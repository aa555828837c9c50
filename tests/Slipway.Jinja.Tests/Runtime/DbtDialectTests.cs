namespace Slipway.Jinja.Tests.Runtime;

/// <summary>dbt's block tags and typed macro arguments (dbt-core's Jinja extensions).</summary>
public class DbtDialectTests
{
    private static readonly Dictionary<string, object?> Empty = new();

    [Fact]
    public void Typed_macro_arguments_are_parsed_and_ignored()
    {
        var t = new JinjaEnvironment().FromString(
            "{% macro m(a: str, b: Dict[str, int] = none, c: Optional[List[str]] = [1]) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m('x') }}");
        Assert.Equal("xNone[1]", t.Render(Empty));
    }

    [Fact]
    public void Test_and_data_test_blocks_define_test_macros()
    {
        var module = new JinjaEnvironment().FromString(
            "{% test not_null(model, column_name) %}select {{ column_name }} from {{ model }}{% endtest %}" +
            "{% data_test positive(model) %}p{% enddata_test %}").MakeModule(Empty);
        Assert.Equal(["test_not_null", "test_positive"], module.Macros.Keys.Order());
        Assert.Equal("select id from t", module.Macros["test_not_null"].Call(new Arguments(["t", "id"])));
    }

    [Fact]
    public void Materialization_blocks_define_adapter_specific_macros()
    {
        var module = new JinjaEnvironment().FromString(
            "{% materialization table, adapter='duckdb', supported_languages=['sql'] %}T{% endmaterialization %}" +
            "{% materialization view, default %}V{% endmaterialization %}").MakeModule(Empty);
        Assert.Equal(["materialization_table_duckdb", "materialization_view_default"], module.Macros.Keys.Order());
    }

    [Fact]
    public void Docs_blocks_are_collected_raw_and_render_nothing()
    {
        var module = new JinjaEnvironment().FromString("a{% docs orders %}\n# Orders {{ not_rendered }}\n{% enddocs %}b").MakeModule(Empty);
        Assert.Equal("ab", module.Body);
        Assert.Equal("\n# Orders {{ not_rendered }}\n", module.Docs["orders"]);
    }

    [Fact]
    public void Snapshot_blocks_render_their_body_and_are_listed()
    {
        var module = new JinjaEnvironment().FromString(
            "{% snapshot orders_snapshot %}select {{ 1 }}{% endsnapshot %}\n{% snapshot b %}select 2{% endsnapshot %}").MakeModule(Empty);
        Assert.Equal("select 1\nselect 2", module.Body);
        Assert.Equal(["orders_snapshot", "b"], module.SnapshotBlocks);
        Assert.Equal("select 1", module.SnapshotBodies["orders_snapshot"]);
        Assert.Equal("select 2", module.SnapshotBodies["b"]);
    }

    [Fact]
    public void The_dialect_can_be_turned_off()
    {
        var env = new JinjaEnvironment(new JinjaOptions { DbtDialect = false });
        var e = Assert.Throws<TemplateError>(() => env.FromString("{% docs x %}{% enddocs %}"));
        Assert.Equal("Encountered unknown tag 'docs'.", e.Description);
        e = Assert.Throws<TemplateError>(() => env.FromString("{% macro m(a: str) %}{% endmacro %}"));
        Assert.Equal("expected token ',', got ':'", e.Description);
    }
}
