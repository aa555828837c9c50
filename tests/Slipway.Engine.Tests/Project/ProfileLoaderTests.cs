using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

public class ProfileLoaderTests
{
    private const string DuckProfile = """
        shop:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: warehouse/shop.duckdb
              threads: 4
            ci:
              type: duckdb
              schema: ci
        """;

    private static ProfileRequest Request(TempFolder dir, EnvironmentVariables? env = null) => new()
    {
        ProjectDir = dir["project"],
        ProjectProfileName = "shop",
        Environment = env ?? TestEnv.Of(),
        HomeDir = dir["home"],
        CurrentDir = dir["project"],
    };

    [Fact]
    public void Profiles_yml_in_the_project_folder_is_found_and_the_profiles_target_is_used()
    {
        using var dir = new TempFolder();
        var file = dir.Write("project/profiles.yml", DuckProfile);

        var profile = ProfileLoader.Load(Request(dir));

        Assert.Equal(file, profile.ProfilesFile);
        Assert.Equal("project directory", profile.FoundBy);
        Assert.Equal("dev", profile.Target.Name);
        Assert.Equal("profile default", profile.TargetChosenBy);
        Assert.Equal(["dev", "ci"], profile.TargetNames);
    }

    [Fact]
    public void Profiles_dir_flag_beats_DBT_PROFILES_DIR_which_beats_the_project_folder()
    {
        using var dir = new TempFolder();
        dir.Write("project/profiles.yml", DuckProfile);
        dir.Write("from_env/profiles.yml", DuckProfile.Replace("target: dev", "target: ci"));
        var flagFile = dir.Write("from_flag/profiles.yml", DuckProfile);
        var env = TestEnv.Of(("DBT_PROFILES_DIR", dir["from_env"]));

        var fromEnv = ProfileLoader.Load(Request(dir, env));
        var fromFlag = ProfileLoader.Load(Request(dir, env) with { ProfilesDirFlag = dir["from_flag"] });

        Assert.Equal("DBT_PROFILES_DIR", fromEnv.FoundBy);
        Assert.Equal("ci", fromEnv.Target.Name);
        Assert.Equal(flagFile, fromFlag.ProfilesFile);
        Assert.Equal("--profiles-dir", fromFlag.FoundBy);
    }

    [Fact]
    public void The_home_dbt_folder_is_the_last_place_looked()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir["project"]);
        var file = dir.Write("home/.dbt/profiles.yml", DuckProfile);

        var profile = ProfileLoader.Load(Request(dir));

        Assert.Equal(file, profile.ProfilesFile);
        Assert.Equal("~/.dbt/", profile.FoundBy);
    }

    [Fact]
    public void Target_flag_beats_DBT_TARGET_which_beats_the_profile_default()
    {
        using var dir = new TempFolder();
        dir.Write("project/profiles.yml", DuckProfile);
        var env = TestEnv.Of(("DBT_TARGET", "ci"));

        Assert.Equal("ci", ProfileLoader.Load(Request(dir, env)).Target.Name);
        Assert.Equal("DBT_TARGET", ProfileLoader.Load(Request(dir, env)).TargetChosenBy);
        Assert.Equal("dev", ProfileLoader.Load(Request(dir, env) with { TargetFlag = "dev" }).Target.Name);
    }

    [Fact]
    public void Without_a_target_key_the_target_is_named_default()
    {
        using var dir = new TempFolder();
        dir.Write("project/profiles.yml", "shop:\n  outputs:\n    default:\n      type: duckdb\n");

        Assert.Equal("default", ProfileLoader.Load(Request(dir)).Target.Name);
    }

    [Fact]
    public void Duckdb_defaults_follow_dbt_duckdb()
    {
        using var dir = new TempFolder();
        dir.Write("project/profiles.yml", DuckProfile);

        var dev = ProfileLoader.Load(Request(dir)).Target;
        var ci = ProfileLoader.Load(Request(dir) with { TargetFlag = "ci" }).Target;

        Assert.Equal("duckdb", dev.Type);
        Assert.Equal("shop", dev.Database);   // the path's stem
        Assert.Equal("main", dev.Schema);
        Assert.Equal(4, dev.Threads);
        Assert.Equal("memory", ci.Database);  // no path: in memory
        Assert.Equal(":memory:", ci.Settings["path"]);
        Assert.Equal("ci", ci.Schema);
        Assert.Equal(1, ci.Threads);
    }

    [Fact]
    public void Postgres_keys_are_kept_and_secrets_never_reach_the_jinja_target()
    {
        using var dir = new TempFolder();
        dir.Write("project/profiles.yml", """
            shop:
              target: prod
              outputs:
                prod:
                  type: postgres
                  host: localhost
                  user: loader
                  password: harbour-secret-pw
                  dbname: warehouse
                  schema: analytics
                  threads: 8
                  sslmode: disable
            """);
        var env = TestEnv.Of();

        var target = ProfileLoader.Load(Request(dir, env)).Target;
        var jinja = target.ToJinjaTarget();

        Assert.Equal("warehouse", target.Database);
        Assert.Equal(5432L, target.Settings["port"]);
        Assert.Equal("disable", target.Settings["sslmode"]);
        Assert.False(jinja.ContainsKey("password"));
        Assert.Equal("prod", jinja["name"]);
        Assert.Equal("shop", jinja["profile_name"]);
        Assert.Equal(8L, jinja["threads"]);
        Assert.Equal("pw=*****", env.Masker.Apply("pw=harbour-secret-pw"));
    }

    [Fact]
    public void No_profiles_yml_says_every_place_it_looked()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir["project"]);

        var e = Assert.Throws<ProjectException>(() => ProfileLoader.Load(Request(dir)));

        Assert.Contains("Could not find profile named 'shop'", e.Message);
        Assert.Contains(dir["project/profiles.yml"], e.Message);
        Assert.Contains(dir["home/.dbt/profiles.yml"], e.Message);
    }

    [Fact]
    public void A_missing_profile_or_target_names_the_file_and_what_exists()
    {
        using var dir = new TempFolder();
        var file = dir.Write("project/profiles.yml", DuckProfile);

        var noProfile = Assert.Throws<ProjectException>(() => ProfileLoader.Load(Request(dir) with { ProfileFlag = "other" }));
        var noTarget = Assert.Throws<ProjectException>(() => ProfileLoader.Load(Request(dir) with { TargetFlag = "prod" }));

        Assert.Contains($"Could not find profile named 'other' in {file}", noProfile.Message);
        Assert.Contains("profiles there: shop", noProfile.Message);
        Assert.Contains("does not have a target named 'prod'", noTarget.Message);
        Assert.Contains("dev, ci", noTarget.Message);
    }

    [Fact]
    public void A_target_without_type_points_at_the_target_in_the_file()
    {
        using var dir = new TempFolder();
        var file = dir.Write("project/profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      schema: main\n");

        var e = Assert.Throws<ProjectException>(() => ProfileLoader.Load(Request(dir)));

        Assert.StartsWith($"{file}:4:5:", e.Message);
        Assert.Contains("without 'type'", e.Message);
    }
}
