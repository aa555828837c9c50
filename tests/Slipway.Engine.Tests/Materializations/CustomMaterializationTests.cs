using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>
/// Materializations a project or package declares: new ones, adapter-specific over default, dbt 1.8's rule that an
/// installed package may not replace a built-in one (unless the behaviour flag is false or the root project
/// re-declares it), and supported_languages.
/// </summary>
public sealed class CustomMaterializationTests : MaterializationTestBase
{
    /// <summary>A materialization that builds a table holding only <paramref name="kind"/>, so the winner is visible.</summary>
    private static string Stamp(string name, string adapter, string kind, string languages = "") => $$$"""
        {% materialization {{{name}}}, adapter='{{{adapter}}}'{{{languages}}} %}
            {% call statement('main') %}create or replace table {{ this }} as select '{{{kind}}}' as kind{% endcall %}
            {{ return({'relations': [this.incorporate(type='table')]}) }}
        {% endmaterialization %}
        """;

    private const string Package = "dbt_packages/tools/dbt_project.yml";

    [Fact]
    public void A_project_declares_a_new_materialization_and_a_model_uses_it()
    {
        using var p = Project(
            ("macros/audited.sql", """
                {% materialization audited_table, default %}
                    {%- set target_relation = this.incorporate(type='table') -%}
                    {% call statement('main') -%}
                        create or replace table {{ target_relation }} as {{ sql }}
                    {%- endcall %}
                    {% call statement('audit') -%}
                        create table if not exists main.audit_log (model varchar);
                        insert into main.audit_log values ('{{ model.name }}')
                    {%- endcall %}
                    {{ return({'relations': [target_relation]}) }}
                {% endmaterialization %}
                """),
            ("models/orders.sql", "{{ config(materialized='audited_table') }}\nselect 1 as id"));
        var output = Run(p, "run");
        Assert.Contains("START sql audited_table model main.orders", output);
        Assert.Equal(["1"], Rows(p, "select id from main.orders"));
        Assert.Equal(["orders"], Rows(p, "select model from main.audit_log"));
    }

    [Fact]
    public void The_adapter_specific_version_wins_over_default()
    {
        using var p = Project(
            ("macros/stamp.sql", Stamp("stamp", "default", "default") + "\n" + Stamp("stamp", "duckdb", "duckdb") + "\n" + Stamp("stamp", "postgres", "postgres")),
            ("models/m.sql", "{{ config(materialized='stamp') }}\nselect 1"));
        Run(p, "run");
        Assert.Equal(["duckdb"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void A_package_may_add_a_materialization()
    {
        using var p = Project(
            (Package, "name: tools\n"),
            ("dbt_packages/tools/macros/stamp.sql", Stamp("stamp", "default", "from package")),
            ("models/m.sql", "{{ config(materialized='stamp') }}\nselect 1"));
        Run(p, "run");
        Assert.Equal(["from package"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void A_package_cannot_replace_a_built_in_materialization()
    {
        using var p = Project(
            (Package, "name: tools\n"),
            ("dbt_packages/tools/macros/view.sql", Stamp("view", "default", "from package")),
            ("models/m.sql", "{{ config(materialized='view') }}\nselect 'built-in' as kind"));
        Run(p, "run");
        Assert.Equal(["m:VIEW"], Relations(p));
        Assert.Equal(["built-in"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void The_behaviour_flag_set_false_lets_the_package_replace_it()
    {
        using var p = Project(
            (Package, "name: tools\n"),
            ("dbt_packages/tools/macros/view.sql", Stamp("view", "default", "from package")),
            ("models/m.sql", "{{ config(materialized='view') }}\nselect 'built-in' as kind"));
        p.Write("dbt_project.yml", "name: fixture\nversion: '1.0'\nprofile: fixture\nflags:\n  require_explicit_package_overrides_for_builtin_materializations: false\n");
        Run(p, "run");
        Assert.Equal(["from package"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void The_root_project_opts_in_to_a_package_version_by_re_declaring_it()
    {
        using var p = Project(
            (Package, "name: tools\n"),
            ("dbt_packages/tools/macros/view.sql", Stamp("view", "default", "from package")),
            ("macros/view.sql", "{% materialization view, default %}{{ return(tools.materialization_view_default()) }}{% endmaterialization %}"),
            ("models/m.sql", "{{ config(materialized='view') }}\nselect 'built-in' as kind"));
        Run(p, "run");
        Assert.Equal(["from package"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void The_root_project_replaces_a_built_in_default_materialization()
    {
        using var p = Project(
            ("macros/view.sql", Stamp("view", "default", "root")),
            ("models/m.sql", "{{ config(materialized='view') }}\nselect 'built-in' as kind"));
        Run(p, "run");
        Assert.Equal(["root"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void On_duckdb_a_default_table_does_not_beat_the_adapter_table()
    {
        // dbt-duckdb declares `materialization table, adapter='duckdb'`; adapter specificity ranks before project.
        using var p = Project(
            ("macros/table.sql", Stamp("table", "default", "root default")),
            ("models/m.sql", "{{ config(materialized='table') }}\nselect 'built-in' as kind"));
        Run(p, "run");
        Assert.Equal(["built-in"], Rows(p, "select kind from main.m"));
    }

    [Fact]
    public void A_model_language_the_materialization_does_not_support_is_an_error()
    {
        using var p = Project(
            ("macros/stamp.sql", Stamp("pyonly", "default", "x", ", supported_languages=['python']")),
            ("models/m.sql", "{{ config(materialized='pyonly') }}\nselect 1"));
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("Materialization \"materialization_pyonly_default\" only supports languages ['python']; got \"sql\"", output);
    }

    [Fact]
    public void An_unknown_materialization_names_the_adapter_and_the_types_searched()
    {
        using var p = Project(("models/m.sql", "{{ config(materialized='nonesuch') }}\nselect 1"));
        var output = Run(p, "run", expectedExit: 1);
        Assert.Contains("No materialization 'nonesuch' was found for adapter duckdb! (searched types 'default' and 'duckdb')", output);
    }
}
