using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

public class DbtProjectLoaderTests
{
    [Fact]
    public void A_minimal_project_gets_dbts_default_paths()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", "name: shop\nprofile: shop\n");

        var project = DbtProjectLoader.Load(dir.Path, context: null);

        Assert.Equal("shop", project.Name);
        Assert.Equal("shop", project.ProfileName);
        Assert.Equal(["models"], project.ModelPaths);
        Assert.Equal(["seeds"], project.SeedPaths);
        Assert.Equal(["tests"], project.TestPaths);
        Assert.Equal(["macros"], project.MacroPaths);
        Assert.Equal(["snapshots"], project.SnapshotPaths);
        Assert.Equal(["analyses"], project.AnalysisPaths);
        Assert.Equal("target", project.TargetPath);
        Assert.Equal("dbt_packages", project.PackagesInstallPath);
        // dbt: clean-targets defaults to [target-path]; docs-paths to every source path.
        Assert.Equal(["target"], project.CleanTargets);
        Assert.Equal(["models", "seeds", "tests", "macros", "snapshots", "analyses"], project.DocsPaths);
        Assert.Empty(project.AssetPaths);
    }

    [Fact]
    public void Paths_target_path_and_clean_targets_follow_the_file()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", """
            name: shop
            model-paths: ["transform"]
            seed-paths: ["data"]
            target-path: "build"
            asset-paths: ["assets"]
            packages-install-path: vendor
            """);

        var project = DbtProjectLoader.Load(dir.Path, null);

        Assert.Equal(["transform"], project.ModelPaths);
        Assert.Equal(["data"], project.SeedPaths);
        Assert.Equal("build", project.TargetPath);
        Assert.Equal(["build"], project.CleanTargets);
        Assert.Equal(["assets"], project.AssetPaths);
        Assert.Equal("vendor", project.PackagesInstallPath);
        Assert.Null(project.ProfileName);
    }

    [Fact]
    public void Pre_1_0_path_names_are_still_read()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", "name: shop\nsource-paths: [src]\ndata-paths: [csv]\n");

        var project = DbtProjectLoader.Load(dir.Path, null);

        Assert.Equal(["src"], project.ModelPaths);
        Assert.Equal(["csv"], project.SeedPaths);
    }

    [Fact]
    public void Hooks_dispatch_quoting_flags_and_version_requirements_are_kept()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", """
            name: shop
            version: 1.2
            require-dbt-version: ">=1.8.0"
            on-run-start: "create schema if not exists audit"
            on-run-end:
              - "grant usage on schema {{ target.schema }} to reporter"
              - "select 1"
            dispatch:
              - macro_namespace: dbt_utils
                search_order: [shop, dbt_utils]
            quoting:
              identifier: false
            flags:
              require_explicit_package_overrides_for_builtin_materializations: false
            """);

        var project = DbtProjectLoader.Load(dir.Path, null);

        Assert.Equal("1.2", project.Version);
        Assert.Equal([">=1.8.0"], project.RequireDbtVersion);
        Assert.Equal(["create schema if not exists audit"], project.OnRunStart);
        Assert.Equal(2, project.OnRunEnd.Count);
        Assert.Equal("grant usage on schema {{ target.schema }} to reporter", project.OnRunEnd[0]);
        var dispatch = Assert.Single(project.Dispatch);
        Assert.Equal("dbt_utils", dispatch.MacroNamespace);
        Assert.Equal(["shop", "dbt_utils"], dispatch.SearchOrder);
        Assert.Equal(false, project.Quoting["identifier"]);
        Assert.False(project.FlagEnabled("require_explicit_package_overrides_for_builtin_materializations", true));
        Assert.True(project.FlagEnabled("require_generic_test_arguments_property", true));
    }

    [Fact]
    public void Yaml_1_1_scalars_are_typed_as_PyYAML_types_them()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", """
            name: shop
            models:
              shop:
                +enabled: no
                +persist_docs: {relation: yes, columns: off}
                +batch_size: 0x10
                +ratio: 1.5
                +label: "yes"
                +nothing: ~
            """);

        var tree = DbtProjectLoader.Load(dir.Path, null).ConfigTrees["models"];
        var shop = (IDictionary<string, object?>)tree["shop"]!;

        Assert.Equal(false, shop["+enabled"]);
        Assert.Equal(true, ((IDictionary<string, object?>)shop["+persist_docs"]!)["relation"]);
        Assert.Equal(false, ((IDictionary<string, object?>)shop["+persist_docs"]!)["columns"]);
        Assert.Equal(16L, shop["+batch_size"]);
        Assert.Equal(1.5, shop["+ratio"]);
        Assert.Equal("yes", shop["+label"]);
        Assert.Null(shop["+nothing"]);
    }

    [Fact]
    public void Tests_is_read_as_data_tests_and_both_together_is_an_error()
    {
        using var dir = new TempFolder();
        dir.Write("dbt_project.yml", "name: shop\ntests:\n  +severity: warn\n");
        Assert.True(DbtProjectLoader.Load(dir.Path, null).ConfigTrees.ContainsKey("data_tests"));

        dir.Write("dbt_project.yml", "name: shop\ntests:\n  +severity: warn\ndata_tests:\n  +severity: error\n");
        var e = Assert.Throws<ProjectException>(() => DbtProjectLoader.Load(dir.Path, null));
        Assert.Contains("both 'tests' and 'data_tests'", e.Message);
    }

    [Fact]
    public void A_missing_name_names_the_file_line_and_column()
    {
        using var dir = new TempFolder();
        var file = dir.Write("dbt_project.yml", "version: 1\nprofile: shop\n");

        var e = Assert.Throws<ProjectException>(() => DbtProjectLoader.Load(dir.Path, null));

        Assert.StartsWith($"{file}:1:1:", e.Message);
        Assert.Contains("'name'", e.Message);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_and_column_of_the_problem()
    {
        using var dir = new TempFolder();
        var file = dir.Write("dbt_project.yml", "name: shop\nmodels:\n  shop:\n    +materialized: [view\n");

        var e = Assert.Throws<ProjectException>(() => DbtProjectLoader.Load(dir.Path, null));

        Assert.StartsWith(file + ":", e.Message);
        Assert.Equal(file, e.File);
        Assert.True(e.Line >= 4, $"line {e.Line}");
        Assert.Contains("not valid YAML", e.Message);
    }

    [Fact]
    public void A_project_name_that_is_not_an_identifier_is_refused_at_its_position()
    {
        using var dir = new TempFolder();
        var file = dir.Write("dbt_project.yml", "version: 1\nname: my-shop\n");

        var e = Assert.Throws<ProjectException>(() => DbtProjectLoader.Load(dir.Path, null));

        Assert.StartsWith($"{file}:2:1:", e.Message);
    }

    [Fact]
    public void The_project_folder_is_found_from_a_sub_folder_as_dbt_does()
    {
        using var dir = new TempFolder();
        dir.Write("shop/dbt_project.yml", "name: shop\n");
        Directory.CreateDirectory(dir["shop/models/marts"]);

        Assert.Equal(dir["shop"], DbtProjectLoader.FindProjectDir(dir["shop/models/marts"]));
        Assert.Equal(dir["elsewhere"], DbtProjectLoader.FindProjectDir(dir["elsewhere"]));
    }

    [Fact]
    public void No_project_file_says_where_it_looked()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<ProjectException>(() => DbtProjectLoader.Load(dir.Path, null));
        Assert.Contains(dir["dbt_project.yml"], e.Message);
    }
}
