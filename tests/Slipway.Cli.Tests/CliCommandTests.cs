using System.Text.Json;

namespace Slipway.Cli.Tests;

public class CliCommandTests
{
    private static readonly string TimePrefix = @"^\d\d:\d\d:\d\d  ";

    [Fact]
    public void Version_prints_the_dbt_version_followed()
    {
        var (exit, output, _) = CliRun.Run("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("Core:\n  - installed: 1.10.0 (slipway ", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_bad_option_exits_2_with_clicks_message_on_stderr()
    {
        var (exit, output, error) = CliRun.Run("run", "--foo");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("Error: No such option: --foo", error);
    }

    [Fact]
    public void Debug_says_which_files_profile_and_target_are_used_and_how_they_were_found()
    {
        using var project = new TempProject();

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.All(lines.Where(l => l.Length > 0 && char.IsDigit(l[0])), l => Assert.Matches(TimePrefix, l));
        Assert.Matches(TimePrefix + "Running with slipway=", lines[0]);
        Assert.Contains(lines, l => l.EndsWith($"Using dbt_project.yml file at {project.Path_("dbt_project.yml")}"));
        Assert.Contains(lines, l => l.EndsWith($"Using profiles dir at {project.Root} (found by project directory)"));
        Assert.Contains(lines, l => l.EndsWith("Using profile 'shop' (from dbt_project.yml) and target 'dev' (chosen by profile default)"));
        Assert.Contains(lines, l => l.EndsWith("  database: shop"));
        Assert.Contains(lines, l => l.EndsWith("  Connection test: [OK connection ok]"));
        Assert.Matches(TimePrefix + "All checks passed!$", lines[^1]);
    }

    [Fact]
    public void Debug_fails_the_connection_test_for_a_duckdb_file_whose_folder_cannot_exist()
    {
        // The folder would be dbt_project.yml/, a file: it cannot be created, whoever runs the test (root included).
        using var project = new TempProject("shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: dbt_project.yml/sub/shop.duckdb\n");

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.Equal(1, exit);
        Assert.Contains("  Connection test: [ERROR]", output);
        Assert.Contains("1 check failed:", output);
        Assert.Contains("dbt was unable to connect to the specified database.", output);
        Assert.DoesNotContain("All checks passed!", output);
    }

    [Fact]
    public void Debug_fails_the_connection_test_for_a_postgres_server_that_is_not_there()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        using var project = new TempProject("shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: 127.0.0.1\n      port: 1\n      user: nobody\n      password: secret-pw\n      dbname: shop\n      schema: main\n");

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.Equal(1, exit);
        Assert.Contains("  Connection test: [ERROR]", output);
        Assert.Contains("dbt was unable to connect to the specified database.", output);
        Assert.DoesNotContain("secret-pw", output);
    }

    /// <summary>
    /// Runs against the PostgreSQL of <c>scripts/postgres.sh</c> (SLIPWAY_TEST_PG): skipped without one locally, a
    /// failure on CI, where the server must be there.
    /// </summary>
    [SkippableFact]
    public void Debug_passes_the_connection_test_against_a_running_postgres()
    {
        var cs = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG");
        if (string.IsNullOrEmpty(cs) && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: CI must start PostgreSQL (scripts/postgres.sh).");
        Skip.If(string.IsNullOrEmpty(cs), "SLIPWAY_TEST_PG is not set (scripts/postgres.sh starts a server)");
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        using var project = new TempProject($"shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: '{pg.Host}'\n" +
            $"      port: {pg.Port}\n      user: '{pg.Username}'\n      password: '{pg.Password}'\n      dbname: '{pg.Database ?? "postgres"}'\n      schema: main\n");

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.Contains("  Connection test: [OK connection ok]", output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Debug_outside_a_project_fails_the_project_check_and_exits_1()
    {
        using var project = new TempProject();
        File.Delete(project.Path_("dbt_project.yml"));

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.Equal(1, exit);
        Assert.Contains("dbt_project.yml file [ERROR invalid or not found]", output);
        Assert.Contains("1 check failed:", output);
        Assert.Contains($"No dbt_project.yml found at expected path {project.Path_("dbt_project.yml")}", output);
    }

    [Fact]
    public void Debug_with_a_missing_target_fails_one_check_and_exits_1()
    {
        using var project = new TempProject();

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root, "--target", "prod");

        Assert.Equal(1, exit);
        Assert.Contains("1 check failed:", output);
        Assert.Contains("does not have a target named 'prod'", output);
    }

    [Fact]
    public void A_profile_error_in_a_project_command_exits_2_and_keeps_the_stack_trace_in_the_debug_log()
    {
        using var project = new TempProject(profiles: "");
        var env = new Dictionary<string, string> { ["DBT_PROFILES_DIR"] = project.Path_("nowhere") };

        var (exit, output, _) = CliRun.Run(env, "clone", "--project-dir", project.Root, "--state", "prod");

        Assert.Equal(2, exit);
        Assert.Contains("Could not find profile named 'shop'", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Contains("   at ", File.ReadAllText(project.Path_("logs/dbt.log")));

        var (exit2, output2, _) = CliRun.Run(env, "debug", "--project-dir", project.Root);
        Assert.Equal(1, exit2);
        Assert.Contains("Could not find profile named 'shop'", output2);
        Assert.DoesNotContain("   at ", output2);
    }

    [Fact]
    public void Errors_go_to_the_console_as_one_message_and_the_stack_trace_to_logs_dbt_log()
    {
        using var project = new TempProject();
        project.Write("dbt_project.yml", "name: shop\nclean-targets: [\"../outside\"]\n");

        var (exit, output, _) = CliRun.Run("clean", "--project-dir", project.Root);

        Assert.Equal(2, exit);
        Assert.Contains("Encountered an error:", output);
        Assert.Contains("will not clean the following directories outside the project", output);
        Assert.DoesNotContain("   at ", output);
        var log = File.ReadAllText(project.Path_("logs/dbt.log"));
        Assert.Contains("   at Slipway.", log);
        Assert.Contains("[info ] [MainThread]: Running with slipway=", log);
    }

    [Fact]
    public void Clean_deletes_the_clean_targets_and_never_a_source_folder()
    {
        using var project = new TempProject();
        project.Write("dbt_project.yml", "name: shop\nclean-targets: [target, dbt_packages, models]\n");
        project.Write("target/manifest.json", "{}");
        project.Write("dbt_packages/x/dbt_project.yml", "name: x\n");
        project.Write("models/a.sql", "select 1");

        var (exit, output, _) = CliRun.Run("clean", "--project-dir", project.Root);

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(project.Path_("target")));
        Assert.False(Directory.Exists(project.Path_("dbt_packages")));
        Assert.True(File.Exists(project.Path_("models/a.sql")));
        Assert.Contains("Cleaned target/*", output);
        Assert.Contains("not cleaning models/* because it is protected", output);
        Assert.Contains("Finished cleaning all paths.", output);
    }

    [Fact]
    public void Deps_installs_a_local_package_and_writes_the_lock()
    {
        using var project = new TempProject();
        project.Write("../" + Path.GetFileName(project.Root) + "_pkg/dbt_project.yml", "name: anchor_utils\n");
        project.Write("packages.yml", $"packages:\n  - local: ../{Path.GetFileName(project.Root)}_pkg\n");
        try
        {
            var (exit, output, _) = CliRun.Run("deps", "--project-dir", project.Root);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(project.Path_("dbt_packages/anchor_utils/dbt_project.yml")));
            Assert.True(File.Exists(project.Path_("package-lock.yml")));
            Assert.Contains("Installing ../", output);
        }
        finally
        {
            Directory.Delete(project.Root + "_pkg", recursive: true);
        }
    }

    [Fact]
    public void Deps_lock_writes_the_lock_without_installing()
    {
        using var project = new TempProject();
        var package = project.Root + "_pkg";
        project.Write("../" + Path.GetFileName(package) + "/dbt_project.yml", "name: anchor_utils\n");
        project.Write("packages.yml", $"packages:\n  - local: ../{Path.GetFileName(package)}\n");
        try
        {
            var (exit, output, _) = CliRun.Run("deps", "--lock", "--project-dir", project.Root);

            Assert.Equal(0, exit);
            Assert.False(Directory.Exists(project.Path_("dbt_packages")));
            Assert.Contains("name: anchor_utils", File.ReadAllText(project.Path_("package-lock.yml")));
            Assert.Contains("Updated lock file in file path:", output);
            Assert.True(File.Exists(Path.Combine(package, "dbt_project.yml")));
        }
        finally
        {
            Directory.Delete(package, recursive: true);
        }
    }

    [Fact]
    public void Deps_add_package_adds_the_entry_then_installs()
    {
        using var project = new TempProject();
        var package = project.Root + "_pkg";
        project.Write("../" + Path.GetFileName(package) + "/dbt_project.yml", "name: anchor_utils\n");
        try
        {
            var (exit, output, _) = CliRun.Run("deps", "--add-package", "../" + Path.GetFileName(package), "--source", "local",
                "--project-dir", project.Root);

            Assert.Equal(0, exit);
            Assert.Contains("Added new package ../", output);
            Assert.Equal($"packages:\n  - local: ../{Path.GetFileName(package)}\n", File.ReadAllText(project.Path_("packages.yml")));
            Assert.True(File.Exists(project.Path_("dbt_packages/anchor_utils/dbt_project.yml")));
        }
        finally
        {
            Directory.Delete(package, recursive: true);
        }
    }

    [Fact]
    public void Deps_with_a_hub_package_exits_2_naming_it()
    {
        using var project = new TempProject();
        project.Write("packages.yml", "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n");

        var (exit, output, _) = CliRun.Run("deps", "--project-dir", project.Root);

        Assert.Equal(2, exit);
        Assert.Contains("Package 'dbt-labs/dbt_utils' comes from dbt Hub", output);
    }

    [Fact]
    public void Json_log_format_writes_one_json_object_per_line()
    {
        using var project = new TempProject();

        var (exit, output, _) = CliRun.Run("debug", "--project-dir", project.Root, "--log-format", "json");

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l =>
        {
            using var doc = JsonDocument.Parse(l);
            Assert.Equal("info", doc.RootElement.GetProperty("info").GetProperty("level").GetString());
        });
        using var first = JsonDocument.Parse(lines[0]);
        Assert.StartsWith("Running with slipway=", first.RootElement.GetProperty("info").GetProperty("msg").GetString());
    }

    [Fact]
    public void A_cancelled_invocation_stops_with_exit_2()
    {
        using var project = new TempProject();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var output = new StringWriter();

        var exit = SlipwayCli.Run(["debug", "--project-dir", project.Root], output, new StringWriter(),
            new Slipway.Engine.Project.EnvironmentVariables(new Dictionary<string, string>()), cancelled.Token);

        Assert.Equal(2, exit);
        Assert.Contains("The command was cancelled", output.ToString());
        Assert.DoesNotContain("Connection:", output.ToString());
    }

    [Fact]
    public void Quiet_hides_info_lines()
    {
        using var project = new TempProject();
        var (exit, output, _) = CliRun.Run("debug", "-q", "--project-dir", project.Root);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
    }

    [Fact]
    public void Log_level_error_keeps_only_errors_on_the_console_and_the_file_keeps_everything()
    {
        using var project = new TempProject();

        var (exit, output, _) = CliRun.Run("debug", "--log-level", "error", "--project-dir", project.Root, "--target", "prod");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("Running with", output);
        Assert.Contains("1 check failed:", output);
        Assert.Contains("Running with slipway=", File.ReadAllText(project.Path_("logs/dbt.log")));
    }

    [Fact]
    public void Secrets_from_the_profile_never_reach_the_console()
    {
        using var project = new TempProject(profiles: """
            shop:
              target: dev
              outputs:
                dev:
                  type: postgres
                  host: localhost
                  user: loader
                  password: s3cret-harbour-pw
                  dbname: warehouse
                  schema: analytics
            """);

        var (_, output, _) = CliRun.Run("debug", "--project-dir", project.Root);

        Assert.DoesNotContain("s3cret-harbour-pw", output);
        Assert.Contains("  dbname: warehouse", output);
    }
}
