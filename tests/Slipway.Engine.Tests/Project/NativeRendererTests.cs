using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

/// <summary>dbt's native rendering of YAML values (dbt-common quoted_native_concat) through Slipway.Jinja.</summary>
public class NativeRendererTests
{
    private static readonly IReadOnlyDictionary<string, object?> DuckTarget =
        new Dictionary<string, object?> { ["type"] = "duckdb", ["name"] = "dev", ["schema"] = "main" };

    private static object? Render(string source, EnvironmentVariables? env = null, string vars = "", bool secrets = false) =>
        NativeRenderer.Render(source,
            new ConfigRenderContext(ProjectVars.CliOnly(Invocation.ParseVars(vars)), env ?? TestEnv.Of(), DuckTarget, secrets), "test");

    [Fact]
    public void Plain_strings_are_not_rendered()
    {
        Assert.Equal("5", Render("5"));
        Assert.Equal("{ not jinja }", Render("{ not jinja }"));
    }

    /// <summary>Cases from dbt-core's own table of native renderings (test_jinja.py), with a_str="100", a_int=100.</summary>
    [Theory]
    [InlineData("bar", "bar")]
    [InlineData("{{ 'bar' | as_text }}", "bar")]
    [InlineData("{{ 'bar' | as_native }}", "bar")]
    [InlineData("{{ 1 }}", "1")]
    [InlineData("{{ '1' }}", "1")]
    [InlineData("'{{ 1 }}'", "'1'")]
    [InlineData("{{ 1 | as_text }}", "1")]
    [InlineData("{{ 1 | as_number }}", 1L)]
    [InlineData("{{ '1' | as_native }}", 1L)]
    [InlineData("{{ True }}", "True")]
    [InlineData("{{ true }}", "True")]
    [InlineData("{{ true | as_bool }}", true)]
    [InlineData("{{ 'True' | as_bool }}", true)]
    [InlineData("{{ True | as_native }}", true)]
    [InlineData("{{ 'true' | as_text }}", "true")]
    [InlineData("'{{ true | as_bool }}'", "'True'")]
    [InlineData("{{ (a_int + 100) | as_native }}", 200L)]
    [InlineData("{{ (a_str ~ 100) | as_native }}", 100100L)]
    [InlineData("{{ a_str | as_native }}{{ a_str | as_native }}", "100100")]
    [InlineData("'{{ a_int | as_native }}{{ a_int | as_native }}'", "'100100'")]
    [InlineData("{{ '' | as_native }}", "")]
    [InlineData("{{ none | as_native }}", null)]
    [InlineData("{# #}hello", "hello")]
    [InlineData("{% if false %}{% endif %}hello", "hello")]
    public void Renders_like_dbt(string source, object? expected)
    {
        var vars = "{a_str: '100', a_int: 100}";
        Assert.Equal(expected, Render(source.Replace("a_str", "var('a_str')").Replace("a_int", "var('a_int')"), vars: vars));
    }

    [Theory]
    [InlineData("{{ 'bar' | as_bool }}", "bool")]
    [InlineData("{{ 'bar' | as_number }}", "number")]
    [InlineData("{{ 1 | as_bool }}", "bool")]
    [InlineData("{{ True | as_number }}", "number")]
    [InlineData("{{ 'true' | as_bool }}", "bool")]
    public void Marked_values_of_the_wrong_type_are_errors_like_dbt(string source, string type)
    {
        var e = Assert.Throws<ProjectException>(() => Render(source));
        Assert.Contains($"into type '{type}'", e.Message);
    }

    [Fact]
    public void A_string_from_env_var_stays_a_string_unless_marked()
    {
        var env = TestEnv.Of(("PGPORT", "5433"), ("FLAG", "True"));

        Assert.Equal("5433", Render("{{ env_var('PGPORT') }}", env));
        Assert.Equal(5433L, Render("{{ env_var('PGPORT') | as_number }}", env));
        Assert.Equal(true, Render("{{ env_var('FLAG') | as_bool }}", env));
        Assert.Equal("5433", Render("{{ env_var('PGPORT') | as_number | as_text }}", env));
        Assert.Equal(8L, Render("{{ env_var('THREADS', 8) | as_number }}", env));
        Assert.Equal("table", Render("{{ 'table' if target.type == 'duckdb' else 'view' }}", env));
    }

    [Fact]
    public void Several_parts_render_as_text()
    {
        var env = TestEnv.Of(("USER", "jsmith"));

        Assert.Equal("dbt_jsmith", Render("dbt_{{ env_var('USER') }}", env));
        Assert.Equal("12", Render("1{{ 2 }}", env));
        Assert.Equal("main_raw", Render("{{ target.schema }}_raw"));
    }

    [Fact]
    public void Var_sees_the_command_line_vars()
    {
        Assert.Equal("incremental", Render("{{ var('mat', 'table') }}", vars: "mat: incremental"));
        Assert.Equal("table", Render("{{ var('mat', 'table') }}"));
        var e = Assert.Throws<ProjectException>(() => Render("{{ var('mat') }}"));
        Assert.Contains("Required var 'mat' not found", e.Message);
    }

    [Fact]
    public void A_var_holding_jinja_is_rendered_when_read()
    {
        using var dir = new TempFolder();
        dir.Write("shop/dbt_project.yml", """
            name: shop
            vars:
              region: "{{ env_var('SHOP_REGION', 'north') }}"
              label: "shop_{{ var('region') }}"
              days: 7
            """);
        var root = DbtProjectLoader.Load(dir["shop"], null);
        var context = new ConfigRenderContext(ProjectVars.For("shop", root, null, DbtProject.Empty), TestEnv.Of(("SHOP_REGION", "west")), DuckTarget);

        Assert.Equal("west", context.Var("region", false, null));
        Assert.Equal("shop_west", context.Var("label", false, null));
        Assert.Equal(7L, context.Var("days", false, null));
    }

    [Fact]
    public void Secret_env_vars_only_where_allowed()
    {
        var env = TestEnv.Of(("DBT_ENV_SECRET_TOKEN", "tok-123456"));

        var e = Assert.Throws<ProjectException>(() => Render("{{ env_var('DBT_ENV_SECRET_TOKEN') }}", env));
        Assert.Contains("allowed only in profiles.yml or packages.yml", e.Message);
        Assert.Equal("tok-123456", Render("{{ env_var('DBT_ENV_SECRET_TOKEN') }}", env, secrets: true));
    }

    [Fact]
    public void A_jinja_error_names_the_value_and_its_source()
    {
        var e = Assert.Throws<ProjectException>(() => Render("{{ 'a' + }}"));
        Assert.StartsWith("Could not render test ('{{ 'a' + }}'):", e.Message);
    }

    [Fact]
    public void Project_configs_render_with_the_target_and_profiles_with_env_vars()
    {
        using var dir = new TempFolder();
        dir.Write("shop/dbt_project.yml", """
            name: shop
            profile: "{{ env_var('SHOP_PROFILE', 'shop') }}"
            models:
              shop:
                +materialized: "{{ 'table' if target.type == 'duckdb' else 'view' }}"
                +enabled: "{{ env_var('SHOP_ENABLED', 'True') | as_bool }}"
                +post-hook: "grant select on {{ this }} to reporter"
            """);
        dir.Write("shop/profiles.yml", """
            shop:
              target: "{{ env_var('SHOP_TARGET', 'dev') }}"
              outputs:
                dev:
                  type: duckdb
                  path: "{{ env_var('SHOP_DB_DIR', '.') }}/shop.duckdb"
                  threads: "{{ env_var('SHOP_THREADS') | as_number }}"
                  schema: "dbt_{{ env_var('USER') }}"
                  token: "{{ env_var('DBT_ENV_SECRET_MD_TOKEN') }}"
            """);
        var env = TestEnv.Of(("SHOP_THREADS", "3"), ("USER", "jsmith"), ("DBT_ENV_SECRET_MD_TOKEN", "md-token-42"));
        var invocation = new Invocation("parse", new Dictionary<string, object?> { ["project_dir"] = dir["shop"] });

        var config = RuntimeConfig.Load(invocation, env);
        var models = config.Configs.Resolve("shop", "model", ["shop", "orders"]);

        Assert.Equal("dev", config.Target.Name);
        Assert.Equal(3, config.Target.Threads);
        Assert.Equal("dbt_jsmith", config.Target.Schema);
        Assert.Equal("shop", config.Target.Database);
        Assert.False(config.Target.ToJinjaTarget().ContainsKey("token"));
        Assert.Equal("*****", env.Masker.Apply("md-token-42"));
        Assert.Equal("table", models["materialized"]);
        Assert.Equal(true, models["enabled"]);
        Assert.Equal(["grant select on {{ this }} to reporter"], (List<object?>)models["post-hook"]!);
    }
}
