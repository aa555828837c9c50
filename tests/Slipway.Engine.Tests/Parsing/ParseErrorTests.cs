using Slipway.Engine.Parsing;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>User mistakes produce one clear sentence that names the file (and line/column) or the node.</summary>
public sealed class ParseErrorTests
{
    private const string Project = "name: shop\nprofile: shop\n";

    [Fact]
    public void Unknown_ref_names_the_node_and_suggests_the_closest_model()
    {
        var e = Assert.Throws<ManifestException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/stg_orders.sql", "select 1 as id"),
            ("models/fct.sql", "select * from {{ ref('stg_order') }}")));
        Assert.Equal("models/fct.sql:1:18: Model 'model.shop.fct' (models/fct.sql) depends on a node named 'stg_order' which was not found. Did you mean 'stg_orders'?", e.Message);
    }

    [Fact]
    public void Unknown_source_is_an_error()
    {
        var e = Assert.Throws<ManifestException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select * from {{ source('raw', 'orders') }}")));
        Assert.Contains("depends on a source named 'raw.orders' which was not found", e.Message);
    }

    [Fact]
    public void Cycles_print_the_cycle()
    {
        var e = Assert.Throws<ManifestException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select * from {{ ref('b') }}"),
            ("models/b.sql", "select * from {{ ref('a') }}")));
        Assert.StartsWith("Found a cycle: model.shop.", e.Message);
        Assert.Contains("model.shop.a --> model.shop.b", e.Message.Replace("model.shop.b --> model.shop.a --> model.shop.b", "model.shop.a --> model.shop.b"));
    }

    [Fact]
    public void Yaml_errors_name_file_line_and_column()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    description: [unclosed\n")));
        Assert.Equal("models/schema.yml", e.File);
        Assert.True(e.Line >= 4, e.Message);
    }

    [Fact]
    public void Unknown_generic_test_names_the_yaml_position()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: a\n    columns:\n      - name: id\n        data_tests:\n          - uniq\n")));
        Assert.Equal(("models/schema.yml", 7), (e.File, e.Line));
        Assert.Contains("'uniq'", e.Message);
    }

    [Fact]
    public void Unclosed_macro_block_is_reported_where_it_starts()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("macros/m.sql", "\n\n{% macro m() %}select 1\n")));
        Assert.Equal(("macros/m.sql", 3, 1), (e.File, e.Line, e.Column));
    }

    [Fact]
    public void Disabled_models_move_to_disabled_and_refs_to_them_fail()
    {
        var e = Assert.Throws<ManifestException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "{{ config(enabled=false) }} select 1"),
            ("models/b.sql", "select * from {{ ref('a') }}")));
        Assert.Contains("depends on a node named 'a' which is disabled", e.Message);
    }

    [Fact]
    public void Errors_inside_a_called_macro_name_the_macro_file()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("macros/bad.sql", "{% macro bad() %}\n{{ 1 / 0 }}\n{% endmacro %}"),
            ("models/a.sql", "select {{ bad() }}")));
        Assert.Equal(("macros/bad.sql", 2), (e.File, e.Line));
        Assert.Contains("model.shop.a", e.Message);
    }

    [Fact]
    public void Raise_compiler_error_stops_parsing_with_its_message()
    {
        var e = Assert.Throws<ParseException>(() => FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "{{ exceptions.raise_compiler_error('a is not ready') }}")));
        Assert.Equal("models/a.sql", e.File);
        Assert.Contains("a is not ready", e.Message);
    }

    [Fact]
    public void Private_models_can_only_be_referenced_from_their_group()
    {
        (string, string)[] Files(string consumerGroup) =>
        [
            ("dbt_project.yml", Project),
            ("models/groups.yml", "version: 2\ngroups:\n  - name: finance\n    owner: {name: F}\n  - name: ops\n    owner: {name: O}\n" +
                "models:\n  - name: ledger\n    config:\n      group: finance\n      access: private\n  - name: report\n    config:\n      group: " + consumerGroup + "\n"),
            ("models/ledger.sql", "select 1 as id"),
            ("models/report.sql", "select * from {{ ref('ledger') }}"),
        ];
        Assert.Equal(["model.shop.ledger"], FixtureLoader.ParseFiles(Files("finance")).Manifest.Nodes["model.shop.report"].DependsOn.Nodes);
        var e = Assert.Throws<ManifestException>(() => FixtureLoader.ParseFiles(Files("ops")));
        Assert.Equal("Node model.shop.report attempted to reference node model.shop.ledger, which is not allowed because the referenced node is private to the 'finance' group.", e.Message);
    }

    [Fact]
    public void Tests_on_a_missing_model_are_disabled_with_a_warning()
    {
        var parse = FixtureLoader.ParseFiles(
            ("dbt_project.yml", Project),
            ("models/a.sql", "select 1 as id"),
            ("models/schema.yml", "version: 2\nmodels:\n  - name: gone\n    columns:\n      - name: id\n        data_tests: [not_null]\n"));
        Assert.DoesNotContain(parse.Manifest.Nodes.Keys, k => k.StartsWith("test.", StringComparison.Ordinal));
        Assert.Single(parse.Manifest.Disabled.Keys, k => k.StartsWith("test.shop.not_null_gone_id.", StringComparison.Ordinal));
        Assert.Contains("depends on a node named 'gone' which was not found; the test is disabled.", Assert.Single(parse.Loader.Warnings));
    }
}
