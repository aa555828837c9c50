using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

public class ProjectConfigResolverTests
{
    private static DbtProject Load(TempFolder dir, string relative, string yaml)
    {
        dir.Write(Path.Combine(relative, "dbt_project.yml"), yaml);
        return DbtProjectLoader.Load(dir[relative], null);
    }

    private const string ShopProject = """
        name: shop
        models:
          +materialized: view
          +tags: ["nightly"]
          shop:
            staging:
              +schema: staging
            marts:
              +materialized: table
              +tags: "finance"
              +meta: {owner: finance, tier: 2}
              materialized_old_style: true
              fct_orders:
                +materialized: incremental
                +tags: ["nightly", "orders"]
                +meta: {tier: 1}
        """;

    [Fact]
    public void Folder_configs_inherit_and_the_most_specific_wins()
    {
        using var dir = new TempFolder();
        var resolver = new ProjectConfigResolver(Load(dir, "shop", ShopProject), new Dictionary<string, DbtProject>());

        var staging = resolver.Resolve("shop", "model", ["shop", "staging", "stg_orders"]);
        var mart = resolver.Resolve("shop", "model", ["shop", "marts", "dim_customers"]);
        var fct = resolver.Resolve("shop", "model", ["shop", "marts", "fct_orders"]);

        Assert.Equal("view", staging["materialized"]);
        Assert.Equal("staging", staging["schema"]);
        Assert.Equal("table", mart["materialized"]);
        Assert.False(mart.ContainsKey("schema"));
        // A config can target one node by name (the last fqn part).
        Assert.Equal("incremental", fct["materialized"]);
    }

    [Fact]
    public void Tags_are_a_union_meta_merges_by_key()
    {
        using var dir = new TempFolder();
        var resolver = new ProjectConfigResolver(Load(dir, "shop", ShopProject), new Dictionary<string, DbtProject>());

        var fct = resolver.Resolve("shop", "model", ["shop", "marts", "fct_orders"]);

        Assert.Equal(["nightly", "finance", "orders"], (List<object?>)fct["tags"]!);
        var meta = (IDictionary<string, object?>)fct["meta"]!;
        Assert.Equal("finance", meta["owner"]);
        Assert.Equal(1L, meta["tier"]);
    }

    [Fact]
    public void A_key_without_plus_is_a_config_only_when_its_value_is_not_a_mapping()
    {
        using var dir = new TempFolder();
        var project = Load(dir, "shop", """
            name: shop
            models:
              shop:
                materialized: table
                enabled: true
                docs:
                  +materialized: view
            """);
        var resolver = new ProjectConfigResolver(project, new Dictionary<string, DbtProject>());

        var top = resolver.Resolve("shop", "model", ["shop", "orders"]);
        var inDocsFolder = resolver.Resolve("shop", "model", ["shop", "docs", "readme_model"]);

        Assert.Equal("table", top["materialized"]);
        Assert.Equal(true, top["enabled"]);
        // `docs:` without + and with a mapping value is a folder named docs, not the docs config.
        Assert.False(top.ContainsKey("docs"));
        Assert.Equal("view", inDocsFolder["materialized"]);
    }

    [Fact]
    public void Configs_only_apply_to_their_resource_type()
    {
        using var dir = new TempFolder();
        var project = Load(dir, "shop", """
            name: shop
            models:
              +materialized: table
            seeds:
              +quote_columns: true
              shop:
                +schema: raw
            data_tests:
              +severity: warn
            """);
        var resolver = new ProjectConfigResolver(project, new Dictionary<string, DbtProject>());

        var seed = resolver.Resolve("shop", "seed", ["shop", "raw_orders"]);
        var test = resolver.Resolve("shop", "test", ["shop", "not_null_orders_id"]);

        Assert.False(seed.ContainsKey("materialized"));
        Assert.Equal(true, seed["quote_columns"]);
        Assert.Equal("raw", seed["schema"]);
        Assert.Equal("warn", test["severity"]);
    }

    [Fact]
    public void The_root_project_overrides_a_packages_own_configs_for_that_packages_nodes()
    {
        using var dir = new TempFolder();
        var root = Load(dir, "shop", """
            name: shop
            models:
              +materialized: view
              utils:
                +schema: utils_override
            """);
        var package = Load(dir, "dbt_packages/utils", """
            name: utils
            models:
              utils:
                +materialized: table
                +schema: utils
                +tags: ["from_package"]
                +post-hook: "analyze {{ this }}"
            """);
        var resolver = new ProjectConfigResolver(root, new Dictionary<string, DbtProject> { ["utils"] = package });

        var packaged = resolver.Resolve("utils", "model", ["utils", "calendar"]);
        var own = resolver.Resolve("shop", "model", ["shop", "orders"]);

        // The root's `+materialized: view` applies to every package's models, and is more important than the package's own.
        Assert.Equal("view", packaged["materialized"]);
        Assert.Equal("utils_override", packaged["schema"]);
        Assert.Equal(["from_package"], (List<object?>)packaged["tags"]!);
        Assert.Equal(["analyze {{ this }}"], (List<object?>)packaged["post-hook"]!);
        // The package's file never configures the root project's nodes.
        Assert.False(own.ContainsKey("tags"));
        Assert.False(own.ContainsKey("schema"));
    }

    [Fact]
    public void Hooks_in_the_project_file_are_not_rendered_at_load()
    {
        using var dir = new TempFolder();
        // No Jinja engine is needed to load this: hooks are left for run time, and nothing else has Jinja.
        dir.Write("shop/dbt_project.yml", """
            name: shop
            models:
              +post-hook: ["grant select on {{ this }} to reporter"]
            """);
        var context = new ConfigRenderContext(ProjectVars.CliOnly(DbtProject.Empty), TestEnv.Of(), null);

        var project = DbtProjectLoader.Load(dir["shop"], context);

        Assert.Equal(["grant select on {{ this }} to reporter"], (List<object?>)project.ConfigTrees["models"]["+post-hook"]!);
    }
}
