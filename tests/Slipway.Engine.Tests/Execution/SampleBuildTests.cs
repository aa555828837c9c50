namespace Slipway.Engine.Tests.Execution;

/// <summary>The README's first command: `slipway build` on samples/harbor_shop passes, twice (the second run rebuilds over existing relations).</summary>
public sealed class SampleBuildTests
{
    [Fact]
    public void The_sample_project_builds_and_tests_green_twice()
    {
        using var project = new ProjectRun(Path.Combine(TestPaths.RepoRoot, "samples", "harbor_shop"), "harbor_shop.duckdb");
        var first = project.Run("build");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"Done\. PASS=(\d+) WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=\1", first.Output);
        Assert.All(project.Statuses().Values, s => Assert.Contains(s, new[] { "success", "pass" }));
        // Every raw customer becomes one dim_customers row; the seed and the mart are both in the warehouse.
        Assert.Equal(project.Scalar("select count(*) from main_raw.raw_customers"), project.Scalar("select count(*) from main.dim_customers"));

        var second = project.Run("build");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Completed successfully", second.Output);
    }
}
