using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

public class VarsAndEnvTests
{
    private static (DbtProject Root, DbtProject Package) Projects(TempFolder dir)
    {
        dir.Write("shop/dbt_project.yml", """
            name: shop
            vars:
              currency: EUR
              start_date: "2024-01-01"
              shop:
                start_date: "2024-03-01"
              utils:
                week_start: monday
            """);
        dir.Write("utils/dbt_project.yml", """
            name: utils
            vars:
              week_start: sunday
              fiscal_month: 1
              currency: USD
            """);
        return (DbtProjectLoader.Load(dir["shop"], null), DbtProjectLoader.Load(dir["utils"], null));
    }

    [Fact]
    public void Package_scoped_vars_beat_global_vars_and_cli_vars_beat_both()
    {
        using var dir = new TempFolder();
        var (root, _) = Projects(dir);

        var withoutCli = ProjectVars.For("shop", root, null, DbtProject.Empty);
        var withCli = ProjectVars.For("shop", root, null, Invocation.ParseVars("{start_date: '2025-01-01'}"));

        Assert.Equal("2024-03-01", withoutCli.Get("start_date"));
        Assert.Equal("EUR", withoutCli.Get("currency"));
        Assert.Equal("2025-01-01", withCli.Get("start_date"));
    }

    [Fact]
    public void A_packages_nodes_see_its_own_vars_under_the_root_projects()
    {
        using var dir = new TempFolder();
        var (root, package) = Projects(dir);

        var vars = ProjectVars.For("utils", root, package, DbtProject.Empty);

        Assert.Equal("monday", vars.Get("week_start"));   // root's `utils:` scope beats the package's own value
        Assert.Equal(1L, vars.Get("fiscal_month"));       // only the package defines it
        Assert.Equal("EUR", vars.Get("currency"));        // root's global beats the package's global
    }

    [Fact]
    public void A_missing_var_uses_the_default_or_fails_naming_the_var()
    {
        using var dir = new TempFolder();
        var (root, _) = Projects(dir);
        var vars = ProjectVars.For("shop", root, null, DbtProject.Empty);

        Assert.Equal("x", vars.Get("nope", hasDefault: true, @default: "x"));
        Assert.Null(vars.Get("nope", hasDefault: true, @default: null));
        var e = Assert.Throws<ProjectException>(() => vars.Get("nope"));
        Assert.Contains("Required var 'nope' not found", e.Message);
    }

    [Fact]
    public void Cli_vars_are_yaml_or_json_and_must_be_a_mapping()
    {
        Assert.Equal(7L, Invocation.ParseVars("""{"days": 7}""")["days"]);
        Assert.Equal(true, Invocation.ParseVars("full: yes")["full"]);
        Assert.Empty(Invocation.ParseVars(""));
        var e = Assert.Throws<ProjectException>(() => Invocation.ParseVars("[1, 2]"));
        Assert.Equal("The --vars argument must be a YAML dictionary, but was of type 'list'.", e.Message);
    }

    [Fact]
    public void Env_var_reads_the_environment_then_the_default_then_fails()
    {
        var env = TestEnv.Of(("SHOP_SCHEMA", "analytics"));

        Assert.Equal("analytics", env.EnvVar("SHOP_SCHEMA", "fallback", allowSecrets: false));
        Assert.Equal("fallback", env.EnvVar("OTHER", "fallback", allowSecrets: false));
        var e = Assert.Throws<ProjectException>(() => env.EnvVar("OTHER", null, allowSecrets: false));
        Assert.Equal("Env var required but not provided: 'OTHER'", e.Message);
    }

    [Fact]
    public void Secret_env_vars_are_refused_outside_profiles_and_packages_and_masked_in_logs()
    {
        var env = TestEnv.Of(("DBT_ENV_SECRET_PG_PASSWORD", "hunter2-harbour"));

        var e = Assert.Throws<ProjectException>(() => env.EnvVar("DBT_ENV_SECRET_PG_PASSWORD", null, allowSecrets: false));
        Assert.Contains("allowed only in profiles.yml or packages.yml", e.Message);
        Assert.Equal("hunter2-harbour", env.EnvVar("DBT_ENV_SECRET_PG_PASSWORD", null, allowSecrets: true));
        Assert.Equal("connecting with *****", env.Masker.Apply("connecting with hunter2-harbour"));
    }

    [Fact]
    public void Custom_env_vars_become_dbt_metadata_envs()
    {
        var env = TestEnv.Of(("DBT_ENV_CUSTOM_ENV_run_by", "scheduler"), ("HOME", "/root"));
        Assert.Equal(new Dictionary<string, string> { ["run_by"] = "scheduler" }, env.MetadataEnvs());
    }

    [Fact]
    public void The_masker_masks_the_longest_secret_first()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("abcdef");
        masker.Add("x"); // too short to mask usefully

        Assert.Equal("***** and ***** and x", masker.Apply("abcdef and abc and x"));
    }

    [Fact]
    public void Python_literals_read_back_as_native_values()
    {
        Assert.True(PythonLiteral.TryParse("5", out var five));
        Assert.Equal(5L, five);
        Assert.True(PythonLiteral.TryParse(" True ", out var t));
        Assert.Equal(true, t);
        Assert.True(PythonLiteral.TryParse("['a', 1, None]", out var list));
        Assert.Equal(["a", 1L, null], (List<object?>)list!);
        Assert.True(PythonLiteral.TryParse("{'k': 2.5}", out var dict));
        Assert.Equal(2.5, ((IDictionary<string, object?>)dict!)["k"]);
        Assert.False(PythonLiteral.TryParse("table", out _));
        Assert.False(PythonLiteral.TryParse("2024-01-01", out _));
    }
}
