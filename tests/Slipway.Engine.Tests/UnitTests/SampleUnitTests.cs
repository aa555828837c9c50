namespace Slipway.Engine.Tests.UnitTests;

/// <summary>The sample project's unit tests check real logic: with a wrong expectation, build fails the test and skips the model.</summary>
public sealed class SampleUnitTests
{
    [Fact]
    public void A_wrong_expectation_in_the_sample_fails_and_skips_dim_customers()
    {
        using var project = new ProjectRun(Path.Combine(TestPaths.RepoRoot, "samples", "harbor_shop"), "harbor_shop.duckdb");
        var file = Path.Combine(project.Root, "models", "marts", "_unit_tests.yml");
        // Customer 1's cancelled order (99.00) must not count: 25.00 + 10.00 is right, 134.00 is not.
        File.WriteAllText(file, File.ReadAllText(file).Replace("lifetime_value: 35.00}", "lifetime_value: 134.00}", StringComparison.Ordinal));
        var (code, output) = project.Run("build", new Dictionary<string, object?> { ["select"] = new[] { "+dim_customers" } });

        Assert.Equal(1, code);
        var statuses = project.Statuses();
        Assert.True(statuses["unit_test.harbor_shop.fct_orders.incremental_run_adds_only_newer_orders"] == "pass", output);
        Assert.Equal("success", statuses["model.harbor_shop.fct_orders"]);
        Assert.Equal("fail", statuses["unit_test.harbor_shop.dim_customers.lifetime_value_counts_shipped_and_delivered_orders"]);
        Assert.Equal("skipped", statuses["model.harbor_shop.dim_customers"]);
        Assert.Contains("→   | 1           | 3                | 134→35\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
