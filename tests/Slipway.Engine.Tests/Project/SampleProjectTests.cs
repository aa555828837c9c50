using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

/// <summary>The README's sample project loads through the same path the CLI uses.</summary>
public class SampleProjectTests
{
    private static string SampleDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slipway.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "samples", "harbor_shop");
    }

    [Fact]
    public void Project_flags_fill_what_the_command_line_left_unset()
    {
        using var dir = new TempFolder();
        dir.Write("shop/dbt_project.yml", "name: shop\nprofile: shop\nflags:\n  fail_fast: true\n  warn_error: true\n");
        dir.Write("shop/profiles.yml", "shop:\n  outputs:\n    default:\n      type: duckdb\n");
        Invocation Run(params (string, object?)[] flags) => new("run",
            flags.Append(("project_dir", dir["shop"])).ToDictionary(f => f.Item1, f => f.Item2));

        var fromProject = RuntimeConfig.Load(Run(), TestEnv.Of()).Invocation;
        var fromCli = RuntimeConfig.Load(Run(("fail_fast", false)), TestEnv.Of()).Invocation;

        Assert.True(fromProject.FailFast);
        Assert.Equal(1L, RuntimeConfig.Load(Run(), TestEnv.Of()).JinjaTarget["threads"]);
        Assert.Equal(6L, RuntimeConfig.Load(Run(("threads", 6L)), TestEnv.Of()).JinjaTarget["threads"]);
        Assert.Equal(true, fromProject.ToJinjaFlags()["WARN_ERROR"]);
        Assert.False(fromCli.FailFast);
    }

    [Fact]
    public void Harbor_shop_loads_with_its_profile_selectors_and_folder_configs()
    {
        var sample = SampleDir();
        var invocation = new Invocation("parse", new Dictionary<string, object?> { ["project_dir"] = sample });

        var config = RuntimeConfig.Load(invocation, TestEnv.Of());

        Assert.Equal("harbor_shop", config.Project.Name);
        Assert.Equal(("duckdb", "harbor_shop", "main", 4), (config.Target.Type, config.Target.Database, config.Target.Schema, config.Threads));
        Assert.Equal(Path.Combine(sample, "profiles.yml"), config.Profile.ProfilesFile);
        Assert.Equal(Path.Combine(sample, "target"), config.TargetPath);
        Assert.Equal(["marts_and_parents", "staging_without_payments"], config.Selectors.Select(s => s.Name));
        Assert.Empty(config.Packages);

        var fct = config.Configs.Resolve("harbor_shop", "model", ["harbor_shop", "marts", "fct_orders"]);
        var stg = config.Configs.Resolve("harbor_shop", "model", ["harbor_shop", "staging", "stg_orders"]);
        var intermediate = config.Configs.Resolve("harbor_shop", "model", ["harbor_shop", "intermediate", "int_order_lines"]);
        var seed = config.Configs.Resolve("harbor_shop", "seed", ["harbor_shop", "raw_products"]);

        Assert.Equal("table", fct["materialized"]);
        Assert.Equal(["marts"], (List<object?>)fct["tags"]!);
        Assert.Equal("shop-analytics", ((IDictionary<string, object?>)fct["meta"]!)["owner"]);
        Assert.Equal("view", stg["materialized"]);
        Assert.Equal("ephemeral", intermediate["materialized"]);
        Assert.Equal("raw", seed["schema"]);
        Assert.Equal("integer", ((IDictionary<string, object?>)seed["column_types"]!)["unit_price_cents"]);

        var vars = config.VarsFor("harbor_shop");
        Assert.Equal("2024-03-01", vars.Get("first_order_date"));
        Assert.Equal("EUR", vars.Get("currency"));
    }
}
