using System.Text.Json.Nodes;
using Json.Schema;

namespace Slipway.Engine.Tests.UnitTests;

/// <summary>The marina project's unit tests in manifest.json: dbt's shape (overrides included), valid against manifest v12.</summary>
public sealed class UnitTestManifestTests
{
    [Fact]
    public void Unit_tests_are_written_with_their_overrides_and_validate_against_v12()
    {
        using var project = new ProjectRun(MarinaProject.Files());
        var (code, output) = project.Run("parse");
        Assert.True(code == 0, output);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(project.Root, "target", "manifest.json")))!;
        var schema = JsonSchema.FromFile(TestPaths.ArtifactSchema("manifest_v12.json"));
        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));

        var overrides = json["unit_tests"]!["unit_test.fixture.paid_bookings.overrides_change_vars_env_and_macros"]!["overrides"]!;
        Assert.Equal("NOK", overrides["vars"]!["currency"]!.GetValue<string>());
        Assert.Equal("south", overrides["env_vars"]!["UT_MARINA"]!.GetValue<string>());
        Assert.Equal(12, overrides["macros"]!["harbor_fee"]!.GetValue<long>());
        // A test without overrides has none; the disabled one is under disabled, not unit_tests.
        Assert.Null(json["unit_tests"]!["unit_test.fixture.stg_bookings.amount_is_nights_times_rate"]!["overrides"]);
        Assert.Null(json["unit_tests"]!["unit_test.fixture.stg_bookings.disabled_expectation"]);
        Assert.NotNull(json["disabled"]!["unit_test.fixture.stg_bookings.disabled_expectation"]);
    }
}
