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

    [Fact]
    public void One_expression_keeps_its_native_value()
    {
        Assert.Equal(5L, Render("{{ 5 }}"));
        Assert.Equal(true, Render("{{ target.type == 'duckdb' }}"));
        Assert.Equal("table", Render("{{ 'table' if target.type == 'duckdb' else 'view' }}"));
        Assert.Equal(new List<object?> { 1L, 2L }, Render("{{ [1, 2] }}"));
    }

    [Fact]
    public void A_string_from_env_var_stays_a_string_unless_marked()
    {
        var env = TestEnv.Of(("PGPORT", "5433"), ("FLAG", "True"));

        Assert.Equal("5433", Render("{{ env_var('PGPORT') }}", env));
        Assert.Equal(5433L, Render("{{ env_var('PGPORT') | as_number }}", env));
        Assert.Equal(true, Render("{{ env_var('FLAG') | as_bool }}", env));
        // Python's literal_eval does not know lower-case true: dbt leaves the text as it is.
        Assert.Equal("true", Render("{{ 'true' | as_bool }}", env));
        Assert.Equal("5433", Render("{{ env_var('PGPORT') | as_number | as_text }}", env));
        Assert.Equal(8L, Render("{{ env_var('THREADS', 8) }}", env));
    }

    [Fact]
    public void Several_parts_render_as_text_and_read_back_only_non_string_literals()
    {
        var env = TestEnv.Of(("USER", "jsmith"));

        Assert.Equal("dbt_jsmith", Render("dbt_{{ env_var('USER') }}", env));
        Assert.Equal(12L, Render("1{{ 2 }}", env));
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
            profile: shop
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
