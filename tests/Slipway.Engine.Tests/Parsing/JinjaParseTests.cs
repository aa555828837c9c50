using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>Models that need the Jinja engine at parse time: dbt's ParseProvider behaviour.</summary>
public sealed class JinjaParseTests
{
    private const string Project = "name: shop\nprofile: shop\nvars:\n  payment_methods: ['card', 'cash']\n";

    [Fact]
    public void Refs_inside_loops_and_macros_are_recorded_and_config_calls_apply()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("macros/union.sql", "{% macro union_of(names) %}{% for n in names %}select * from {{ ref(n) }}{% if not loop.last %} union all {% endif %}{% endfor %}{% endmacro %}"),
            ("models/a.sql", "select 1 as id"),
            ("models/b.sql", "select 2 as id"),
            ("models/u.sql", "{{ config(materialized=('table' if var('payment_methods') | length > 1 else 'view'), tags=['x']) }}\n{{ union_of(['a', 'b']) }}")).Manifest;
        var u = m.Nodes["model.shop.u"];
        Assert.Equal(["model.shop.a", "model.shop.b"], u.DependsOn.Nodes);
        Assert.Equal("table", u.Config.Materialized);
        Assert.Equal(["x"], u.Tags);
        Assert.Equal(["macro.shop.union_of"], u.DependsOn.Macros);
    }

    [Fact]
    public void Execute_is_false_and_missing_vars_are_none_while_parsing()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("models/b.sql", "{% if execute %}{{ ref('nonexistent') }}{% endif %}{% if var('missing') is none %}select * from {{ ref('a') }}{% endif %}")).Manifest;
        Assert.Equal(["model.shop.a"], m.Nodes["model.shop.b"].DependsOn.Nodes);
    }

    [Fact]
    public void Versioned_refs_resolve_to_the_version_or_the_latest()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/dim_v1.sql", "select 1 as id"),
            ("models/dim_v2.sql", "select 2 as id"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: dim\n    latest_version: 1\n    columns:\n      - name: id\n        data_tests: [not_null]\n    versions:\n      - v: 1\n      - v: 2\n"),
            ("models/a.sql", "select * from {{ ref('dim') }}"),
            ("models/b.sql", "select * from {{ ref('dim', v=2) }}"),
            ("models/c.sql", "select * from {{ ref('dim', version=1) }}")).Manifest;
        var v2 = (ModelNode)m.Nodes["model.shop.dim.v2"];
        Assert.Equal("dim_v2", v2.Alias);
        Assert.Equal(["shop", "dim", "v2"], v2.Fqn);
        Assert.Equal("1", v2.LatestVersion);
        Assert.Equal(["model.shop.dim.v1"], m.Nodes["model.shop.a"].DependsOn.Nodes);
        Assert.Equal(["model.shop.dim.v2"], m.Nodes["model.shop.b"].DependsOn.Nodes);
        Assert.Equal(["model.shop.dim.v1"], m.Nodes["model.shop.c"].DependsOn.Nodes);
        var test = (GenericTestNode)m.Nodes["test.shop.not_null_dim_v2_id.972d436685"];
        Assert.Equal("model.shop.dim.v2", test.AttachedNode);
        Assert.Equal(["model.shop.dim.v2"], test.DependsOn.Nodes);
    }

    [Fact]
    public void Project_generate_schema_name_override_is_rendered_and_stripped()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project + "models:\n  shop:\n    +schema: marts\n"),
            ("macros/schema.sql", "{% macro generate_schema_name(custom_schema_name, node) %}\n  {% if custom_schema_name %} {{ custom_schema_name | trim }} {% else %} {{ target.schema }} {% endif %}\n{% endmacro %}"),
            ("models/a.sql", "select 1 as id")).Manifest;
        var a = m.Nodes["model.shop.a"];
        Assert.Equal("marts", a.Schema);
        Assert.Equal("\"ci\".\"marts\".\"a\"", a.RelationName);
    }

    [Fact]
    public void Jinja_syntax_errors_name_the_file_and_line()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1\n{% if true %}\nfrom x\n")));
        Assert.Equal("models/a.sql", e.File);
        Assert.True(e.Line >= 2, e.Message);
    }

    /// <summary>COMPATIBILITY: depends_on.macros comes from a textual scan, so a macro in a branch not taken counts.</summary>
    [Fact]
    public void Macro_dependencies_are_found_by_scanning_the_code()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("macros/m.sql", "{% macro never_called() %}1{% endmacro %}"),
            ("models/a.sql", "{% if false %}{{ never_called() }}{% endif %}select 1 as id")).Manifest;
        Assert.Equal(["macro.shop.never_called"], m.Nodes["model.shop.a"].DependsOn.Macros);
    }

    /// <summary>Descriptions render doc() with var, env_var and target, as dbt's docs context.</summary>
    [Fact]
    public void Descriptions_render_doc_calls_and_target()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("models/docs.md", "{% docs a_doc %}About a{% enddocs %}"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: \"{{ doc('a_doc') }} in {{ target.name }}\"\n")).Manifest;
        Assert.Equal("About a in dev", m.Nodes["model.shop.a"].Description);
    }

    [Fact]
    public void Properties_yaml_renders_var_and_target_outside_descriptions_and_tests()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project + "  raw_schema: landing\n"),
            ("models/a.sql", "select * from {{ source('raw', 'orders') }}"),
            ("models/schema.yml",
                "version: 2\nsources:\n  - name: raw\n    schema: \"{{ var('raw_schema') }}\"\n    database: \"{{ target.database }}_src\"\n    tables:\n      - name: orders\n" +
                "models:\n  - name: a\n    description: \"{{ var('raw_schema') }}\"\n    config:\n      alias: \"a_{{ target.name }}\"\n")).Manifest;
        var source = m.Sources["source.shop.raw.orders"];
        Assert.Equal("\"ci_src\".\"landing\".\"orders\"", source.RelationName);
        var a = m.Nodes["model.shop.a"];
        Assert.Equal("a_dev", a.Alias);
        Assert.Equal("landing", a.Description);
    }

    [Fact]
    public void Python_models_record_dbt_ref_source_and_config_without_running()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("models/sources.yml", "version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n"),
            ("models/py_model.py", "def model(dbt, session):\n    dbt.config(materialized=\"table\", packages=[\"pandas\"])\n    a = dbt.ref(\"a\")\n    e = dbt.source(\"raw\", \"events\")\n    return a\n")).Manifest;
        var py = m.Nodes["model.shop.py_model"];
        Assert.Equal("python", py.Language);
        Assert.Equal("table", py.Config.Materialized);
        Assert.Equal(["model.shop.a", "source.shop.raw.events"], py.DependsOn.Nodes);
    }

    [Fact]
    public void Singular_tests_take_description_and_config_from_properties()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("tests/assert_a_small.sql", "select * from {{ ref('a') }} where id > 10"),
            ("tests/tests.yml", "version: 2\ndata_tests:\n  - name: assert_a_small\n    description: A stays small\n    config:\n      severity: warn\n")).Manifest;
        var test = m.Nodes["test.shop.assert_a_small"];
        Assert.Equal("A stays small", test.Description);
        Assert.Equal("warn", test.Config.Severity);
        Assert.Equal("shop://tests/tests.yml", test.PatchPath);
    }

    [Fact]
    public void Project_quoting_and_database_config_shape_relation_names()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project + "quoting:\n  identifier: false\n  schema: false\n"),
            ("models/a.sql", "{{ config(database='warehouse', schema='sales') }}select 1 as id")).Manifest;
        var a = m.Nodes["model.shop.a"];
        Assert.Equal(("warehouse", "main_sales", "a"), (a.Database, a.Schema, a.Alias));
        Assert.Equal("\"warehouse\".main_sales.a", a.RelationName);
        Assert.Equal(false, m.Metadata.Quoting["identifier"]);
        Assert.Null(m.Metadata.Quoting["database"]);
    }

    [Fact]
    public void Dicts_passed_to_config_from_jinja_merge_like_yaml_dicts()
    {
        var m = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project + "models:\n  shop:\n    +meta:\n      team: core\n"),
            ("models/a.sql", "{% set extra = {'tier': 1} %}{{ config(meta=extra) }}select 1 as id")).Manifest;
        var meta = m.Nodes["model.shop.a"].Meta;
        Assert.Equal("core", meta["team"]);
        Assert.Equal(1L, meta["tier"]);
    }
}
