using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>Installed packages: their nodes and macros, two-argument refs, dispatch and naming-macro scope.</summary>
public sealed class PackageTests
{
    private static readonly (string, string)[] Files =
    [
        ("dbt_project.yml", "name: shop\nprofile: shop\n"),
        ("models/orders.sql", "select * from {{ ref('helpers', 'calendar') }} where {{ helpers.truthy() }} and {{ shout('x') }}"),
        ("macros/override.sql", "{% macro default__shout(s) %}'{{ s }}!!'{% endmacro %}"),
        ("dbt_packages/helpers/dbt_project.yml", "name: helpers\nmodels:\n  helpers:\n    +schema: util\n"),
        ("dbt_packages/helpers/models/calendar.sql", "select 1 as day"),
        ("dbt_packages/helpers/macros/helpers.sql",
            "{% macro truthy() %}1 = 1{% endmacro %}\n" +
            "{% macro shout(s) %}{{ return(adapter.dispatch('shout', 'helpers')(s)) }}{% endmacro %}\n" +
            "{% macro default__shout(s) %}'{{ s }}!'{% endmacro %}\n" +
            "{% macro generate_schema_name(custom_schema_name, node) %}pkg_{{ custom_schema_name }}{% endmacro %}"),
    ];

    [Fact]
    public void Package_nodes_use_the_package_naming_macro_and_root_nodes_do_not()
    {
        var m = FixtureLoader.ParseFiles(["dbt_packages/helpers"], Files).Manifest;
        Assert.Equal("pkg_util", m.Nodes["model.helpers.calendar"].Schema);
        Assert.Equal("main", m.Nodes["model.shop.orders"].Schema);
        Assert.Equal(["model.helpers.calendar"], m.Nodes["model.shop.orders"].DependsOn.Nodes);
        Assert.Contains("macro.helpers.truthy", m.Nodes["model.shop.orders"].DependsOn.Macros);
    }

    [Fact]
    public void Dispatch_prefers_the_root_project_implementation()
    {
        var parse = FixtureLoader.ParseFiles(["dbt_packages/helpers"], Files);
        new Compiler(parse).Compile([parse.Manifest.Nodes["model.shop.orders"]]);
        Assert.Equal("select * from \"ci\".\"pkg_util\".\"calendar\" where 1 = 1 and 'x!!'", parse.Manifest.Nodes["model.shop.orders"].CompiledCode);
    }
}
