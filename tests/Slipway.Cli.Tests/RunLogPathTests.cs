namespace Slipway.Cli.Tests;

/// <summary><c>--log-path</c> on a run: dbt.log goes to the given folder (relative to the project) and nowhere else.</summary>
public sealed class RunLogPathTests
{
    [Fact]
    public void Run_writes_dbt_log_under_the_log_path_folder()
    {
        using var project = new TempProject();
        project.Write("models/harbour.sql", "select 1 as id");

        var (exit, output, _) = CliRun.Run("run", "--project-dir", project.Root, "--profiles-dir", project.Root, "--log-path", "custom_logs");

        Assert.True(exit == 0, output);
        var log = File.ReadAllText(project.Path_("custom_logs/dbt.log"));
        Assert.Contains("OK created sql view model main.harbour", log);
        Assert.Contains("Done. PASS=1", log);
        Assert.False(Directory.Exists(project.Path_("logs")));
    }
}
